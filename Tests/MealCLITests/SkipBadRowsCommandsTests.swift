import Foundation
import MealCore
import XCTest

/// `mealcli import --skip-bad-rows --rejects FILE` as the district's IT runs it from cron and a
/// clerk fixes what it left out.
final class SkipBadRowsCommandsTests: XCTestCase {
    func testGoodRowsGoInRefusedRowsGoToTheRejectsFileWhichImportsOnceFixed() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        try cli.write("canteens.csv", """
            编号,名称,纬度,经度,厨房容量,,
            C01,江边街道长者食堂,28.2401,117.0312,120,,

            """)
        XCTAssertEqual(try cli.run(["import", "canteens", "canteens.csv"]).status, 0)
        try cli.write("diners.csv", """
            编号,姓名,纬度,经度,电话,行动能力,常去食堂,,
            D01,王秀英,28.2411,117.0322,13912345678,轮椅,C01,,
            ,,,,,,,,
            D02,赵大爷,28.2411,117.0322,1.39123E+10,,,,
            D03,钱奶奶,28.2411,117.0322,,,C99,,

            """)

        let first = try cli.run(["import", "diners", "diners.csv", "--skip-bad-rows", "--rejects", "rejects.csv"])
        XCTAssertEqual(first.status, 3, first.stderr)
        XCTAssertEqual(first.stdout,
                       "diners.csv: imported 1 diners (1 new, 0 updated, 0 unchanged; UTF-8), 2 refused (see rejects.csv)\n")
        XCTAssertEqual(first.stderr, """
            diners.csv:4: column phone: looks like a number Excel turned into scientific notation; format the column as \
            text in Excel and type the number again (its last digits are lost) (got '1.39123E+10')
            diners.csv:5: column preferred_canteen: no canteen with this id (got 'C99')
            diners.csv: 2 rows refused, written to rejects.csv with the reasons; fix them there and import that file again

            """)
        let mode = try FileManager.default.attributesOfItem(atPath: cli.path("rejects.csv"))[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600, "the rejects hold phone numbers and addresses")
        // Read as bytes: Foundation's UTF-8 reading would hide the byte order mark.
        let rejects = String(decoding: try Data(contentsOf: URL(fileURLWithPath: cli.path("rejects.csv"))), as: UTF8.self)
        XCTAssertEqual(rejects, """
            \u{FEFF}编号,姓名,纬度,经度,电话,行动能力,常去食堂,错误原因
            D02,赵大爷,28.2411,117.0322,1.39123E+10,,,diners.csv:4: column phone: looks like a number Excel turned into \
            scientific notation; format the column as text in Excel and type the number again (its last digits are lost) \
            (got '1.39123E+10')
            D03,钱奶奶,28.2411,117.0322,,,C99,diners.csv:5: column preferred_canteen: no canteen with this id (got 'C99')

            """)

