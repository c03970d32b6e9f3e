import XCTest
@testable import MealCore

/// Personal text that leaves the database: phone numbers masked in every spelling, control and
/// invisible characters refused on import and shown visibly on output, CSV cells never formulas.
final class TextSafetyTests: XCTestCase {
    // MARK: Phone masking (item 1)

    func testEverySpellingOfAPhoneNumberIsMasked() {
        let cases: [(String, String)] = [
            ("13812345678", "138****5678"),
            ("138-1234-5678", "138-****-5678"),
            ("138 1234 5678", "138 **** 5678"),
            ("138.1234.5678", "138.****.5678"),
            ("１３８１２３４５６７８", "１３８****５６７８"),
            ("１３８－１２３４－５６７８", "１３８－****－５６７８"),
            ("+86 138 1234 5678", "+86 138 **** 5678"),
            ("+8613812345678", "+86138****5678"),
            ("0086-13812345678", "0086-138****5678"),
            ("(+86)13812345678", "(+86)138****5678"),
            ("0571-8765-4321", "057*-****-4321"),
            ("(0571) 8765-4321", "(057*) ****-4321"),
            ("0701-6221234", "070*-***1234"),
            ("邻居 15912345678", "邻居 159****5678"),
            ("电话15912345678请先打", "电话159****5678请先打"),
            ("138 - 1234 - 5678", "138 - **** - 5678"),
            ("87654321", "87****21"),
            ("两个号码 13812345678/13912345678", "两个号码 138****5678/139****5678"),
        ]
        for (text, masked) in cases {
            XCTAssertEqual(PhoneMask.mask(text), masked, text)
        }
    }

    func testDatesTimesAndOtherNumbersAreNotPhones() {
        for text in ["2026-12-02", "2026/12/02 11:30", "2026.12.2", "送餐 2026-12-02 11:00-12:30", "3栋201",
                     "28.247103", "117.035747", "滨江路12号 3栋 201", "12:30", "11:00-11:45;11:45-12:30", "123456"] {
            XCTAssertEqual(PhoneMask.mask(text), text, text)
        }
        XCTAssertEqual(PhoneMask.mask("2026-12-02 打 13812345678"), "2026-12-02 打 138****5678")
    }

    func testPhoneCellsAreStoredAsDigits() throws {
        XCTAssertEqual(try PhoneNumber.normalized("138-1234-5678"), "13812345678")
        XCTAssertEqual(try PhoneNumber.normalized("+86 138 1234 5678"), "13812345678")
        XCTAssertEqual(try PhoneNumber.normalized("0086 (0571) 8765-4321"), "057187654321")
        XCTAssertEqual(try PhoneNumber.normalized("１３８１２３４５６７８"), "13812345678")
        XCTAssertEqual(try PhoneNumber.normalized("13812345678; 0701-6221234"), "13812345678;07016221234")
        XCTAssertEqual(try PhoneNumber.normalized("+1 415 555 0100"), "+14155550100")
        XCTAssertEqual(try PhoneNumber.normalized(""), "")
        XCTAssertThrowsError(try PhoneNumber.normalized("问女儿"))
        XCTAssertThrowsError(try PhoneNumber.normalized("13812345678 女儿"))

        let database = try AppDatabase.inMemory()
        _ = try RegistryImport.importBytes(Diner.self, bytes: Array("""
            id,name,lat,lon,phone,emergency_contact
            D1,王秀英,28.24,117.03,138-1234-5678,儿子 ＋８６ １３９ ０００ ０１１１１
            """.utf8), fileName: "diners.csv", into: database)
        let diner = try XCTUnwrap(try database.fetchAll(Diner.self).first)
        XCTAssertEqual(diner.phone, "13812345678")
        XCTAssertEqual(diner.emergencyContact, "儿子 ＋８６ １３９ ０００ ０１１１１", "free text is kept as typed")
        let refused = try importFailure(Diner.self, "id,name,lat,lon,phone\nD1,王秀英,28.24,117.03,问女儿\n")
        XCTAssertEqual(refused.issues.map(\.description), [
            "diners.csv:2: column phone: expected phone numbers: digits, grouped by spaces, '-', '.' or parentheses, "
                + "with an optional +86 or 0086 prefix, several separated by ';' (got '问女儿')",
        ])
    }

