import Foundation
import XCTest
import MealMaps
import MealPlanner

/// The map in a real browser: headless Chromium opens the bundled district's page, its script
/// runs (pan, zoom, scale bar) and marks the page ready; the DOM it ends with is read back.
/// Without Chromium the test is skipped on a developer's machine and fails in CI (`CI=true`).
final class MapBrowserTests: XCTestCase {
    struct MissingBrowser: Error, CustomStringConvertible { var description: String }

    static func chromium() throws -> String {
        let found = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/local/bin/chromium"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let found else {
            let message = "the browser check needs chromium: apt-get install -y chromium"
            if ProcessInfo.processInfo.environment["CI"] != nil { throw MissingBrowser(description: message) }
            throw XCTSkip(message)
        }
        return found
    }

    /// The DOM after the page's script ran, as `--dump-dom` prints it.
    static func renderedDOM(of html: String, named name: String) throws -> String {
        let browser = try chromium()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("map-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("\(name).html")
        try Data(html.utf8).write(to: page)
        return try output(of: browser, ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(folder.path)/profile",
                                        "--window-size=1600,1000", "--dump-dom", page.absoluteString])
    }

    func testTheBundledDistrictsMapLoadsWithoutErrorsAndDrawsEveryMark() throws {
        let planned = try BundledDistrictMap.wednesday.get()
        let dom = try Self.renderedDOM(of: try BundledDistrictMap.html(), named: "yuehu")
        XCTAssertTrue(dom.contains(#"data-map-ready="ok""#), "the page's script finished:\n\(dom.prefix(400))")
        XCTAssertFalse(dom.contains(#"data-map-error=""#), "a script error: \(Self.error(in: dom) ?? "")")
        let count = { BundledDistrictMap.count($0, in: $1) }
        XCTAssertEqual(count(#"<g class="canteen( dim)?" data-id="#, dom), planned.registry.canteens.count)
        XCTAssertEqual(count(#"<circle class="diner (dine-in|pickup|delivery)( dim)?""#, dom), planned.plan.assignments.count)
        XCTAssertEqual(count(#"<circle class="diner unserved( dim)?""#, dom), planned.plan.unserved.count)
        XCTAssertEqual(count(#"<path class="trip( dim)?""#, dom), planned.plan.rounds.flatMap(\.trips).count)
        XCTAssertTrue(dom.contains(#"id="scale-label""#) && (dom.contains(" 米</text>") || dom.contains(" 公里</text>")),
                      "the script set the scale bar's length")
    }

    func testAFocusedMapLoadsToo() throws {
        let planned = try BundledDistrictMap.wednesday.get()
        let courier = try XCTUnwrap(planned.plan.rounds.first?.courierID)
        let dom = try Self.renderedDOM(of: try BundledDistrictMap.html(focus: .courier(courier)), named: "courier")
        XCTAssertTrue(dom.contains(#"data-map-ready="ok""#))
        XCTAssertFalse(dom.contains(#"data-map-error=""#), Self.error(in: dom) ?? "")
        let trips = planned.plan.rounds.first { $0.courierID == courier }?.trips.count ?? 0
        XCTAssertEqual(BundledDistrictMap.count(#"<path class="trip""#, in: dom), trips, "only the courier's trips undimmed")
    }

    func testTheDistributionMapLoadsToo() throws {
        let planned = try BundledDistrictMap.wednesday.get()
        let model = NetworkTravelModel(roads: planned.roads, parameters: .standard)
        let reach = ServiceReach(canteens: planned.registry.canteens, couriers: planned.registry.couriers, parameters: .standard,
                                 day: .anyDay, model: model)
        let report = CoverageReport(diners: planned.registry.diners, reach: reach, suggestionCount: 5)
        let html = RegistryMap(registry: planned.registry, coverage: report, parameters: .standard, roads: model).html
        let dom = try Self.renderedDOM(of: html, named: "registry")
        XCTAssertTrue(dom.contains(#"data-map-ready="ok""#))
        XCTAssertFalse(dom.contains(#"data-map-error=""#), Self.error(in: dom) ?? "")
        XCTAssertEqual(BundledDistrictMap.count(#"<circle class="outside""#, in: dom), report.outside.count)
        XCTAssertEqual(BundledDistrictMap.count(#"<g class="site" data-rank="#, in: dom), report.suggestions.count)
    }

    /// On paper: one A4 landscape sheet, map and legend (poppler's `pdfinfo` reads the PDF).
    func testTheMapPrintsOnOneA4LandscapeSheet() throws {
        let browser = try Self.chromium()
        guard let pdfinfo = ["/usr/bin/pdfinfo", "/usr/local/bin/pdfinfo"].first(where: FileManager.default.isExecutableFile) else {
            let message = "the print check needs pdfinfo: apt-get install -y poppler-utils"
            if ProcessInfo.processInfo.environment["CI"] != nil { throw MissingBrowser(description: message) }
            throw XCTSkip(message)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("map-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("map.html"), pdf = folder.appendingPathComponent("map.pdf")
        try Data(try BundledDistrictMap.html().utf8).write(to: page)
        _ = try Self.output(of: browser, ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(folder.path)/profile",
                                         "--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer", page.absoluteString])
        let info = try Self.output(of: pdfinfo, [pdf.path])
        XCTAssertTrue(info.contains("Pages:           1"), info)
        XCTAssertTrue(info.contains("841.92 x 594.96 pts (A4)"), "A4 landscape: \(info)")
    }

    static func output(of program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func error(in dom: String) -> String? {
        guard let range = dom.range(of: #"data-map-error=""#) else { return nil }
        return String(dom[range.upperBound...].prefix { $0 != "\"" })
    }
}