        // The clerk fixes the two cells in the spreadsheet and imports the same file.
        let fixed = rejects.replacingOccurrences(of: "1.39123E+10,", with: "13912345678,").replacingOccurrences(of: ",C99,", with: ",C01,")
        try Data(fixed.utf8).write(to: URL(fileURLWithPath: cli.path("rejects.csv")))
        let second = try cli.run(["import", "diners", "rejects.csv", "--skip-bad-rows", "--rejects", "rejects-2.csv"])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(second.stderr, "")
        XCTAssertEqual(second.stdout,
                       "rejects.csv: imported 2 diners (2 new, 0 updated, 0 unchanged; UTF-8 with BOM), 0 refused (see rejects-2.csv)\n")
        XCTAssertEqual(String(decoding: try Data(contentsOf: URL(fileURLWithPath: cli.path("rejects-2.csv"))), as: UTF8.self), "\u{FEFF}编号,姓名,纬度,经度,电话,行动能力,常去食堂,错误原因\n")
        let exported = try cli.run(["export", "diners", "--unmasked"])
        XCTAssertTrue(exported.stdout.contains("D03,钱奶奶,"), exported.stdout)
        XCTAssertTrue(exported.stdout.contains("13912345678"), exported.stdout)
    }

    func testAnExcelSheetSavedAsGB18030ImportsItsGoodRows() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        let sheet = """
            编号,姓名,纬度,经度,电话,行动能力,就餐方式,饮食,就餐日,状态,,,\r
            D01,王秀英,28.2411,117.0322,13912345678,轮椅,送餐,低盐;糖尿病餐,周一至周五,在册,,,\r
            ,,,,,,,,,,,,\r
            D02,赵大爷,28.2411,117.0322,1.39123E+10,卧床,送餐,软食,每天,住院,,,\r

            """
        try Data(try TextDecoding.encodeGB18030(sheet)).write(to: URL(fileURLWithPath: cli.path("老人.csv")))
        let result = try cli.run(["import", "diners", "老人.csv", "--skip-bad-rows", "--rejects", "待修改.csv"])
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertEqual(result.stdout,
                       "老人.csv: imported 1 diners (1 new, 0 updated, 0 unchanged; gb18030), 1 refused (see 待修改.csv)\n")
        let rejects = String(decoding: try Data(contentsOf: URL(fileURLWithPath: cli.path("待修改.csv"))), as: UTF8.self)
        XCTAssertEqual(rejects, """
            \u{FEFF}编号,姓名,纬度,经度,电话,行动能力,就餐方式,饮食,就餐日,状态,错误原因
            D02,赵大爷,28.2411,117.0322,1.39123E+10,卧床,送餐,软食,每天,住院,老人.csv:4: column phone: looks like a number \
            Excel turned into scientific notation; format the column as text in Excel and type the number again (its last \
            digits are lost) (got '1.39123E+10')

            """)
        let exported = try cli.run(["export", "diners"])
        XCTAssertTrue(exported.stdout.contains(",wheelchair,delivery,low_salt;diabetic,"), exported.stdout)
        XCTAssertTrue(exported.stdout.contains(",12345,,,active,"), exported.stdout)
    }

    func testWithoutTheFlagABadRowStillRefusesTheWholeFile() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        try cli.write("diners.csv", "id,name,lat,lon,phone\nD01,王秀英,28.2,117.0,\nD02,赵大爷,28.2,117.0,1.39123E+10\n")
        let refused = try cli.run(["import", "diners", "diners.csv"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.hasSuffix("diners.csv: 1 error; nothing was imported\n"), refused.stderr)
        XCTAssertFalse(try cli.run(["export", "diners"]).stdout.contains("D01"))
    }

    func testTheFlagsGoTogetherAndARejectsPathThatIsALinkIsRefusedBeforeImporting() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        try cli.write("diners.csv", "id,name,lat,lon\nD01,王秀英,28.2,117.0\n")
        let alone = try cli.run(["import", "diners", "diners.csv", "--skip-bad-rows"])
        XCTAssertEqual(alone.status, 64)
        XCTAssertTrue(alone.stderr.contains("--skip-bad-rows needs --rejects FILE"), alone.stderr)
        XCTAssertEqual(try cli.run(["import", "diners", "diners.csv", "--rejects", "r.csv"]).status, 64)

        try FileManager.default.createSymbolicLink(atPath: cli.path("r.csv"), withDestinationPath: cli.path("elsewhere.csv"))
        let linked = try cli.run(["import", "diners", "diners.csv", "--skip-bad-rows", "--rejects", "r.csv"])
        XCTAssertEqual(linked.status, 1)
        XCTAssertTrue(linked.stderr.contains("is a symbolic link"), linked.stderr)
        XCTAssertFalse(try cli.run(["export", "diners"]).stdout.contains("D01"), "nothing is imported")
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.path("elsewhere.csv")))
    }
}
