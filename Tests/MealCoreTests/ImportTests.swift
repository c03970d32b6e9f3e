import XCTest
import GRDB
@testable import MealCore

final class ImportTests: XCTestCase {
    private func importFailure<R: RegistryRecord>(_ type: R.Type, _ text: String, into database: AppDatabase? = nil,
                                            file: StaticString = #filePath, line: UInt = #line) throws -> ImportFailure {
        let database = try database ?? AppDatabase.inMemory()
        do {
            _ = try RegistryImport.importBytes(type, bytes: Array(text.utf8), fileName: "in.csv", into: database)
        } catch let failure as ImportFailure {
            return failure
        }
        XCTFail("the import should have failed", file: file, line: line)
        throw XCTSkip("no failure")
    }

    func testImportsTheThreeFilesAndReadsThemBack() throws {
        let database = try AppDatabase.inMemory()
        try importAll(into: database)
        let canteens = try database.fetchAll(Canteen.self)
        XCTAssertEqual(canteens.map(\.id), ["C01", "C02"])
        XCTAssertEqual(canteens[0].sittings.map(\.description), ["11:00-11:45", "11:45-12:30"])
        XCTAssertEqual(canteens[0].diets, [.regular, .lowSalt, .diabetic, .soft])
        XCTAssertEqual(canteens[1].openDays.description, "123456")
        let diners = try database.fetchAll(Diner.self)
        XCTAssertEqual(diners[0].address, "月湖区江边街道滨江路12号, 3栋201")
        XCTAssertEqual(diners[0].window?.description, "11:00-12:00")
        XCTAssertEqual(diners[0].priority, .high)
        XCTAssertEqual(diners[1].mobility, .bedridden)
        XCTAssertNil(diners[1].preferredCanteenID)
        XCTAssertNil(diners[1].window)
        XCTAssertEqual(diners[1].days.description, "135")
        let couriers = try database.fetchAll(Courier.self)
        XCTAssertEqual(couriers[1].days, .everyDay)
    }

    func testDryRunCountsWithoutWritingAndUpsertCountsChanges() throws {
        let database = try AppDatabase.inMemory()
        let before = try tableDump(database)
        let dry = try RegistryImport.importBytes(Canteen.self, bytes: Array(canteensCSV.utf8), fileName: "c.csv",
                                                 into: database, dryRun: true)
        XCTAssertEqual(dry.inserted, 2)
        XCTAssertEqual(try tableDump(database), before)
        try importAll(into: database)
        let changed = canteensCSV.replacingOccurrences(of: ",20,11:00-12:00", with: ",25,11:00-12:00")
        let summary = try RegistryImport.importBytes(Canteen.self, bytes: Array(changed.utf8), fileName: "c.csv",
                                                     into: database, dryRun: true)
        XCTAssertEqual([summary.inserted, summary.updated, summary.unchanged], [0, 1, 1])
    }

    func testEveryErrorClassIsReportedWithFileLineAndColumn() throws {
        let text = """
        id,name,community,lat,lon,seats,sittings,kitchen_capacity,diets,open_days,phone,colour
        C01,甲食堂,,95,117.0,10,11:00-12:00,50,,1234567,,red
        C01,乙食堂,,28.2,200,10,12:00-11:00,50,spicy,1239,,
        C03,,,28.2,117.0,x,,,,,,
        C04,丁食堂,,28.2,117.0,10,11:00-12:00,50,,,,
        """
        let failure = try importFailure(Canteen.self, text)
        let lines = failure.issues.map(\.description)
        let expected = [
            "in.csv:2: column lat: expected decimal degrees between -90 and 90 (got '95')",
            "in.csv:3: column id: duplicate id, first used on line 2 (got 'C01')",
            "in.csv:3: column lon: expected decimal degrees between -180 and 180 (got '200')",
            "in.csv:3: column sittings: the start must be before the end (got '12:00-11:00')",
            "in.csv:3: column diets: unknown diet 'spicy' (expected regular|low_salt|diabetic|soft|halal|vegetarian or 普通|低盐|糖尿病餐|软食|清真|素食) (got 'spicy')",
            "in.csv:3: column open_days: weekdays are digits 1 (Monday) to 7 (Sunday) (got '1239')",
            "in.csv:4: column name: a value is required",
            "in.csv:4: column seats: expected a whole number (got 'x')",
            "in.csv:4: column kitchen_capacity: a value is required",
        ]
        for line in expected { XCTAssertTrue(lines.contains(line), "missing: \(line)\nhave:\n\(lines.joined(separator: "\n"))") }
        XCTAssertEqual(failure.issues.count, expected.count, lines.joined(separator: "\n"))
        XCTAssertTrue(failure.description.hasSuffix("in.csv: 9 errors; nothing was imported"))
    }

