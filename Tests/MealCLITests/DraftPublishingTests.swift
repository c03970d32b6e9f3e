import Foundation
import GRDB
import XCTest

/// What operators print after a coordinator's change: a change is a draft until it is published,
/// every change command can publish it, and the printing commands say when a newer draft exists.
final class DraftPublishingTests: XCTestCase {
    let date = "2026-11-25"

    /// A small generated district planned and published for `date`, and its delivery couriers
    /// ordered by how many meals they carry (most first).
    func publishedDistrict() throws -> (CLIRunner, couriers: [String]) {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["fixture", "--diners", "400", "--seed", "3", "--out", cli.path("sets/small")]).status, 0)
        XCTAssertEqual(try cli.run(["init", "--with-fixture", "small", "--fixtures-dir", cli.path("sets")]).status, 0)
        let planned = try cli.run(["plan", "--date", date, "--publish"])
        XCTAssertEqual(planned.status, 0, planned.stderr)
        let couriers = try query(cli) { db in
            try String.fetchAll(db, sql: """
                SELECT courier_id FROM plan_meal WHERE mode = 'delivery' GROUP BY courier_id ORDER BY count(*) DESC, courier_id
                """)
        }
        return (cli, couriers)
    }

    func query<T>(_ cli: CLIRunner, _ read: (Database) throws -> T) throws -> T {
        let queue = try DatabaseQueue(path: cli.path("meals.db"))
        defer { try? queue.close() }
        return try queue.read(read)
    }

    /// The defect: after `absent`, `routes --courier` still printed the absent courier's round,
    /// without a word about the newer version.
    func testAnAbsenceReachesTheRouteSheetsOnlyWhenPublishedAndTheDraftIsNamedMeanwhile() throws {
        let (cli, couriers) = try publishedDistrict()
        let absentCourier = couriers[0]
        XCTAssertTrue(try cli.run(["routes", "--date", date, "--courier", absentCourier]).stdout.contains("(\(absentCourier), "))

        let draft = try cli.run(["absent", "--courier", absentCourier, "--date", date])
        XCTAssertEqual(draft.status, 0, draft.stderr)
        XCTAssertTrue(draft.stdout.contains("stored as version 2"), draft.stdout)
        XCTAssertTrue(draft.stdout.contains("operators still print version 1")
                      && draft.stdout.contains("mealcli publish --date \(date)"), "says what operators print and how to publish:\n\(draft.stdout)")

        let stale = try cli.run(["routes", "--date", date, "--courier", absentCourier])
        XCTAssertEqual(stale.status, 0, stale.stderr)
        XCTAssertTrue(stale.stderr.contains("version 2") && stale.stderr.contains("not published"),
                      "warns that a newer draft exists:\n\(stale.stderr)")
        let roster = try cli.run(["roster", "--date", date, "--canteen", "C01"])
        XCTAssertTrue(roster.stderr.contains("version 2") && roster.stderr.contains("not published"), roster.stderr)
        let rosterJSON = try cli.run(["roster", "--date", date, "--canteen", "C01", "--format", "json"])
        XCTAssertTrue(rosterJSON.stdout.contains(#""newer_unpublished_versions":[2]"#), rosterJSON.stdout)
        let exported = try cli.run(["export", "plan", "--date", date])
        XCTAssertTrue(exported.stderr.contains("not published"), exported.stderr)
        let document = try JSONSerialization.jsonObject(with: Data(exported.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(document?["version"] as? Int, 1)
        XCTAssertEqual(document?["newer_unpublished_versions"] as? [Int], [2], exported.stdout)

        // The next change publishes everything so far: the absent courier has no round any more.
        let lockTarget = try query(cli) { db in
            try String.fetchOne(db, sql: """
                SELECT m.diner_id FROM plan_meal m JOIN plan p ON p.id = m.plan_id
                WHERE p.version = 2 AND m.mode = 'dine_in' ORDER BY m.diner_id LIMIT 1
                """)
        }
        let published = try cli.run(["lock", try XCTUnwrap(lockTarget), "--date", date, "--publish"])
        XCTAssertEqual(published.status, 0, published.stderr)
        XCTAssertTrue(published.stdout.contains("stored as version 3") && published.stdout.contains("published"), published.stdout)
        let fresh = try cli.run(["routes", "--date", date, "--courier", absentCourier])
        XCTAssertEqual(fresh.status, 0, fresh.stderr)
        XCTAssertTrue(fresh.stdout.contains("no delivery trips match on \(date) (version 3)"), fresh.stdout)
        XCTAssertEqual(fresh.stderr, "", "nothing newer to warn about")
        let current = try cli.run(["export", "plan", "--date", date])
        XCTAssertFalse(current.stdout.contains("newer_unpublished_versions"), "no field when nothing newer is unpublished")
    }

    /// The defect: locking a locked diner or a replan that moves nobody stored a version anyway.
    func testChangesThatChangeNothingStoreNoVersion() throws {
        let (cli, _) = try publishedDistrict()
        let diner = try XCTUnwrap(try query(cli) { db in
            try String.fetchOne(db, sql: "SELECT diner_id FROM plan_meal WHERE mode = 'dine_in' ORDER BY diner_id LIMIT 1")
        })
        XCTAssertTrue(try cli.run(["lock", diner, "--date", date]).stdout.contains("stored as version 2"))
        let again = try cli.run(["lock", diner, "--date", date])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("nothing changed") && again.stdout.contains("no new version"), again.stdout)
        XCTAssertFalse(again.stdout.contains("stored as version"), again.stdout)

        let replan = try cli.run(["replan", "--date", date])
        XCTAssertEqual(replan.status, 0, replan.stderr)
        XCTAssertTrue(replan.stdout.contains("nothing changed") && replan.stdout.contains("no new version"), replan.stdout)
        XCTAssertEqual(try query(cli) { try Int.fetchOne($0, sql: "SELECT max(version) FROM plan") }, 2)

        // Publishing on a change that changes nothing still publishes the newest version.
        let publishing = try cli.run(["lock", diner, "--date", date, "--publish"])
        XCTAssertTrue(publishing.stdout.contains("version 2 published"), publishing.stdout)
        XCTAssertEqual(try query(cli) { try Int.fetchOne($0, sql: "SELECT version FROM plan WHERE status = 'published'") }, 2)
    }

    func testRevertStoresTheOldVersionAgainAndStatusShowsTheDate() throws {
        let (cli, couriers) = try publishedDistrict()
        XCTAssertEqual(try cli.run(["absent", "--courier", couriers[0], "--date", date, "--by", "王协调"]).status, 0)
        let reverted = try cli.run(["revert", "--date", date, "--to-version", "1", "--by", "王协调"])
        XCTAssertEqual(reverted.status, 0, reverted.stderr)
        XCTAssertTrue(reverted.stdout.contains("stored as version 3"), reverted.stdout)
        let diff = try cli.run(["diff", "--date", date, "--from", "1", "--to", "3"])
        XCTAssertTrue(diff.stdout.contains("0 diners with differences"), diff.stdout)
        let again = try cli.run(["revert", "--date", date, "--to-version", "3"])
        XCTAssertTrue(again.stdout.contains("nothing changed"), again.stdout)
        let history = try cli.run(["history", "--date", date])
        XCTAssertTrue(history.stdout.contains(" revert ") && history.stdout.contains("王协调"), history.stdout)

        let status = try cli.run(["status", "--from", date, "--days", "2", "--format", "json"])
        XCTAssertEqual(status.status, 0, status.stderr)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let days = try XCTUnwrap(report["dates"] as? [[String: Any]])
        XCTAssertEqual(days.count, 2)
        XCTAssertEqual(days[0]["date"] as? String, date)
        XCTAssertEqual(days[0]["planned"] as? Bool, true)
        XCTAssertEqual(days[0]["versions"] as? Int, 3)
        XCTAssertEqual(days[0]["published_version"] as? Int, 1)
        XCTAssertEqual(days[0]["newer_unpublished_versions"] as? [Int], [2, 3])
        XCTAssertEqual(days[1]["planned"] as? Bool, false)
        let text = try cli.run(["status", "--from", date, "--days", "2"])
        XCTAssertTrue(text.stdout.contains(date) && text.stdout.contains("not planned"), text.stdout)
    }
}
