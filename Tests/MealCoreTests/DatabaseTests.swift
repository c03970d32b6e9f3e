import XCTest
import GRDB
@testable import MealCore

final class DatabaseTests: XCTestCase {
    func testNewFileIsPrivateToItsOwnerAndHasForeignKeys() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("meals.db").path
        let database = try AppDatabase.open(path: path, create: true)
        try importAll(into: database)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        try database.writer.read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "PRAGMA foreign_keys"), 1)
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA journal_mode"), "wal")
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA integrity_check"), "ok")
            let keys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(courier)")
            XCTAssertEqual(keys.map { $0["table"] as String }, ["canteen"])
        }
        XCTAssertThrowsError(try database.writer.write { db in
            try db.execute(sql: "DELETE FROM canteen WHERE id = 'C01'")
        }, "a canteen with couriers cannot be deleted")
    }

    func testOpeningRefusesMissingForeignAndNewerFiles() throws {
        let directory = try temporaryDirectory()
        let missing = directory.appendingPathComponent("none.db").path
        XCTAssertThrowsError(try AppDatabase.open(path: missing)) { error in
            guard case StoreError.missing(let path) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(path, missing)
            XCTAssertFalse("\(error)".contains("mealcli"), "the library names no command: \(error)")
        }
        let text = directory.appendingPathComponent("notes.db").path
        try Data("hello, this is not sqlite".utf8).write(to: URL(fileURLWithPath: text))
        XCTAssertThrowsError(try AppDatabase.open(path: text)) { error in
            XCTAssertEqual("\(error)", "\(text) is not a meal database (it is not an SQLite file)")
        }
        let foreign = directory.appendingPathComponent("foreign.db").path
        let queue = try DatabaseQueue(path: foreign)
        try queue.write { try $0.execute(sql: "CREATE TABLE t(x)") }
        try queue.close()
        XCTAssertThrowsError(try AppDatabase.open(path: foreign)) { error in
            XCTAssertTrue("\(error)".contains("another application"), "\(error)")
        }
        let newer = directory.appendingPathComponent("newer.db").path
        let database = try AppDatabase.open(path: newer, create: true)
        try database.writer.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v999 from the future')")
        }
        XCTAssertThrowsError(try AppDatabase.open(path: newer)) { error in
            XCTAssertTrue("\(error)".contains("newer version"), "\(error)")
        }
    }

    func testBundledLoadIsOneTransaction() throws {
        let directory = try temporaryDirectory()
        try canteensCSV.write(to: directory.appendingPathComponent("canteens.csv"), atomically: true, encoding: .utf8)
        try couriersCSV.write(to: directory.appendingPathComponent("couriers.csv"), atomically: true, encoding: .utf8)
        try (dinersCSV + "D9,坏,,,28.2,117,,,,,,,,,,,,C77,,\n")
            .write(to: directory.appendingPathComponent("diners.csv"), atomically: true, encoding: .utf8)
        let database = try AppDatabase.inMemory()
        let before = try tableDump(database)
        XCTAssertThrowsError(try BundledData.load(from: directory.path, into: database)) { error in
            XCTAssertTrue("\(error)".contains("diners.csv:4: column preferred_canteen: no canteen with this id (got 'C77')"), "\(error)")
        }
        XCTAssertEqual(try tableDump(database), before, "canteens and couriers must not be kept when diners fail")
    }

    func testImportsAreRecordedInTheChangeLog() throws {
        let database = try AppDatabase.inMemory()
        _ = try RegistryImport.importBytes(Canteen.self, bytes: Array(canteensCSV.utf8), fileName: "c.csv",
                                           into: database, by: "赵协调员")
        let row = try database.writer.read { try Row.fetchOne($0, sql: "SELECT * FROM change_log") }
        XCTAssertEqual(row?["by"], "赵协调员")
        XCTAssertEqual(row?["action"], "import canteens")
        XCTAssertEqual(row?["detail"], "2 new, 0 updated, 0 unchanged")
    }
}
