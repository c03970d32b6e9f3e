import Foundation
import XCTest

/// `mealcli map` on the bundled district with its streets, as an operator runs it: the day's
/// map and the distribution map are written as private, self-contained pages, and mistakes are
/// refused with wording that names the flags.
final class MapCommandTests: XCTestCase {
    let date = "2026-11-25"

    func count(_ pattern: String, in text: String) -> Int {
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
    }

    func testTheDaysMapAndTheDistributionMap() throws {
        let cli = try CLIRunner()
        let fixtures = CLIRunner.packageRoot.appendingPathComponent("Fixtures").path
        XCTAssertEqual(try cli.run(["init", "--with-fixture", "yuehu", "--fixtures-dir", fixtures]).status, 0)
        let planned = try cli.run(["plan", "--date", date])
        XCTAssertEqual(planned.status, 0, planned.stderr)

        let day = try cli.run(["map", "--date", date, "--out", "day.html"])
        XCTAssertEqual(day.status, 0, day.stderr)
        XCTAssertTrue(day.stdout.contains("day.html"), day.stdout)
        let html = try String(contentsOfFile: cli.path("day.html"), encoding: .utf8)
        let canteens = try String(contentsOfFile: fixtures + "/yuehu/canteens.csv", encoding: .utf8)
            .split(separator: "\n").count - 1
        XCTAssertEqual(count(#"<g class="canteen" data-id="#, in: html), canteens)
        XCTAssertGreaterThan(count(#"<circle class="diner (dine-in|pickup|delivery)""#, in: html), 1_600)
        XCTAssertGreaterThan(count(#"<path class="trip""#, in: html), 40)
        XCTAssertEqual(count(#"class="street street-major""#, in: html), 1, "drawn on the stored streets")
        XCTAssertFalse(html.contains("http://") || html.contains("https://"))
        let mode = try FileManager.default.attributesOfItem(atPath: cli.path("day.html"))[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600, "names and addresses: readable by the owner only")

        let again = try cli.run(["map", "--date", date, "--out", "day.html"])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("already exists"), again.stderr)

        let focused = try cli.run(["map", "--date", date, "--canteen", "C01", "--out", "day.html", "--force"])
        XCTAssertEqual(focused.status, 0, focused.stderr)
        let focusedHTML = try String(contentsOfFile: cli.path("day.html"), encoding: .utf8)
        XCTAssertEqual(count(#"<g class="canteen" data-id="#, in: focusedHTML), 1)
        XCTAssertEqual(count(#"<g class="canteen dim" data-id="#, in: focusedHTML), canteens - 1)

        let unknown = try cli.run(["map", "--date", date, "--canteen", "C999", "--out", "other.html"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("C999"), unknown.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.path("other.html")))

        let registry = try cli.run(["map", "--registry", "--out", "registry.html"])
        XCTAssertEqual(registry.status, 0, registry.stderr)
        let distribution = try String(contentsOfFile: cli.path("registry.html"), encoding: .utf8)
        XCTAssertGreaterThan(count(#"<g class="grid" data-grid="#, in: distribution), 20, "a circle per grid")
        XCTAssertTrue(distribution.contains("梅园-05"), "grids are named")
        let coverage = try cli.run(["coverage", "--format", "json"])
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(coverage.stdout.utf8)) as? [String: Any])
        let sites = try XCTUnwrap(report["suggestions"] as? [Any])
        XCTAssertFalse(sites.isEmpty)
        XCTAssertEqual(count(#"<g class="site" data-rank="#, in: distribution), sites.count, "the sites coverage suggests")
        let outside = try XCTUnwrap(report["outside"] as? [Any])
        XCTAssertEqual(count(#"<circle class="outside""#, in: distribution), outside.count)
        XCTAssertFalse(distribution.contains("http://") || distribution.contains("https://"))

        let both = try cli.run(["map", "--registry", "--date", date, "--out", "x.html"])
        XCTAssertEqual(both.status, 64)
        XCTAssertTrue(both.stderr.contains("--registry"), both.stderr)
    }
}
