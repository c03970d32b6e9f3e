import XCTest
@testable import MealCore

/// A large file's records are written while later rows are still being checked. A problem found
/// after thousands of rows were written must still leave the database as it was, and skipping bad
/// rows must keep every good row, whichever chunk of the file the problems are in.
final class StreamingImportTests: XCTestCase {
    /// `count` diners of the test registry's first diner, with ids D10001..., and `replace` rows
    /// (by 0-based row number) changed to the line given.
    private func dinersFile(count: Int, replacing replace: [Int: (String) -> String] = [:]) -> [UInt8] {
        let lines = dinersCSV.split(separator: "\n").map(String.init)
        let header = lines[0], template = lines[1]
        var rows = [header]
        for number in 0..<count {
            let row = template.replacingOccurrences(of: "D00001", with: "D\(10_001 + number)")
            rows.append(replace[number]?(row) ?? row)
        }
        return Array((rows.joined(separator: "\n") + "\n").utf8)
    }

    private func database() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        try importAll(into: database)
        return database
    }

    func testARowRefusedAfterThousandsWereWrittenLeavesNothingWritten() throws {
        let database = try database()
        let before = try tableDump(database)
        let file = dinersFile(count: 3_000, replacing: [2_900: { $0.replacingOccurrences(of: ",1941,", with: ",1800,") }])
        XCTAssertThrowsError(try RegistryImport.importBytes(Diner.self, bytes: file, fileName: "d.csv", into: database)) { error in
            let failure = error as? ImportFailure
            XCTAssertEqual(failure?.issues.map(\.line), [2_902])
            XCTAssertEqual(failure?.issues.first?.column, "birth_year")
        }
        XCTAssertEqual(try tableDump(database), before)
    }

    func testAnUnknownCanteenFoundAfterThousandsWereWrittenLeavesNothingWritten() throws {
        let database = try database()
        let before = try tableDump(database)
        let file = dinersFile(count: 3_000, replacing: [2_500: { $0.replacingOccurrences(of: ",C01,", with: ",C77,") }])
        XCTAssertThrowsError(try RegistryImport.importBytes(Diner.self, bytes: file, fileName: "d.csv", into: database)) { error in
            XCTAssertEqual((error as? ImportFailure)?.issues.map(\.description),
                           ["d.csv:2502: column preferred_canteen: no canteen with this id (got 'C77')"])
        }
        XCTAssertEqual(try tableDump(database), before)
    }

    func testSkippingBadRowsKeepsEveryGoodRowOfEveryChunk() throws {
        let database = try database()
        let file = dinersFile(count: 2_000, replacing: [
            10: { $0.replacingOccurrences(of: ",walker,", with: ",flying,") },
            1_500: { $0.replacingOccurrences(of: ",C01,", with: ",C77,") },
            1_999: { $0.replacingOccurrences(of: "D12000", with: "D10005") },
        ])
        let summary = try RegistryImport.importBytes(Diner.self, bytes: file, fileName: "d.csv", into: database,
                                                     skippingBadRows: true)
        XCTAssertEqual(summary.rejects?.rows.map(\.line), [12, 1_502, 2_001])
        XCTAssertEqual(summary.inserted, 1_997)
        let stored = Set(try database.fetchAll(Diner.self).map(\.id.rawValue))
        XCTAssertEqual(stored.count, 2 + 1_997)
        XCTAssertFalse(stored.contains("D10011"))
        XCTAssertFalse(stored.contains("D11501"))
        XCTAssertTrue(stored.contains("D10005"))
    }

    func testADryRunCountsWhatAnImportWouldDoAndWritesNothing() throws {
        let database = try database()
        _ = try RegistryImport.importBytes(Diner.self, bytes: dinersFile(count: 1_500), fileName: "d.csv", into: database)
        let before = try tableDump(database)
        let changed = dinersFile(count: 2_000, replacing: [700: { $0.replacingOccurrences(of: "王秀英", with: "王秀兰") }])
        let summary = try RegistryImport.importBytes(Diner.self, bytes: changed, fileName: "d.csv", into: database, dryRun: true)
        XCTAssertEqual([summary.inserted, summary.updated, summary.unchanged], [500, 1, 1_499])
        XCTAssertTrue(summary.dryRun)
        XCTAssertEqual(try tableDump(database), before)
    }

    /// Rows are checked in parallel, each as if its id were its own; a repeated id is still
    /// decided in file order, across chunks: against the first row that used it, and when bad
    /// rows are skipped, against the first row that was kept.
    func testARepeatedIDIsDecidedInFileOrderAcrossChunks() throws {
        let file = dinersFile(count: 1_600, replacing: [
            100: { $0.replacingOccurrences(of: "D10101", with: "D10901").replacingOccurrences(of: ",1941,", with: ",1800,") },
            1_500: { $0.replacingOccurrences(of: "D11501", with: "D10901") },
        ])
        XCTAssertThrowsError(try RegistryImport.importBytes(Diner.self, bytes: file, fileName: "d.csv", into: try database())) { error in
            XCTAssertEqual((error as? ImportFailure)?.issues.map { "\($0.line) \($0.column ?? "") \($0.message)" }, [
                "102 birth_year birth year must be between 1900 and 2010",
                "902 id duplicate id, first used on line 102",
                "1502 id duplicate id, first used on line 102",
            ])
        }
        let summary = try RegistryImport.importBytes(Diner.self, bytes: file, fileName: "d.csv", into: try database(),
                                                     skippingBadRows: true)
        XCTAssertEqual(summary.rejects?.rows.map(\.line), [102, 1_502])
        XCTAssertEqual(summary.rejects?.rows.last?.issues.map(\.message), ["duplicate id, first used on line 902"])
        XCTAssertEqual(summary.inserted, 1_598)
    }
}