    // MARK: Control and invisible characters (items 2 and 3)

    func testControlAndFormatCharactersAreShownAsVisibleEscapes() {
        XCTAssertEqual(PlainText.visible("王\u{1B}[2J五"), "王\\u{1B}[2J五")
        XCTAssertEqual(PlainText.visible("张\n2026-11-25 forged"), "张\\u{A}2026-11-25 forged")
        XCTAssertEqual(PlainText.visible("a\u{202E}b\u{200B}c\u{7F}\u{9B}"), "a\\u{202E}b\\u{200B}c\\u{7F}\\u{9B}")
        XCTAssertEqual(PlainText.visible("江边街道长者食堂 (C01)"), "江边街道长者食堂 (C01)")
        XCTAssertEqual(PlainText.visible("a\tb\nc", keepingLineBreaks: true), "a\\u{9}b\nc")
    }

    func testAnImportWithControlOrInvisibleCharactersIsRefusedAtItsLine() throws {
        let text = "id,name,community,lat,lon,address,allergies\n"
            + "D1,王\u{0}五,江边,28.24,117.03,,\n"
            + "D2,李\u{200B}四,江边,28.24,117.03,,\n"
            + "D3,赵六,江\u{202E}边,28.24,117.03,滨江路\u{1B}[2J,\n"
            + "D4,钱七,江边,28.24,117.03,,\"花生\n海鲜\"\n"
        let failure = try importFailure(Diner.self, text)
        XCTAssertEqual(failure.issues.map(\.description), [
            "diners.csv:2: column name: control and invisible characters are not allowed (U+0000 at character 2) (got '王\\u{0}五')",
            "diners.csv:3: column name: control and invisible characters are not allowed (U+200B at character 2) (got '李\\u{200B}四')",
            "diners.csv:4: column community: control and invisible characters are not allowed (U+202E at character 2) (got '江\\u{202E}边')",
            "diners.csv:4: column address: control and invisible characters are not allowed (U+001B at character 4) (got '滨江路\\u{1B}[2J')",
            "diners.csv:5: column allergies: control and invisible characters are not allowed (U+000A at character 3) (got '花生\\u{A}海鲜')",
        ])
    }

    // MARK: Formula guard (item 3)

    func testEveryCSVCellFromDataIsGuardedButNumbersStayNumbers() throws {
        let canteen = try Identifier.readingStoredRecords {
            try Canteen(id: "=K0+1", name: "@A1", community: "+cmd|' /C calc'!A0",
                        location: GeoPoint(latitude: -28.5, longitude: 117), kitchenCapacity: 30)
        }
        let text = String(decoding: RegistryExport.csv([canteen]).dropFirst(3), as: UTF8.self)
        let records = try CSVReader().records(in: text)
        let cells = Dictionary(uniqueKeysWithValues: zip(records[0].fields, records[1].fields))
        XCTAssertEqual(cells["id"], "'=K0+1")
        XCTAssertEqual(cells["name"], "'@A1")
        XCTAssertEqual(cells["community"], "'+cmd|' /C calc'!A0")
        XCTAssertEqual(cells["lat"], "-28.5", "a negative number is a number, not a formula")
        XCTAssertEqual(CSVWriter.guardedCell("-1e-05"), "-1e-05")
        XCTAssertEqual(CSVWriter.guardedCell("-1+2"), "'-1+2")
        XCTAssertEqual(CSVWriter(guardsFormulas: true).string(for: [["=1", "2", "@x", "'=y"]]), "'=1,2,'@x,''=y\n")
    }

    private func importFailure<R: RegistryRecord>(_ type: R.Type, _ text: String) throws -> ImportFailure {
        do {
            _ = try RegistryImport.importBytes(type, bytes: Array(text.utf8), fileName: "diners.csv", into: AppDatabase.inMemory())
        } catch let failure as ImportFailure {
            return failure
        }
        XCTFail("the import should have failed")
        throw XCTSkip("no failure")
    }
}
