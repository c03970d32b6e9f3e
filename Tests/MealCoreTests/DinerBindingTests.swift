import XCTest
import GRDB
@testable import MealCore

/// Diners are bound into SQLite directly on upsert (`Diner+Binding`); what is stored must be
/// exactly the diner's `storedValues`, which everything else reads and compares with.
final class DinerBindingTests: XCTestCase {
    func testUpsertedDinersAreStoredAsTheirStoredValues() throws {
        let database = try AppDatabase.inMemory()
        try importAll(into: database)
        var diners = try database.fetchAll(Diner.self)
        // A full batch of 40 rows and a part batch, with every optional value both set and empty.
        for number in 3...45 {
            var diner = diners[number % 2]
            diner = try Diner(id: DinerID("D\(String(format: "%05d", number))"), name: number % 3 == 0 ? "王" : "欧阳秀英\(number)",
                              community: diner.community, grid: diner.grid, location: diner.location,
                              address: number % 4 == 0 ? "" : "滨江路\(number)号 \"东\"栋", phone: number % 5 == 0 ? "" : "1381234\(5000 + number)",
                              birthYear: number % 2 == 0 ? nil : 1930 + number, mobility: diner.mobility, mode: diner.mode,
                              diets: diner.diets, allergies: diner.allergies, priority: diner.priority, tags: number % 2 == 0 ? [] : ["alone"],
                              days: diner.days, window: number % 2 == 0 ? nil : diner.window,
                              preferredCanteenID: number % 2 == 0 ? nil : "C01", status: diner.status,
                              emergencyContact: diner.emergencyContact)
            diners.append(diner)
        }
        try database.writer.write { db in try Diner.upsertAll(diners, db) }
        let columns = Diner.storedColumns.joined(separator: ", ")
        let stored = try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT \(columns) FROM diner ORDER BY id").map { row in
                Diner.storedColumns.map { row[$0] as DatabaseValue }
            }
        }
        XCTAssertEqual(stored.count, diners.count)
        XCTAssertEqual(stored, diners.sorted { $0.id.rawValue < $1.id.rawValue }.map(\.storedValues))
        XCTAssertEqual(try database.fetchAll(Diner.self).count, 45)
    }
}
