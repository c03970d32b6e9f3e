import Foundation
import GRDB
import XCTest

/// Ids that would be dangerous in a file name, a link or HTML: refused on import, and harmless
/// even when a database already holds them.
final class IdentifierSafetyTests: XCTestCase {
    func testAnImportedIdWithSlashOrDotsIsRefusedAtItsLineAndNothingIsWritten() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        try cli.write("good.csv", """
            id,name,lat,lon,kitchen_capacity
            C01,江边街道长者食堂,28.2401,117.0312,120
            """)
        XCTAssertEqual(try cli.run(["import", "canteens", "good.csv"]).status, 0)
        let before = try cli.run(["export", "canteens"]).stdout

        try cli.write("canteens.csv", """
            id,name,lat,lon,kitchen_capacity
            C02,新村长者食堂,28.2501,117.0412,80
            ../C03,上游食堂,28.2601,117.0512,80
            C/04,下游食堂,28.2701,117.0612,80
            "C'05",引号食堂,28.2801,117.0712,80
            C01,江边街道长者食堂,28.2401,117.0312,200
            """)
        let refused = try cli.run(["import", "canteens", "canteens.csv"])
        XCTAssertEqual(refused.status, 1)
        let rule = "an id must be 1 to 32 ASCII letters, digits, '-' or '_', starting with a letter or digit"
        XCTAssertEqual(refused.stderr, """
            canteens.csv:3: column id: \(rule) (got '../C03')
            canteens.csv:4: column id: \(rule) (got 'C/04')
            canteens.csv:5: column id: \(rule) (got 'C'05')
            canteens.csv: 3 errors; nothing was imported

            """)
        XCTAssertEqual(try cli.run(["export", "canteens"]).stdout, before, "the database is unchanged")

        try cli.write("couriers.csv", """
            id,name,canteen_id,vehicle,capacity,shift_start,shift_end
            K01,张建国,../C01,ebike,8,10:30,13:30
            """)
        let reference = try cli.run(["import", "couriers", "couriers.csv"])
        XCTAssertEqual(reference.status, 1)
        XCTAssertTrue(reference.stderr.hasPrefix("couriers.csv:2: column canteen_id: \(rule) (got '../C01')"), reference.stderr)
    }

    /// Ids stored before the rule (or written by another program) still only name files inside
    /// the roster folder, and the index links to exactly the pages written.
    func testStoredUnsafeIdsNeverPlaceARosterOutsideTheFolder() throws {
        let cli = try CLIRunner()
        let unsafeIDs = ["../../escaped", "a/b", "a_b", "A_B", "index", "x\"'><y", ".."]
        try loadCanteens(count: unsafeIDs.count + 1, into: cli)
        let queue = try DatabaseQueue(path: cli.path("meals.db"), configuration: Self.withoutForeignKeys)
        try queue.write { db in
            for (index, id) in unsafeIDs.enumerated() {
                for (table, column) in [("canteen", "id"), ("sitting", "canteen_id"), ("diner", "preferred_canteen_id")] {
                    try db.execute(sql: "UPDATE \(table) SET \(column) = ? WHERE \(column) = ?", arguments: [id, "C\(index + 1)"])
                }
            }
        }
        try queue.close()
        let planned = try cli.run(["plan", "--date", "2026-11-25"])
        XCTAssertEqual(planned.status, 0, planned.stderr)

        try FileManager.default.createDirectory(atPath: cli.path("out"), withIntermediateDirectories: true)
        let filesBefore = try files(under: cli.directory)
        let written = try cli.run(["roster", "--date", "2026-11-25", "--all", "--format", "html", "--out", "out/rosters"])
        XCTAssertEqual(written.status, 0, written.stderr)
        // Reading the database may bring back its -wal and -shm files beside it.
        let newFiles = try files(under: cli.directory).subtracting(filesBefore).filter { !$0.hasPrefix("meals.db") }
        XCTAssertEqual(newFiles.filter { !$0.hasPrefix("out/rosters/") }, [], "nothing is written outside the folder")
        let pages = Set(newFiles.map { String($0.dropFirst("out/rosters/".count)) })
        XCTAssertEqual(pages.count, unsafeIDs.count + 2, "a page per canteen and the index: \(pages.sorted())")
        XCTAssertTrue(pages.allSatisfy { $0.range(of: "^[A-Za-z0-9_-]+\\.html$", options: .regularExpression) != nil },
                      pages.sorted().description)
        XCTAssertEqual(Set(pages.map { $0.lowercased() }).count, pages.count, "no two pages differ only in case")

        let index = try String(contentsOfFile: cli.path("out/rosters/index.html"), encoding: .utf8)
        let hrefs = index.matches(of: /href="([^"]*)"/).map { String($0.output.1) }
        XCTAssertEqual(hrefs.count, unsafeIDs.count + 1)
        XCTAssertEqual(Set(hrefs), pages.subtracting(["index.html"]), "the index links to exactly the pages written")
    }

    func testACanteenNameWithMarkupIsEscapedInTheHTML() throws {
        let cli = try CLIRunner()
        try loadCanteens(count: 1, into: cli, name: "江边\"<b>&'食堂")
        XCTAssertEqual(try cli.run(["plan", "--date", "2026-11-25"]).status, 0)
        let written = try cli.run(["roster", "--date", "2026-11-25", "--all", "--format", "html", "--out", "rosters"])
        XCTAssertEqual(written.status, 0, written.stderr)
        let escaped = "江边&quot;&lt;b&gt;&amp;&#39;食堂"
        for page in ["rosters/index.html", "rosters/C1.html"] {
            let html = try String(contentsOfFile: cli.path(page), encoding: .utf8)
            XCTAssertTrue(html.contains(escaped), "\(page):\n\(html)")
            XCTAssertFalse(html.contains("<b>"), page)
            XCTAssertFalse(html.contains("\"<"), page)
        }
        let single = try cli.run(["roster", "--date", "2026-11-25", "--canteen", "C1", "--format", "html"])
        XCTAssertTrue(single.stdout.contains("<title>\(escaped) 2026-11-25</title>"), single.stdout)
    }

    /// `count` canteens `C1`, `C2`, ... far apart, each with three diners next door who dine in.
    private func loadCanteens(count: Int, into cli: CLIRunner, name: String = "长者食堂") throws {
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        let quotedName = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        var canteens = "id,name,lat,lon,seats,sittings,kitchen_capacity\n"
        var diners = "id,name,lat,lon,mode,preferred_canteen\n"
        for index in 1...count {
            let latitude = 28.2 + Double(index) * 0.05
            canteens += "C\(index),\(quotedName),\(latitude),117.03,10,11:00-12:00,10\n"
            for diner in 1...3 {
                diners += "D\(index)x\(diner),王秀英,\(latitude + Double(diner) * 0.0005),117.03,dine_in,C\(index)\n"
            }
        }
        try cli.write("canteens.csv", canteens)
        try cli.write("diners.csv", diners)
        for kind in ["canteens", "diners"] {
            let imported = try cli.run(["import", kind, "\(kind).csv"])
            XCTAssertEqual(imported.status, 0, imported.stderr)
        }
    }

    private static var withoutForeignKeys: Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        return configuration
    }

    /// Every regular file below `root`, as paths relative to it.
    private func files(under root: URL) throws -> Set<String> {
        let rootPath = root.resolvingSymlinksInPath().path
        var result: Set<String> = []
        let enumerator = FileManager.default.enumerator(at: root.resolvingSymlinksInPath(), includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            result.insert(String(url.resolvingSymlinksInPath().path.dropFirst(rootPath.count + 1)))
        }
        return result
    }
}
