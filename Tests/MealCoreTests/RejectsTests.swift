import XCTest
@testable import MealCore

/// `import --skip-bad-rows`: the good rows go in, the others come back as a file to fix.
final class RejectsTests: XCTestCase {
    static let diners = """
        id,name,lat,lon,phone,mobility,preferred_canteen,,
        D01,王秀英,28.2411,117.0322,13912345678,轮椅,C01,,
        D02,=1+1,95,117.0022,,,,,
        D03,赵大爷,28.2411,117.0322,1.39123E+10,,,,
        D04,钱奶奶,28.2411,117.0322,,,C99,,
        D05,孙爷爷,28.2411,117.0322,,
        ,,,,,,,,
        D06,周阿姨,28.2411,117.0322,,,,,

        """

    private func database() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        _ = try RegistryImport.importBytes(Canteen.self, bytes: Array(canteensCSV.utf8), fileName: "c.csv", into: database)
        return database
    }

    func testSkippingBadRowsImportsTheGoodRowsAndReturnsTheOthersWithTheirReasons() throws {
        let database = try database()
        let summary = try RegistryImport.importBytes(Diner.self, bytes: Array(Self.diners.utf8), fileName: "d.csv",
                                                     into: database, skippingBadRows: true)
        XCTAssertEqual(summary.inserted, 2)
        XCTAssertEqual(try database.fetchAll(Diner.self).map(\.id), ["D01", "D06"])
        let rejects = try XCTUnwrap(summary.rejects)
        XCTAssertEqual(rejects.rows.map(\.line), [3, 4, 5, 6])
        let text = String(decoding: rejects.csvBytes(), as: UTF8.self)
        XCTAssertEqual(text, """
            \u{FEFF}id,name,lat,lon,phone,mobility,preferred_canteen,reason
            D02,'=1+1,95,117.0022,,,,d.csv:3: column lat: expected decimal degrees between -90 and 90 (got '95')
            D03,赵大爷,28.2411,117.0322,1.39123E+10,,,d.csv:4: column phone: looks like a number Excel turned into \
            scientific notation; format the column as text in Excel and type the number again (its last digits are lost) \
            (got '1.39123E+10')
            D04,钱奶奶,28.2411,117.0322,,,C99,d.csv:5: column preferred_canteen: no canteen with this id (got 'C99')
            D05,孙爷爷,28.2411,117.0322,,,,d.csv:6: column preferred_canteen: the row has 6 cells but the header has 7

            """)
    }

    func testAFileWithABadRowIsStillRefusedWholeWithoutSkipping() throws {
        let database = try database()
        XCTAssertThrowsError(try RegistryImport.importBytes(Diner.self, bytes: Array(Self.diners.utf8), fileName: "d.csv",
                                                            into: database)) { error in
            let issues = (error as? ImportFailure)?.issues.map(\.line).sorted()
            XCTAssertEqual(issues, [3, 4, 6])
        }
        XCTAssertEqual(try database.fetchAll(Diner.self), [])
    }

    func testTheRejectsFileFixedInASpreadsheetImportsAsItIs() throws {
        let database = try database()
        let first = try RegistryImport.importBytes(Diner.self, bytes: Array(Self.diners.utf8), fileName: "d.csv",
                                                   into: database, skippingBadRows: true)
        var fixed = String(decoding: try XCTUnwrap(first.rejects).csvBytes(), as: UTF8.self)
        fixed = fixed.replacingOccurrences(of: "D02,'=1+1,95,", with: "D02,'=1+1,28.2,")
            .replacingOccurrences(of: "1.39123E+10", with: "13912345678")
            .replacingOccurrences(of: "C99", with: "C02")
        let second = try RegistryImport.importBytes(Diner.self, bytes: Array(fixed.utf8), fileName: "rejects.csv",
                                                    into: database, skippingBadRows: true)
        XCTAssertEqual(second.inserted, 4)
        XCTAssertEqual(second.warnings, [])
        XCTAssertEqual(second.rejects?.rows, [])
        XCTAssertEqual(try database.fetchAll(Diner.self).map(\.id), ["D01", "D02", "D03", "D04", "D05", "D06"])
        let stored = try database.fetchAll(Diner.self)
        XCTAssertEqual(stored[1].name, "=1+1", "the formula guard of the rejects file is undone on import")
        XCTAssertEqual(stored[2].phone, "13912345678")
    }

    func testCellsBeyondTheHeaderAreKeptAfterTheReason() throws {
        let summary = try RegistryImport.importBytes(Diner.self, bytes: Array("id,name,lat,lon\nD01,王秀英,28.2,117.0,,楼下\n".utf8),
                                                     fileName: "d.csv", into: try database(), skippingBadRows: true)
        XCTAssertEqual(String(decoding: try XCTUnwrap(summary.rejects).csvBytes(), as: UTF8.self), """
            \u{FEFF}id,name,lat,lon,reason
            D01,王秀英,28.2,117.0,d.csv:2: column lon: the row has 6 cells but the header has 4,,楼下

            """)
    }

    func testADryRunThatSkipsBadRowsNamesThemAllAndWritesNothing() throws {
        let database = try database()
        let before = try tableDump(database)
        let summary = try RegistryImport.importBytes(Diner.self, bytes: Array(Self.diners.utf8), fileName: "d.csv",
                                                     into: database, dryRun: true, skippingBadRows: true)
        XCTAssertEqual(summary.inserted, 2)
        XCTAssertEqual(summary.rejects?.rows.map(\.line), [3, 4, 5, 6], "the unknown canteen is found in a dry run too")
        XCTAssertEqual(try tableDump(database), before)
    }

    func testARejectsFileOfChineseHeadingsHasAChineseReasonColumnAndReplacesAnOldOne() throws {
        let rejects = Rejects(header: ["编号", "姓名", "错误原因"], rows: [
            .init(line: 2, cells: ["D01", "王秀英", "旧的原因"],
                  issues: [ImportIssue(file: "r.csv", line: 2, column: "lat", message: "a value is required")]),
        ])
        XCTAssertEqual(String(decoding: rejects.csvBytes(), as: UTF8.self),
                       "\u{FEFF}编号,姓名,错误原因\nD01,王秀英,r.csv:2: column lat: a value is required\n")
    }
}
