import XCTest
@testable import MealCore

/// Registry files as Excel saves them in a district office: Chinese headings, the roster's Chinese
/// words, every row padded with `,` to the widest column ever used, empty sheet rows as lines of
/// commas, CRLF line ends, GB18030 ("CSV (逗号分隔)") or UTF-8 with a byte order mark ("CSV UTF-8").
final class SpreadsheetImportTests: XCTestCase {
    static let canteensSheet = """
        编号,名称,社区,纬度,经度,座位数,用餐时段,厨房容量,饮食,营业日,电话,,\r
        C01,江边街道长者食堂,江边街道,28.2401,117.0312,40,11:00-11:45;11:45-12:30,120,低盐;糖尿病餐;软食,每天,0701-6221234,,\r
        ,,,,,,,,,,,,\r

        """
    static let couriersSheet = """
        编号,骑手,食堂编号,交通工具,载餐量,上班时间,下班时间,出勤日,电话,,,\r
        K01,张师傅,C01,电动车,12,10:30,13:00,周一至周五,13812345678,,,\r

        """
    static let dinersHeading = "编号,姓名,社区,网格,纬度,经度,地址,电话,出生年份,行动能力,就餐方式,饮食,过敏,优先级,标签,就餐日,送餐时段,常去食堂,状态,紧急联系人,,,\r\n"
    static let dinersSheet = dinersHeading + """
        D01,王秀英,江边街道,一网格,28.2411,117.0322,滨江路12号,13912345678,1942,轮椅,送餐,低盐;糖尿病餐,花生,2,独居,周一至周五,11:00-12:00,C01,在册,女儿 13800000000,,,\r
        ,,,,,,,,,,,,,,,,,,,,,,\r
        D02,李建国,夏埠乡,,28.2111,117.0022,,,1938,助行器,堂食,软食,,0,,每天,,,暂停,,,,\r

        """

