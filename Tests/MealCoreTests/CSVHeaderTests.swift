import XCTest
@testable import MealCore

final class CSVHeaderTests: XCTestCase {
    private let required = ["id", "name", "address"]
    private let known = ["phone", "notes"]

    func testColumnsInAnyOrderAreMapped() throws {
        let records = try CSVReader().records(in: "phone, address ,id,name\n139,江边街道,7,王秀英\n")
        let map = try CSVHeaderMap(headerRecord: records[0], required: required, known: known)
        XCTAssertEqual(map.indexByName, ["phone": 0, "address": 1, "id": 2, "name": 3])
        XCTAssertEqual(map.unknownColumns, [])
        XCTAssertEqual(map.value(of: "name", in: records[1]), "王秀英")
        XCTAssertEqual(map.value(of: "address", in: records[1]), "江边街道")
        XCTAssertNil(map.value(of: "notes", in: records[1]))
        XCTAssertNil(map.value(of: "phone", in: CSVRecord(fields: [], line: 3)), "short record")
        XCTAssertEqual(map.index(of: "id"), 2)
    }

    func testMissingRequiredColumnsAreAllReported() {
        XCTAssertThrowsError(try CSVHeaderMap(header: ["name", "phone"], required: required, known: known,
                                              source: "clients.csv", line: 1)) { error in
            guard let error = error as? CSVHeaderError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.missingRequired, ["id", "address"])
            XCTAssertEqual(error.duplicates, [])
            XCTAssertTrue(error.description.hasPrefix("clients.csv:1: "), error.description)
            XCTAssertTrue(error.description.contains("id, address"), error.description)
        }
    }

    func testUnknownColumnsAreWarningsNotErrors() throws {
        let map = try CSVHeaderMap(header: ["id", "name", "address", "备注", "Phone", ""],
                                   required: required, known: known)
        XCTAssertEqual(map.unknownColumns, ["备注", "Phone"], "matching is case-sensitive")
        XCTAssertEqual(map.unnamedColumnIndices, [5])
        XCTAssertEqual(map.index(of: "备注"), 3)
    }

    func testDuplicateHeaderIsAnError() {
        XCTAssertThrowsError(try CSVHeaderMap(header: ["id", "name", " id", "address", "name"],
                                              required: required)) { error in
            guard let error = error as? CSVHeaderError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.duplicates, [
                CSVHeaderError.Duplicate(name: "id", columns: [1, 3]),
                CSVHeaderError.Duplicate(name: "name", columns: [2, 5]),
            ])
            XCTAssertEqual(error.missingRequired, [])
            XCTAssertTrue(error.description.contains("duplicate column \"id\" at positions 1, 3"), error.description)
        }
    }
}
