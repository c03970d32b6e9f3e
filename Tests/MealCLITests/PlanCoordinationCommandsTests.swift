import Foundation
import GRDB
@testable import MealCore
import XCTest

/// `check`, `diff` and `history` on the bundled district, run as an operator runs them. One test,
/// because planning the district in a debug build takes a while.
final class PlanCoordinationCommandsTests: XCTestCase {
    func testCheckDiffAndHistoryOfADate() throws {
        let cli = try CLIRunner()
        let fixtures = CLIRunner.packageRoot.appendingPathComponent("Fixtures").path
        XCTAssertEqual(try cli.run(["init", "--with-fixture", "yuehu", "--fixtures-dir", fixtures]).status, 0)
        let planned = try cli.run(["plan", "--date", "2026-11-25"])
        XCTAssertEqual(planned.status, 0, planned.stderr)

        let clean = try cli.run(["check", "--date", "2026-11-25"])
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)
        XCTAssertEqual(clean.stdout, "no violations in version 1 of 2026-11-25\n")
        XCTAssertTrue(try cli.run(["check", "--help"]).stdout.contains("status 1"), "the help states the exit status")

        let single = try cli.run(["diff", "--date", "2026-11-25"])
        XCTAssertEqual(single.status, 1)
        XCTAssertTrue(single.stderr.contains("2026-11-25 has only one plan version; a diff needs two"), single.stderr)

        XCTAssertEqual(try cli.run(["plan", "--date", "2026-11-25"]).status, 0)
        let same = try cli.run(["diff", "--date", "2026-11-25"])
        XCTAssertEqual(same.status, 0, same.stderr)
        XCTAssertEqual(same.stdout, """
            2026-11-25: version 1 → version 2
            0 diners with differences, 0 changed by the replan rule (canteen, service, courier, arrival over 15 min, added or removed)

            """, "the same data and seed plan the same day")

        // A coordinator's hand edit of version 2: one delivery two hours late, and log entries
        // about this date, one diner of it, and another date.
        let store = try AppDatabase.open(path: cli.path("meals.db"))
        let moved = try store.writer.write { db -> String in
            let version2 = try XCTUnwrap(Int64.fetchOne(db, sql: "SELECT id FROM plan WHERE date = '2026-11-25' AND version = 2"))
            let diner = try XCTUnwrap(String.fetchOne(db, sql: """
                SELECT min(diner_id) FROM plan_meal WHERE plan_id = ? AND mode = 'delivery'
                """, arguments: [version2]))
            try db.execute(sql: "UPDATE plan_meal SET arrive_s = arrive_s + 7200 WHERE plan_id = ? AND diner_id = ?",
                           arguments: [version2, diner])
            try AppDatabase.logChange(db, by: "王主任", action: "move", subject: "2026-11-25 \(diner)", detail: "two hours later")
            try AppDatabase.logChange(db, by: "王主任", action: "plan", subject: "2026-11-26", detail: "another day")
            return diner
        }

        let broken = try cli.run(["check", "--date", "2026-11-25"])
        XCTAssertEqual(broken.status, 1, "violations exit 1")
        let row = try XCTUnwrap(broken.stdout.split(separator: "\n").first { $0.hasPrefix(moved) }, broken.stdout)
        XCTAssertTrue(row.contains("outside_window") && row.contains("after the window"), String(row))
        XCTAssertTrue(broken.stdout.hasSuffix("in version 2 of 2026-11-25\n"), broken.stdout)
        XCTAssertEqual(try cli.run(["check", "--date", "2026-11-25", "--version", "1"]).status, 0)

        let changed = try cli.run(["diff", "--date", "2026-11-25"])
        XCTAssertEqual(changed.status, 0, changed.stderr)
        let lines = changed.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, changed.stdout)
        XCTAssertTrue(lines[1].contains("(\(moved)): arrival "), lines[1])
        XCTAssertTrue(lines[2].hasPrefix("1 diner with differences, 1 changed by the replan rule"), lines[2])

        let history = try cli.run(["history", "--date", "2026-11-25"])
        XCTAssertEqual(history.status, 0, history.stderr)
        let text = history.stdout
        XCTAssertTrue(text.contains("version 1: ") && text.contains("version 2: "), text)
        XCTAssertTrue(text.contains("2026-11-25 \(moved)") && text.contains("two hours later"), text)
        XCTAssertFalse(text.contains("another day"), "entries about other dates stay out")
        let logLines = text.split(separator: "\n").filter { $0.contains(" plan ") || $0.contains(" move ") }
        XCTAssertEqual(logLines.count, 3, text)
        XCTAssertTrue(logLines[2].contains("move"), "time order: the edit came after both plans")
        XCTAssertTrue(text.contains("version  status  created by  created at"), text)
        XCTAssertEqual(text.split(separator: "\n").filter { $0.hasPrefix("      1  draft   tester") || $0.hasPrefix("      2  draft   tester") }.count,
                       2, text)
    }
}
