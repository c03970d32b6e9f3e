import Foundation
import XCTest

final class RegistryCommandsTests: XCTestCase {
    func testInitImportExportFromTheCommandLine() throws {
        let cli = try CLIRunner()
        let created = try cli.run(["init"])
        XCTAssertEqual(created.status, 0, created.stderr)
        let mode = try FileManager.default.attributesOfItem(atPath: cli.path("meals.db"))[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)

        try cli.write("canteens.csv", """
            id,name,community,lat,lon,seats,sittings,kitchen_capacity,phone
            C01,江边街道长者食堂,江边街道,28.2401,117.0312,40,11:00-11:45;11:45-12:30,120,13812345678
            """)
        let imported = try cli.run(["import", "canteens", "canteens.csv"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertEqual(imported.stdout, "canteens.csv: imported 1 canteens (1 new, 0 updated, 0 unchanged; UTF-8)\n")

        let exported = try cli.run(["export", "canteens"])
        XCTAssertTrue(exported.stdout.hasPrefix("\u{FEFF}id,name,"))
        XCTAssertTrue(exported.stdout.contains(",138****5678\n"), exported.stdout)
        let unmasked = try cli.run(["export", "canteens", "--unmasked", "--format", "json"])
        let records = try JSONSerialization.jsonObject(with: Data(unmasked.stdout.utf8)) as? [[String: Any]]
        XCTAssertTrue(records?.contains { $0["phone"] as? String == "13812345678" } ?? false, unmasked.stdout)

        XCTAssertEqual(try cli.run(["export", "canteens", "--out", "c.csv"]).status, 0)
        let again = try cli.run(["export", "canteens", "--out", "c.csv"])
        XCTAssertNotEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("already exists; use --force"), again.stderr)
        XCTAssertEqual(try cli.run(["export", "canteens", "--out", "c.csv", "--force"]).status, 0)
    }

    func testABadImportExitsNonZeroNamesFileLineColumnAndWritesNothing() throws {
        let cli = try CLIRunner()
        try cli.run(["init"])
        try cli.write("diners.csv", """
            id,name,lat,lon,mobility,mode
            D1,王秀英,28.24,117.03,bedridden,delivery
            D2,李桂兰,95,117.03,walker,auto
            """)
        let failed = try cli.run(["import", "diners", "diners.csv"])
        XCTAssertEqual(failed.status, 1)
        XCTAssertEqual(failed.stderr, """
            diners.csv:3: column lat: expected decimal degrees between -90 and 90 (got '95')
            diners.csv: 1 error; nothing was imported

            """)
        let exported = try cli.run(["export", "diners"])
        XCTAssertEqual(exported.stdout.split(separator: "\n").count, 1, "only the header: nothing was imported")
    }

    func testDatabaseIsFoundByOptionThenEnvironmentAndForeignFilesAreRefused() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["init", "--db", "a.db"]).status, 0)
        XCTAssertEqual(try cli.run(["init"], environment: ["MEALS_DB": "b.db"]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: cli.path("a.db")))
        XCTAssertTrue(FileManager.default.fileExists(atPath: cli.path("b.db")))
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.path("meals.db")))

        let missing = try cli.run(["export", "canteens", "--db", "none.db"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("no meal database at none.db"), missing.stderr)

        try cli.write("notes.db", "not a database")
        let foreign = try cli.run(["export", "canteens", "--db", "notes.db"])
        XCTAssertEqual(foreign.status, 1)
        XCTAssertEqual(foreign.stderr, "error: notes.db is not a meal database (it is not an SQLite file)\n")
        XCTAssertEqual(try String(contentsOfFile: cli.path("notes.db"), encoding: .utf8), "not a database")
    }

    func testBundledDistrictCoverageTableAlignsChineseNames() throws {
        let cli = try CLIRunner()
        let loaded = try cli.run(["init", "--with-fixture", "yuehu", "--fixtures-dir", CLIRunner.packageRoot.appendingPathComponent("Fixtures").path])
        XCTAssertEqual(loaded.status, 0, loaded.stderr)
        XCTAssertTrue(loaded.stdout.contains("imported 2000 diners"), loaded.stdout)
        let coverage = try cli.run(["coverage"])
        XCTAssertEqual(coverage.status, 0, coverage.stderr)
        let lines = coverage.stdout.split(separator: "\n").map(String.init)
        guard let header = lines.firstIndex(where: { $0.hasPrefix("社区 community") }),
              let district = lines.firstIndex(where: { $0.hasPrefix("district") }) else {
            return XCTFail(coverage.stdout)
        }
        let widths = Set(lines[header...district].map(displayWidth))
        XCTAssertEqual(widths.count, 1, "every row of the community table is as wide as the header:\n\(coverage.stdout)")
        XCTAssertTrue(coverage.stdout.contains("are outside the circle."))
    }

    /// Terminal columns, counted independently of the engine: CJK ideographs are two wide.
    func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ((0x4E00...0x9FFF).contains($1.value) || (0x3000...0x303F).contains($1.value) ? 2 : 1) }
    }
}