    func testMissingRequiredColumnAndUnknownColumnWarning() throws {
        let missing = try importFailure(Courier.self, "id,name,vehicle,capacity,shift_start,shift_end\nK1,甲,ebike,8,10:30,13:00\n")
        XCTAssertEqual(missing.issues.map(\.description),
                       ["in.csv:1: column canteen_id: required column is missing from the header"])

        let database = try AppDatabase.inMemory()
        let summary = try RegistryImport.importBytes(
            Canteen.self, bytes: Array("name,id,lat,lon,kitchen_capacity,colour\n甲,C9,28.2,117,30,red\n".utf8),
            fileName: "c.csv", into: database)
        XCTAssertEqual(summary.inserted, 1, "columns may come in any order")
        XCTAssertEqual(summary.warnings.map(\.description), ["c.csv:1: column colour: unknown column, ignored"])
    }

    func testUnknownReferencesBadTimesAndEnums() throws {
        let database = try AppDatabase.inMemory()
        try importAll(into: database)
        let couriers = """
        id,name,canteen_id,vehicle,capacity,shift_start,shift_end
        K9,赵,C99,rocket,0,25:00,13:00
        K10,钱,C99,ebike,8,13:00,10:00
        """
        let failure = try importFailure(Courier.self, couriers, into: database)
        XCTAssertEqual(failure.issues.map(\.description), [
            "in.csv:2: column vehicle: expected one of walk|bicycle|ebike|tricycle|car or 步行|自行车|电动车|三轮车|汽车 (got 'rocket')",
            "in.csv:2: column capacity: meals per trip must be between 1 and 200 (got '0')",
            "in.csv:2: column shift_start: expected a time as HH:MM (got '25:00')",
            "in.csv:3: column shift_end: the shift must end after it starts at 13:00 (got '10:00')",
        ])
        let referencing = try importFailure(Courier.self, "id,name,canteen_id,vehicle,capacity,shift_start,shift_end\nK9,赵,C99,ebike,8,10:00,13:00\n",
                                      into: database)
        XCTAssertEqual(referencing.issues.map(\.description), ["in.csv:2: column canteen_id: no canteen with this id (got 'C99')"])

        let bedriddenDineIn = try importFailure(Diner.self, "id,name,lat,lon,mobility,mode\nD1,孙,28.2,117,bedridden,dine_in\n")
        XCTAssertEqual(bedriddenDineIn.issues.map(\.description),
                       ["in.csv:2: column mode: a bedridden diner cannot have mode dine_in; use delivery or auto (got 'dine_in')"])
    }

    func testIdsAndReferencesToIdsKeepTheIdRule() throws {
        let database = try AppDatabase.inMemory()
        try importAll(into: database)
        let rule = Identifier.ruleText
        let canteens = try importFailure(Canteen.self, """
            id,name,lat,lon,kitchen_capacity
            C 1,甲,28.2,117,10
            -C2,乙,28.2,117,10
            "C\u{7}3",丙,28.2,117,10
            C01234567890123456789012345678901,丁,28.2,117,10
            食堂,戊,28.2,117,10
            """, into: database)
        XCTAssertEqual(canteens.issues.map(\.description), [
            "in.csv:2: column id: \(rule) (got 'C 1')", "in.csv:3: column id: \(rule) (got '-C2')",
            "in.csv:4: column id: control and invisible characters are not allowed (U+0007 at character 2) (got 'C\\u{7}3')",
            "in.csv:5: column id: \(rule) (got 'C01234567890123456789012345678901')", "in.csv:6: column id: \(rule) (got '食堂')",
        ])
        let diners = try importFailure(Diner.self, "id,name,lat,lon,preferred_canteen\nD9,孙,28.2,117,C01/..\n", into: database)
        XCTAssertEqual(diners.issues.map(\.description), ["in.csv:2: column preferred_canteen: \(rule) (got 'C01/..')"])
        XCTAssertThrowsError(try OutcomeImport.importBytes(Array("date,diner_id,status\n2026-11-25,\"D1'\",delivered\n".utf8),
                                                           fileName: "in.csv", into: database)) { error in
            XCTAssertEqual((error as? ImportFailure)?.issues.map(\.description),
                           ["in.csv:2: column diner_id: \(rule) (got 'D1'')"])
        }
        XCTAssertNoThrow(try Canteen(id: "C_0-1", name: "甲", location: GeoPoint(latitude: 28.2, longitude: 117), kitchenCapacity: 1))
        XCTAssertNoThrow(try Canteen(id: CanteenID(String(repeating: "c", count: 32)), name: "甲",
                                     location: GeoPoint(latitude: 28.2, longitude: 117), kitchenCapacity: 1))
    }

