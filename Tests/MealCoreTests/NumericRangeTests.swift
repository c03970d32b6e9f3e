import XCTest
@testable import MealCore

/// Every number read from a registry file has a documented range (docs/formats.md) and is
/// checked on import, so the planner's arithmetic never meets a figure it cannot add up.
final class NumericRangeTests: XCTestCase {
    private func issues<R: RegistryRecord>(_ type: R.Type, _ text: String, into database: AppDatabase? = nil) throws -> [String] {
        let database = try database ?? AppDatabase.inMemory()
        let before = try tableDump(database)
        do {
            _ = try RegistryImport.importBytes(type, bytes: Array(text.utf8), fileName: "in.csv", into: database)
        } catch let failure as ImportFailure {
            XCTAssertEqual(try tableDump(database), before, "nothing is written")
            return failure.issues.map(\.description)
        }
        XCTFail("the import should have failed")
        return []
    }

    func testHugeSeatsAndKitchenCapacityAreRefusedWithFileLineAndColumn() throws {
        let text = """
        id,name,lat,lon,seats,sittings,kitchen_capacity
        C01,甲食堂,28.2,117.0,9223372036854775807,11:00-12:00,50
        C02,乙食堂,28.2,117.0,20,11:00-12:00,9223372036854775807
        C03,丙食堂,28.2,117.0,99999999999999999999,11:00-12:00,-1
        C04,丁食堂,28.2,117.0,2001,11:00-12:00,10001
        """
        XCTAssertEqual(try issues(Canteen.self, text), [
            "in.csv:2: column seats: seats per sitting must be between 0 and 2000 (got '9223372036854775807')",
            "in.csv:3: column kitchen_capacity: meals per lunch must be between 0 and 10000 (got '9223372036854775807')",
            "in.csv:4: column seats: seats per sitting must be between 0 and 2000 (got '99999999999999999999')",
            "in.csv:4: column kitchen_capacity: meals per lunch must be between 0 and 10000 (got '-1')",
            "in.csv:5: column seats: seats per sitting must be between 0 and 2000 (got '2001')",
            "in.csv:5: column kitchen_capacity: meals per lunch must be between 0 and 10000 (got '10001')",
        ])
    }

    func testHugeCourierCapacityIsRefusedWithFileLineAndColumn() throws {
        let database = try AppDatabase.inMemory()
        try importAll(into: database)
        let text = """
        id,name,canteen_id,vehicle,capacity,shift_start,shift_end
        K9,赵,C01,ebike,9223372036854775807,10:30,13:00
        K10,钱,C01,ebike,201,10:30,13:00
        K11,孙,C01,ebike,0,10:30,13:00
        """
        XCTAssertEqual(try issues(Courier.self, text, into: database), [
            "in.csv:2: column capacity: meals per trip must be between 1 and 200 (got '9223372036854775807')",
            "in.csv:3: column capacity: meals per trip must be between 1 and 200 (got '201')",
            "in.csv:4: column capacity: meals per trip must be between 1 and 200 (got '0')",
        ])
    }

    func testValuesAtTheEdgesOfTheRangesImport() throws {
        let database = try AppDatabase.inMemory()
        _ = try RegistryImport.importBytes(Canteen.self, bytes: Array("""
            id,name,lat,lon,seats,sittings,kitchen_capacity
            C01,甲食堂,90,180,2000,00:00-24:00,10000
            C02,乙食堂,-90,-180,0,,0
            """.utf8), fileName: "c.csv", into: database)
        _ = try RegistryImport.importBytes(Courier.self, bytes: Array("""
            id,name,canteen_id,vehicle,capacity,shift_start,shift_end
            K1,赵,C01,car,200,00:00,24:00
            K2,钱,C02,walk,1,23:59,24:00
            """.utf8), fileName: "k.csv", into: database)
        let registry = try database.registry()
        XCTAssertEqual(registry.canteens.map(\.seats), [2000, 0])
        XCTAssertEqual(registry.couriers.map(\.capacity), [200, 1])
    }

    /// A registry built in code (the generator, a test, a library user) meets the same ranges.
    func testTheModelRefusesNumbersOutsideTheirRanges() throws {
        let here = try GeoPoint(latitude: 28.2, longitude: 117)
        XCTAssertThrowsError(try Canteen(id: "C1", name: "甲", location: here, seats: .max, kitchenCapacity: 10)) { error in
            XCTAssertEqual((error as? DomainError)?.field, "seats")
        }
        XCTAssertThrowsError(try Canteen(id: "C1", name: "甲", location: here, kitchenCapacity: .max)) { error in
            XCTAssertEqual((error as? DomainError)?.field, "kitchen_capacity")
        }
        let shift = try TimeWindow(parsing: "10:30-13:00")
        XCTAssertThrowsError(try Courier(id: "K1", name: "赵", canteenID: "C1", vehicle: .ebike, capacity: .max, shift: shift)) { error in
            XCTAssertEqual((error as? DomainError)?.field, "capacity")
        }
    }
}
