import Foundation
import GRDB
import XCTest
@testable import MealCore

/// A registry-sized import does work in proportion to the file. Speed itself is measured in
/// docs/benchmarks.md ("Import at registry scale"); these tests check what it depends on.
final class ImportScaleTests: XCTestCase {
    /// A diners file of `count` rows shaped like the generated register: Chinese names and
    /// addresses, several communities and grids, a preferred canteen for some. `edition` changes
    /// every phone number, and the first diner's address, `firstAddressBytes` long.
    static func dinersCSV(count: Int, edition: Int, firstAddressBytes: Int) -> String {
        let communities = ["江边街道", "夏埠乡", "梅园街道", "东湖街道", "城南街道", "童家镇"]
        var text = "id,name,community,grid,lat,lon,address,phone,birth_year,mobility,mode,diets,allergies,"
            + "priority,tags,days,window,preferred_canteen,status,emergency_contact\n"
        for number in 1...count {
            let community = communities[number % communities.count]
            let address = number == 1 ? String(repeating: "\(edition)", count: firstAddressBytes)
                : "月湖区\(community)滨江路\(number % 300)号\(number % 20)栋\(number % 9)01"
            let phone = String(edition * 100_000_000 + number + 13_000_000_000)
            text += "D\(String(number + 1_000_000).dropFirst()),王秀英\(number % 97),\(community),\(community.prefix(2))-0\(number % 7),"
                + "28.\(2000 + number % 997),117.\(1000 + number % 991),\(address),\(phone),\(1930 + number % 40),"
                + "independent,auto,low_salt,,\(number % 3),alone,1234567,,\(["C01", "C02", ""][number % 3]),"
                + "\(number % 16 == 0 ? "active" : "paused"),儿子 王军 \(phone)\n"
        }
        return text
    }

    /// An import is one transaction of one upsert per row, and SQLite journals the pages each
    /// statement changes. That journal used to stay in memory only until one statement needed
    /// more than 64 KiB of it; from then to the end of the import every row's pages were copied
    /// to a temporary file. In the 100,000-diner register a rebalancing of an index did it half
    /// way, and the import wrote 1 GB for a 26 MB database; here the first row's long address
    /// does it at once. The import should write each changed page twice (to the write-ahead log,
    /// then into the database) and nothing else.
    func testUpdatingEightThousandDinersWritesLittleMoreThanTwiceTheDatabase() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try AppDatabase.open(path: folder.appendingPathComponent("meals.db").path, create: true)
        _ = try RegistryImport.importBytes(Canteen.self, bytes: Array(canteensCSV.utf8), fileName: "canteens.csv",
                                           into: database)
        _ = try RegistryImport.importBytes(
            Diner.self, bytes: Array(Self.dinersCSV(count: 8_000, edition: 1, firstAddressBytes: 100_000).utf8),
            fileName: "diners.csv", into: database)
        let update = Array(Self.dinersCSV(count: 8_000, edition: 2, firstAddressBytes: 100_000).utf8)

        let writtenBefore = try Self.bytesWrittenByThisProcess()
        let summary = try RegistryImport.importBytes(Diner.self, bytes: update, fileName: "diners.csv", into: database)
        let written = try Self.bytesWrittenByThisProcess() - writtenBefore

        XCTAssertEqual(summary.updated, 8_000)
        let databaseBytes = try database.read { db in
            try Int.fetchOne(db, sql: "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")!
        }
        XCTAssertLessThan(Double(written), 2.5 * Double(databaseBytes),
                          "the import wrote \(written) bytes for a database of \(databaseBytes) bytes")
    }

    /// An import writes many diners per statement; every diner of the file is stored as read,
    /// whether new or updated, including the last, shorter batch.
    func testEveryDinerIsStoredAsReadWhenAStatementWritesMany() throws {
        let database = try AppDatabase.inMemory()
        _ = try RegistryImport.importBytes(Canteen.self, bytes: Array(canteensCSV.utf8), fileName: "canteens.csv",
                                           into: database)
        for (edition, count) in [(1, 95), (2, 101)] {
            let bytes = Array(Self.dinersCSV(count: count, edition: edition, firstAddressBytes: 20).utf8)
            let summary = try RegistryImport.importBytes(Diner.self, bytes: bytes, fileName: "diners.csv", into: database)
            XCTAssertEqual(summary.inserted + summary.updated, count, "every row changed (new phone numbers)")
            let read = try ParsedImport<Diner>(bytes: bytes, fileName: "diners.csv").records.map(\.record)
            XCTAssertEqual(try database.fetchAll(Diner.self), read.sorted { $0.id < $1.id })
        }
    }

    /// What this process has written to files so far (Linux's `/proc/self/io`, `wchar`).
    static func bytesWrittenByThisProcess() throws -> Int {
        guard let io = try? String(contentsOfFile: "/proc/self/io", encoding: .utf8) else {
            throw XCTSkip("/proc/self/io is not available here")
        }
        let line = try XCTUnwrap(io.split(separator: "\n").first { $0.hasPrefix("wchar:") })
        return try XCTUnwrap(Int(line.dropFirst("wchar:".count).trimmingCharacters(in: .whitespaces)))
    }
}
