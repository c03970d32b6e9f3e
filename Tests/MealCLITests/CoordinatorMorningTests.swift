import Foundation
import GRDB
import XCTest

/// A coordinator's morning through the binary: an absence, a closure, a move and a lock, then a
/// replan within a budget that publishes; the couriers' sheets and `status` show the result.
final class CoordinatorMorningTests: XCTestCase {
    let date = "2026-11-25"

    func testTheMorningsChangesReachTheRouteSheets() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["fixture", "--diners", "400", "--seed", "3", "--out", cli.path("sets/small")]).status, 0)
        XCTAssertEqual(try cli.run(["init", "--with-fixture", "small", "--fixtures-dir", cli.path("sets")]).status, 0)
        XCTAssertEqual(try cli.run(["plan", "--date", date, "--publish"]).status, 0)
        let sql = Sql(cli.path("meals.db"))
        // A canteen with deliveries and a second courier: its least busy courier takes over a
        // delivery of another.
        let sharedCanteen = try XCTUnwrap(sql.strings("""
            SELECT canteen_id FROM courier GROUP BY canteen_id
            HAVING count(*) >= 2 AND canteen_id IN (SELECT canteen_id FROM plan_meal WHERE mode = 'delivery')
            ORDER BY canteen_id LIMIT 1
            """).first)
        let receiving = try XCTUnwrap(sql.strings("""
            SELECT id FROM courier WHERE canteen_id = ?
            ORDER BY (SELECT count(*) FROM plan_meal WHERE courier_id = courier.id), id LIMIT 1
            """, [sharedCanteen]).first)
        let absentCourier = try XCTUnwrap(sql.strings("""
            SELECT courier_id FROM plan_meal WHERE mode = 'delivery' AND canteen_id <> ?
            GROUP BY courier_id ORDER BY count(*) DESC, courier_id LIMIT 1
            """, [sharedCanteen]).first)
        let absentCanteen = try XCTUnwrap(sql.strings("SELECT canteen_id FROM courier WHERE id = ?", [absentCourier]).first)
        let closedCanteen = try XCTUnwrap(sql.strings("""
            SELECT canteen_id FROM plan_meal WHERE mode = 'dine_in' AND canteen_id NOT IN (?, ?)
            GROUP BY canteen_id ORDER BY count(*), canteen_id LIMIT 1
            """, [sharedCanteen, absentCanteen]).first)

        XCTAssertEqual(try cli.run(["absent", "--courier", absentCourier, "--date", date, "--by", "王协调"]).status, 0)
        XCTAssertEqual(try cli.run(["close", "--canteen", closedCanteen, "--date", date, "--by", "王协调"]).status, 0)
        // A delivery of the shared canteen that the other courier carries now, named as the
        // coordinator knows them: by name (one nobody else has).
        let moved = try XCTUnwrap(sql.strings("""
            SELECT m.diner_id FROM plan_meal m JOIN plan p ON p.id = m.plan_id JOIN diner d ON d.id = m.diner_id
            WHERE p.version = (SELECT max(version) FROM plan) AND m.mode = 'delivery' AND m.canteen_id = ?
              AND m.courier_id <> ? AND (SELECT count(*) FROM diner o WHERE o.name = d.name) = 1
            ORDER BY m.diner_id LIMIT 1
            """, [sharedCanteen, receiving]).first)
        let movedName = try XCTUnwrap(sql.strings("SELECT name FROM diner WHERE id = ?", [moved]).first)
        let move = try cli.run(["move", movedName, "--date", date, "--to-courier", receiving, "--by", "王协调"])
        XCTAssertEqual(move.status, 0, move.stderr)
        XCTAssertTrue(move.stdout.contains("operators still print version 1"), move.stdout)
        XCTAssertEqual(try cli.run(["lock", movedName, "--date", date, "--by", "王协调"]).status, 0)
        XCTAssertEqual(try sql.strings("SELECT subject FROM change_log WHERE action LIKE '%lock%'"), ["\(date) \(moved)"],
                       "the change log records the id the name stood for")
        let replan = try cli.run(["replan", "--date", date, "--max-changes", "5", "--publish", "--by", "王协调"])
        XCTAssertEqual(replan.status, 0, replan.stderr)
        XCTAssertTrue(replan.stdout.contains("published"), replan.stdout)

        let newest = try XCTUnwrap(sql.ints("SELECT max(version) FROM plan").first)
        XCTAssertGreaterThanOrEqual(newest, 5)
        XCTAssertEqual(try sql.ints("SELECT version FROM plan WHERE status = 'published'"), [newest])
        let name = try XCTUnwrap(sql.strings("SELECT name FROM diner WHERE id = ?", [moved]).first)
        let sheets = try cli.run(["routes", "--date", date, "--courier", receiving])
        XCTAssertEqual(sheets.status, 0, sheets.stderr)
        XCTAssertTrue(sheets.stdout.contains("\(date) v\(newest) "), sheets.stdout)
        XCTAssertTrue(sheets.stdout.contains(name), "the moved diner is on the receiving courier's sheet:\n\(sheets.stdout)")
        XCTAssertEqual(sheets.stderr, "")
        let absentSheets = try cli.run(["routes", "--date", date, "--courier", absentCourier])
        XCTAssertTrue(absentSheets.stdout.contains("no delivery trips match"), absentSheets.stdout)

        let status = try cli.run(["status", "--from", date, "--days", "1"])
        XCTAssertEqual(status.status, 0, status.stderr)
        let row = try XCTUnwrap(status.stdout.split(separator: "\n").first { $0.hasPrefix(date) }, status.stdout)
        XCTAssertTrue(row.contains("published v\(newest)") && row.contains("\(newest) versions"), String(row))
        XCTAssertFalse(row.contains("draft"), "nothing newer than the published version:\n\(row)")
    }
}

/// Reads the test's database directly, for what the test needs to know of the plan.
struct Sql {
    let path: String
    init(_ path: String) { self.path = path }

    func strings(_ query: String, _ arguments: [String] = []) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { try String.fetchAll($0, sql: query, arguments: StatementArguments(arguments)) }
    }

    func ints(_ query: String) throws -> [Int] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { try Int.fetchAll($0, sql: query) }
    }
}
