import XCTest
import GRDB
@testable import MealCore

/// The v8 migration rebuilds the `diner` table with its lists of allowed values written as
/// comparisons (SQLite checks those without building a temporary index per row). A database
/// made before it keeps every row and reference, and the table refuses what it refused before.
final class DinerCheckMigrationTests: XCTestCase {
    /// A database at v7 holding the test registry, a published plan that refers to a diner and
    /// a welfare outcome: what a district's file looked like before the v8 migration.
    func databaseBeforeTheMigration() throws -> (DatabaseQueue, AppDatabase) {
        let queue = try DatabaseQueue(configuration: AppDatabase.makeConfiguration())
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA application_id = \(AppDatabase.applicationID)")
        }
        try AppDatabase.migrator.migrate(queue, upTo: "v7 district settings")
        let database = AppDatabase(writer: queue, path: nil)
        try importAll(into: database)
        // Written as the v7 schema holds a plan (today's plan record has columns added since).
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO plan (date, version, status, parameters, seed, time_limit_s, created_at, created_by, note, provenance)
                VALUES ('2026-11-25', 1, 'draft', '{}', 7, 1, '2026-11-24T22:00:00Z', 'batch', 'planned', 'planned')
                """)
            let planID = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO plan_meal (plan_id, diner_id, canteen_id, mode) VALUES (?, 'D00001', 'C01', 'pickup')",
                           arguments: [planID])
            try db.execute(sql: "INSERT INTO plan_unserved (plan_id, diner_id, reason, detail) VALUES (?, 'D00002', 'closed', '')",
                           arguments: [planID])
        }
        _ = try database.recordWelfareOutcome(
            WelfareOutcome(date: "2026-11-25", dinerID: "D00001", status: .delivered, note: "好", recordedBy: "张建国"),
            by: "张建国")
        return (queue, database)
    }

    func testAnOlderDatabaseKeepsItsDinersAndWhatRefersToThem() throws {
        let (queue, database) = try databaseBeforeTheMigration()
        // Every table but the migrator's own list of migrations, which gains the new one.
        func content() throws -> String {
            try tableDump(database).components(separatedBy: "## ").filter { !$0.hasPrefix("grdb_migrations") }
                .joined(separator: "## ")
        }
        let before = try content()
        let indexesBefore = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'diner' ORDER BY name")
        }

        try AppDatabase.migrator.migrate(queue, upTo: "v8 diner check comparisons")
        XCTAssertEqual(try content(), before, "every row of every table is as it was")
        // The migrations after it (v9 adds the plan's travel model) run on top.
        try AppDatabase.migrator.migrate(queue)
        try queue.read { db in
            XCTAssertEqual(try AppDatabase.migrator.hasCompletedMigrations(db), true)
            let dinerTable = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'diner'") ?? ""
            XCTAssertFalse(dinerTable.uppercased().contains(" IN ("), dinerTable)
            XCTAssertEqual(try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'diner' ORDER BY name
                """), indexesBefore)
            XCTAssertEqual(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check"), [])
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA integrity_check"), "ok")
            let references = try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(diner)")
            XCTAssertEqual(references.map { $0["table"] as String }, ["canteen"])
        }
        XCTAssertEqual(try database.fetchAll(Diner.self).map(\.id), ["D00001", "D00002"])
        // The plan, the outcome and the unserved row still hold their diners.
        for diner in ["D00001", "D00002"] {
            XCTAssertThrowsError(try queue.write { db in try db.execute(sql: "DELETE FROM diner WHERE id = ?", arguments: [diner]) },
                                 "\(diner) is referred to and cannot be deleted")
        }
        // A canteen deleted still leaves its diners, without a preferred canteen.
        try queue.write { db in
            try db.execute(sql: "DELETE FROM courier WHERE canteen_id = 'C02'")
            try db.execute(sql: "DELETE FROM canteen WHERE id = 'C02'")
        }
        try queue.write { db in
            try db.execute(sql: "DELETE FROM plan_meal")
            try db.execute(sql: "DELETE FROM welfare_outcome")
            try db.execute(sql: "UPDATE diner SET preferred_canteen_id = 'C01'")
            try db.execute(sql: "DELETE FROM courier WHERE canteen_id = 'C01'")
            try db.execute(sql: "DELETE FROM canteen WHERE id = 'C01'")
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM diner WHERE preferred_canteen_id IS NOT NULL"), 0)
        }
    }

    func testTheRebuiltTableRefusesWhatTheListsRefused() throws {
        let database = try AppDatabase.inMemory()
        try importAll(into: database)
        let allowed: [(column: String, values: [String])] = [
            ("mobility", Mobility.allCases.map(\.rawValue)),
            ("mode", ServicePreference.allCases.map(\.rawValue)),
            ("status", DinerStatus.allCases.map(\.rawValue)),
        ]
        for (column, values) in allowed {
            for value in values {
                XCTAssertNoThrow(try database.writer.write { db in
                    try db.execute(sql: "UPDATE diner SET \(column) = ? WHERE id = 'D00001'", arguments: [value])
                }, "\(column) = \(value)")
            }
            for bad in ["", "Walker", "active ", "unknown", "dine-in"] {
                XCTAssertThrowsError(try database.writer.write { db in
                    try db.execute(sql: "UPDATE diner SET \(column) = ? WHERE id = 'D00001'", arguments: [bad])
                }, "\(column) = '\(bad)'") { error in
                    XCTAssertEqual((error as? DatabaseError)?.extendedResultCode, .SQLITE_CONSTRAINT_CHECK, "\(error)")
                }
            }
            XCTAssertThrowsError(try database.writer.write { db in
                try db.execute(sql: "UPDATE diner SET \(column) = NULL WHERE id = 'D00001'")
            }, "\(column) = NULL")
        }
        // Defaults are those of the first table.
        try database.writer.write { db in
            try db.execute(sql: "INSERT INTO diner (id, name, lat, lon) VALUES ('D09999', '新', 28.2, 117.0)")
            let row = try Row.fetchOne(db, sql: "SELECT mobility, mode, status, days FROM diner WHERE id = 'D09999'")
            XCTAssertEqual(row?["mobility"], "independent")
            XCTAssertEqual(row?["mode"], "auto")
            XCTAssertEqual(row?["status"], "active")
            XCTAssertEqual(row?["days"], "1234567")
        }
    }

    func testTheMigrationFollowsTheOnesBefore() {
        XCTAssertEqual(AppDatabase.knownMigrations[7], "v8 diner check comparisons")
    }
}
