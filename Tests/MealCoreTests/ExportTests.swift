import XCTest
@testable import MealCore

final class ExportTests: XCTestCase {
    func testCSVRoundTripGivesTheSameRecords() throws {
        let source = try AppDatabase.inMemory()
        try importAll(into: source)
        let target = try AppDatabase.inMemory()
        let options = RegistryExport.Options(unmaskedPhones: true)
        for (name, bytes) in [("canteens", RegistryExport.csv(try source.fetchAll(Canteen.self), options: options))] {
            _ = try RegistryImport.importBytes(Canteen.self, bytes: bytes, fileName: name, into: target)
        }
        _ = try RegistryImport.importBytes(Courier.self, bytes: RegistryExport.csv(try source.fetchAll(Courier.self), options: options),
                                           fileName: "couriers", into: target)
        _ = try RegistryImport.importBytes(Diner.self, bytes: RegistryExport.csv(try source.fetchAll(Diner.self), options: options),
                                           fileName: "diners", into: target)
        XCTAssertEqual(try target.fetchAll(Canteen.self), try source.fetchAll(Canteen.self))
        XCTAssertEqual(try target.fetchAll(Courier.self), try source.fetchAll(Courier.self))
        XCTAssertEqual(try target.fetchAll(Diner.self), try source.fetchAll(Diner.self))
    }

    func testCSVStartsWithBOMMasksPhonesAndNeutralisesFormulas() throws {
        let diner = try Diner(id: "D1", name: "=HYPERLINK(\"http://x\")", location: GeoPoint(latitude: 28.2, longitude: 117),
                              address: "@SUM(A1)", phone: "13812345678", allergies: "-花生", tags: ["+1"],
                              emergencyContact: "女儿 13900001111")
        let bytes = RegistryExport.csv([diner])
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(text.contains("138****5678"))
        XCTAssertFalse(text.contains("13812345678"))
        XCTAssertTrue(text.contains("女儿 139****1111"))
        let records = try CSVReader().records(in: text)
        let cells = Dictionary(uniqueKeysWithValues: zip(records[0].fields, records[1].fields))
        for column in ["name", "address", "allergies", "tags"] {
            XCTAssertEqual(cells[column]?.first, "'", "\(column) must not start a formula: \(cells[column] ?? "")")
        }
        XCTAssertEqual(cells["lat"], "28.2", "numbers are written as they are")

        // The guard is undone on import, so a round trip keeps the text.
        let database = try AppDatabase.inMemory()
        _ = try RegistryImport.importBytes(Diner.self, bytes: RegistryExport.csv([diner], options: .init(unmaskedPhones: true)),
                                           fileName: "d.csv", into: database)
        XCTAssertEqual(try database.fetchAll(Diner.self), [diner])
    }

    func testUnmaskedShowsPhonesAndJSONHasNumbers() throws {
        let canteen = try Canteen(id: "C1", name: "甲", location: GeoPoint(latitude: 28.2, longitude: 117.5),
                                  kitchenCapacity: 30, phone: "13812345678")
        let unmasked = String(decoding: RegistryExport.csv([canteen], options: .init(unmaskedPhones: true)), as: UTF8.self)
        XCTAssertTrue(unmasked.contains("13812345678"))
        let json = try JSONSerialization.jsonObject(with: Data(RegistryExport.json([canteen]))) as? [[String: Any]]
        XCTAssertEqual(json?.first?["lat"] as? Double, 28.2)
        XCTAssertEqual(json?.first?["kitchen_capacity"] as? Int, 30)
        XCTAssertEqual(json?.first?["phone"] as? String, "138****5678")
    }

    func testPhoneMaskKeepsOtherText() {
        XCTAssertEqual(PhoneMask.mask("13812345678"), "138****5678")
        XCTAssertEqual(PhoneMask.mask("0701-6221234"), "070*-***1234", "the area code is part of the number")
        XCTAssertEqual(PhoneMask.mask("儿子 王军 13912345678"), "儿子 王军 139****5678")
        XCTAssertEqual(PhoneMask.mask("3栋201"), "3栋201")
    }
}
