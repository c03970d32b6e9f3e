import XCTest
import GRDB
@testable import MealCore

final class ChangeLogTests: XCTestCase {
    func testEntriesAboutADateAreTheDateAndItsDinersInTimeOrder() throws {
        let database = try AppDatabase.inMemory()
        try database.writer.write { db in
            // Written out of time order on purpose, as two operators' machines might.
            let rows: [(String, String, String, String)] = [
                ("2026-11-24T22:10:03Z", "赵协调员", "move", "2026-11-25 D00012"),
                ("2026-11-24T21:00:00Z", "batch", "plan", "2026-11-25"),
                ("2026-11-24T21:30:00Z", "batch", "plan", "2026-11-26"),
                ("2026-11-24T21:40:00Z", "batch", "import diners", ""),
                ("2026-11-24T21:50:00Z", "batch", "note", "2026-11-250"),
                ("2026-11-24T22:00:00Z", "batch", "publish", "2026-11-25"),
            ]
            for (at, by, action, subject) in rows {
                try db.execute(sql: "INSERT INTO change_log (at, by, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
                               arguments: [at, by, action, subject, "\(action) detail"])
            }
        }
        let entries = try database.writer.read { try ChangeLog.entries(aboutDate: "2026-11-25", $0) }
        XCTAssertEqual(entries.map(\.action), ["plan", "publish", "move"])
        XCTAssertEqual(entries.last, ChangeLog.Entry(at: "2026-11-24T22:10:03Z", by: "赵协调员", action: "move",
                                                     subject: "2026-11-25 D00012", detail: "move detail"))
    }
}