    func testShortRowsAndMalformedCSVAreReportedAtTheirLine() throws {
        let short = try importFailure(Canteen.self, "id,name,lat,lon,kitchen_capacity\nC1,甲,28.2\n")
        XCTAssertEqual(short.issues.map(\.description), ["in.csv:2: column lon: the row has 3 cells but the header has 5"])
        let stray = try importFailure(Canteen.self, "id,name,lat,lon,kitchen_capacity\nC1,甲\"食堂,28.2,117,10\n")
        XCTAssertEqual(stray.issues.first?.line, 2)
        let unterminated = try importFailure(Canteen.self, "id,name,lat,lon,kitchen_capacity\nC1,甲,28.2,117,10\nC2,\"乙,28.2,117,10\n")
        XCTAssertEqual(unterminated.issues.first?.line, 3)
        let empty = try importFailure(Canteen.self, "")
        XCTAssertEqual(empty.issues.first?.message, "the file is empty: a header row is required")
    }

    func testQuotedCellWithCommaQuoteAndNewline() throws {
        let database = try AppDatabase.inMemory()
        try importAll(into: database)
        let text = "id,name,lat,lon,address\nD7,\"周\"\"德明\"\"\",28.24,117.03,\"滨江路1号,\n2栋\"\nD8,吴,95,117,\n"
        let failure = try importFailure(Diner.self, text, into: database)
        // The reader keeps the line break; the field refuses it (a line break in an address would
        // start a line of its own on a route sheet).
        XCTAssertEqual(failure.issues.map(\.description), [
            "in.csv:2: column address: control and invisible characters are not allowed (U+000A at character 7) (got '滨江路1号,\\u{A}2栋')",
            "in.csv:4: column lat: expected decimal degrees between -90 and 90 (got '95')",
        ], "the embedded newline must count in the next record's line number")
        let oneLine = text.components(separatedBy: "D8")[0].replacingOccurrences(of: ",\n2栋", with: ", 2栋")
        _ = try RegistryImport.importBytes(Diner.self, bytes: Array(oneLine.utf8), fileName: "d.csv", into: database)
        let diner = try database.writer.read { try Diner.fetchOne($0, id: "D7") }
        XCTAssertEqual(diner?.name, "周\"德明\"")
        XCTAssertEqual(diner?.address, "滨江路1号, 2栋")
    }

    func testGB18030AndBOMFilesImport() throws {
        let database = try AppDatabase.inMemory()
        try importAll(into: database)
        let text = "id,name,community,lat,lon,address\nD10,王秀英,江边街道,28.24,117.03,月湖区梅园街道\n"
        let gbBytes = try TextDecoding.encodeGB18030(text)
        XCTAssertNotEqual(gbBytes, Array(text.utf8), "the test file must really be GB18030")
        XCTAssertTrue(gbBytes.starts(with: Array("id,name,community,lat,lon,address\nD10,".utf8) + [0xCD, 0xF5]),
                      "王 is 0xCD 0xF5 in GBK")
        let gb = try RegistryImport.importBytes(Diner.self, bytes: gbBytes, fileName: "gb.csv", into: database)
        XCTAssertEqual(gb.encoding, "gb18030")
        XCTAssertEqual(try database.writer.read { try Diner.fetchOne($0, id: "D10") }?.name, "王秀英")

        let bom = [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "D10", with: "D11").utf8)
        let summary = try RegistryImport.importBytes(Diner.self, bytes: bom, fileName: "bom.csv", into: database)
        XCTAssertEqual(summary.encoding, "UTF-8 with BOM")
        XCTAssertEqual(summary.warnings, [], "the BOM must not turn the first column into an unknown one")
        XCTAssertEqual(try database.writer.read { try Diner.fetchOne($0, id: "D11") }?.community, "江边街道")
    }

    func testAFailedImportLeavesTheDatabaseExactlyAsItWas() throws {
        let database = try AppDatabase.inMemory()
        try importAll(into: database)
        let before = try tableDump(database)
        // Row 2 is valid and would update D00001; row 3 is bad, so neither may be written.
        let text = dinersCSV.replacingOccurrences(of: "王秀英", with: "王秀兰") + "D00003,赵,,,28.2,117.0,,,,flying,,,,,,,,,,\n"
        _ = try importFailure(Diner.self, text, into: database)
        XCTAssertEqual(try tableDump(database), before)
    }

    func testErrorsAreCappedAtFiftyWithACount() throws {
        var text = "id,name,lat,lon,kitchen_capacity\n"
        for index in 0..<60 { text += "C\(index),甲,100,117,10\n" }
        let failure = try importFailure(Canteen.self, text)
        XCTAssertEqual(failure.issues.count, 60)
        let printed = failure.description.split(separator: "\n")
        XCTAssertEqual(printed.count, 52)
        XCTAssertEqual(printed[50], "... and 10 more errors")
    }
}