    private func excelDatabase() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        _ = try RegistryImport.importBytes(Canteen.self, bytes: bom + Array(Self.canteensSheet.utf8), fileName: "食堂.csv", into: database)
        _ = try RegistryImport.importBytes(Courier.self, bytes: bom + Array(Self.couriersSheet.utf8), fileName: "骑手.csv", into: database)
        return database
    }

    private func failure<R: RegistryRecord>(_ type: R.Type, _ bytes: [UInt8], into database: AppDatabase,
                                            file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        do {
            _ = try RegistryImport.importBytes(type, bytes: bytes, fileName: "老人.csv", into: database)
        } catch let failure as ImportFailure {
            return failure.issues.map(\.description)
        }
        XCTFail("the import should have been refused", file: file, line: line)
        return []
    }

    func testAnExcelSheetWithChineseHeadingsTrailingCommasAndChineseWordsImports() throws {
        let database = try excelDatabase()
        let bytes = try TextDecoding.encodeGB18030(Self.dinersSheet)
        let summary = try RegistryImport.importBytes(Diner.self, bytes: bytes, fileName: "老人.csv", into: database)
        XCTAssertEqual(summary.encoding, "gb18030")
        XCTAssertEqual(summary.inserted, 2)
        XCTAssertEqual(summary.warnings, [])

        let canteen = try XCTUnwrap(try database.fetchAll(Canteen.self).first)
        XCTAssertEqual(canteen.diets, [.regular, .lowSalt, .diabetic, .soft])
        XCTAssertEqual(canteen.openDays, .everyDay)
        XCTAssertEqual(canteen.sittings.count, 2)
        let courier = try XCTUnwrap(try database.fetchAll(Courier.self).first)
        XCTAssertEqual(courier.name, "张师傅")
        XCTAssertEqual(courier.vehicle, .ebike)
        XCTAssertEqual(courier.days, .weekdays)

        let diners = try database.fetchAll(Diner.self)
        XCTAssertEqual(diners.map(\.name), ["王秀英", "李建国"])
        XCTAssertEqual(diners[0].mobility, .wheelchair)
        XCTAssertEqual(diners[0].mode, .delivery)
        XCTAssertEqual(diners[0].diets, [.lowSalt, .diabetic])
        XCTAssertEqual(diners[0].days.description, "12345")
        XCTAssertEqual(diners[0].status, .active)
        XCTAssertEqual(diners[0].priority, .high)
        XCTAssertEqual(diners[0].preferredCanteenID, "C01")
        XCTAssertEqual(diners[0].emergencyContact, "女儿 13800000000")
        XCTAssertEqual(diners[1].mobility, .walker)
        XCTAssertEqual(diners[1].mode, .dineIn)
        XCTAssertEqual(diners[1].diets, [.soft])
        XCTAssertEqual(diners[1].days, .everyDay)
        XCTAssertEqual(diners[1].status, .paused)
    }

    func testEveryLabelTheRosterPrintsIsReadBackAsItsValue() throws {
        for value in Mobility.allCases { XCTAssertEqual(Mobility(codeOrLabel: value.label), value) }
        for value in DietTag.allCases { XCTAssertEqual(DietTag(codeOrLabel: value.label), value) }
        for value in VehicleKind.allCases { XCTAssertEqual(VehicleKind(codeOrLabel: value.label), value) }
        for value in DinerStatus.allCases { XCTAssertEqual(DinerStatus(codeOrLabel: value.label), value) }
        for value in ServicePreference.allCases { XCTAssertEqual(ServicePreference(codeOrLabel: value.label), value) }
        XCTAssertEqual(DinerStatus.hospitalized.label, "住院")
        XCTAssertEqual(ServicePreference.pickup.label, "自取")
    }

    func testAPhoneExcelTurnedIntoScientificNotationIsRefusedNamingTheCell() throws {
        let database = try excelDatabase()
        let sheet = Self.dinersHeading
            + "D03,赵大爷,江边街道,,28.2411,117.0322,,1.39123E+10,1940,,,,,,,,,,,1.38E+10,,,\r\n"
        XCTAssertEqual(try failure(Diner.self, Array(sheet.utf8), into: database), [
            "老人.csv:2: column phone: looks like a number Excel turned into scientific notation; format the column as "
                + "text in Excel and type the number again (its last digits are lost) (got '1.39123E+10')",
            "老人.csv:2: column emergency_contact: looks like a number Excel turned into scientific notation; format the "
                + "column as text in Excel and type the number again (its last digits are lost) (got '1.38E+10')",
        ])
        XCTAssertEqual(try database.fetchAll(Diner.self), [])
    }

    func testAWordNeitherCodeNorLabelNamesBoth() throws {
        let database = try excelDatabase()
        let sheet = Self.dinersHeading + "D04,钱奶奶,,,28.2411,117.0322,,,,拐杖,外卖,无糖,,,,周一到周五,,,,,,,\r\n"
        XCTAssertEqual(try failure(Diner.self, Array(sheet.utf8), into: database), [
            "老人.csv:2: column mobility: expected one of independent|walker|wheelchair|bedridden or 自理|助行器|轮椅|卧床 (got '拐杖')",
            "老人.csv:2: column mode: expected one of dine_in|delivery|pickup|auto or 堂食|送餐|自取|自动 (got '外卖')",
            "老人.csv:2: column diets: unknown diet '无糖' (expected regular|low_salt|diabetic|soft|halal|vegetarian or "
                + "普通|低盐|糖尿病餐|软食|清真|素食) (got '无糖')",
            "老人.csv:2: column days: weekdays are digits 1 (Monday) to 7 (Sunday) (got '周一到周五')",
        ])
    }

    func testAColumnGivenByItsNameAndByItsChineseHeadingIsRefused() throws {
        let sheet = "id,姓名,name,lat,经度\nD01,王秀英,王秀英,28.2,117.0\n"
        XCTAssertEqual(try failure(Diner.self, Array(sheet.utf8), into: try AppDatabase.inMemory()), [
            "老人.csv:1: column name: the column appears twice in the header (also as '姓名')",
        ])
    }

    func testCellsBeyondTheHeaderMustBeEmpty() throws {
        let sheet = "id,name,lat,lon,,\nD01,王秀英,28.2,117.0,,x\n"
        XCTAssertEqual(try failure(Diner.self, Array(sheet.utf8), into: try AppDatabase.inMemory()), [
            "老人.csv:2: column lon: the row has 6 cells but the header has 4",
        ])
    }
}
