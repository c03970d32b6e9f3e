import Foundation
import GRDB
import XCTest

/// Every coordinator's command run as an operator runs it, on a small generated district: each
/// stores a new version, says what it did, and is found in the history with who made it.
final class CoordinatorCommandsTests: XCTestCase {
    let date = "2026-11-25"

    func prepared() throws -> (CLIRunner, deliveries: [(diner: String, courier: String, canteen: String)], sitters: [String]) {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["fixture", "--diners", "400", "--seed", "3", "--out", cli.path("sets/small")]).status, 0)
        XCTAssertEqual(try cli.run(["init", "--with-fixture", "small", "--fixtures-dir", cli.path("sets")]).status, 0)
        let planned = try cli.run(["plan", "--date", date])
        XCTAssertEqual(planned.status, 0, planned.stderr)
        let queue = try DatabaseQueue(path: cli.path("meals.db"))
        defer { try? queue.close() }
        let (deliveries, sitters) = try queue.read { db in
            (try Row.fetchAll(db, sql: """
                SELECT diner_id, courier_id, canteen_id FROM plan_meal WHERE mode = 'delivery' ORDER BY courier_id, trip, position
                """).map { ($0["diner_id"] as String, $0["courier_id"] as String, $0["canteen_id"] as String) },
             try String.fetchAll(db, sql: "SELECT diner_id FROM plan_meal WHERE mode = 'dine_in' ORDER BY diner_id"))
        }
        return (cli, deliveries, sitters)
    }

    func expectVersion(_ result: CLIRunner.Result, _ version: Int, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        XCTAssertTrue(result.stdout.contains("stored as version \(version)"), result.stdout, file: file, line: line)
    }

    func testEachCoordinatorCommand() throws {
        let (cli, deliveries, sitters) = try prepared()
        let byCourier = Dictionary(grouping: deliveries, by: \.courier)
        let (first, second) = (deliveries[0], deliveries.first { $0.courier != deliveries[0].courier }!)

        expectVersion(try cli.run(["move", first.diner, "--date", date, "--to-courier", second.courier, "--position", "1", "--by", "王协调"]), 2)
        expectVersion(try cli.run(["move", sitters[0], "--date", date, "--to-canteen", first.canteen, "--mode", "pickup"]), 3)
        expectVersion(try cli.run(["swap", sitters[1], sitters[2], "--date", date]), 4)
        expectVersion(try cli.run(["lock", sitters[3], "--date", date]), 5)
        expectVersion(try cli.run(["unlock", sitters[3], "--date", date]), 6)
        expectVersion(try cli.run(["lock", "--courier", second.courier, "--date", date]), 7)
        expectVersion(try cli.run(["cancel", sitters[4], "--date", date, "--reason", "hospitalized"]), 8)
        expectVersion(try cli.run(["add", sitters[4], "--date", date]), 9)
        let busiest = byCourier.max { $0.value.count < $1.value.count }!.key
        let absent = try cli.run(["absent", "--courier", busiest, "--date", date])
        expectVersion(absent, 10)
        XCTAssertTrue(absent.stdout.contains("absent: \(byCourier[busiest]!.count) deliveries moved"), absent.stdout)
        expectVersion(try cli.run(["close", "--canteen", first.canteen, "--date", date]), 11)
        let replan = try cli.run(["replan", "--date", date, "--max-changes", "3"])
        XCTAssertEqual(replan.status, 0, replan.stderr)
        // A replan that moves nobody stores no version and says so.
        let replanStored = replan.stdout.contains("version 12,")
        XCTAssertTrue(replanStored || replan.stdout.contains("nothing changed"), replan.stdout)

        // Mistakes are refused with a reason and write nothing.
        let unknown = try cli.run(["move", "D99999", "--date", date, "--to-canteen", first.canteen])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("no diner has the id, name or phone ending 'D99999'"), unknown.stderr)
        let noPlan = try cli.run(["swap", sitters[1], sitters[2], "--date", "2026-12-01"])
        XCTAssertEqual(noPlan.status, 1)
        XCTAssertTrue(noPlan.stderr.contains("no plan for 2026-12-01"), noPlan.stderr)

        let history = try cli.run(["history", "--date", date])
        XCTAssertEqual(history.status, 0, history.stderr)
        for action in ["move", "swap", "lock", "unlock", "cancel", "add", "absent", "close"] + (replanStored ? ["replan"] : []) {
            XCTAssertTrue(history.stdout.contains(" \(action) "), "history lists \(action):\n\(history.stdout)")
        }
        XCTAssertTrue(history.stdout.contains("王协调"), history.stdout)
        let check = try cli.run(["check", "--date", date])
        XCTAssertTrue([0, 1].contains(check.status), check.stderr)
    }
}
