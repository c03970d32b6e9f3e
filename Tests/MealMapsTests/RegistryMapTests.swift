import Foundation
import XCTest
import MealCore
import MealMaps
import MealPlanner

/// The distribution map of the bundled district's registry: a circle per grid and community with
/// its count and share inside the 15-minute circle, a dot per diner outside it, a mark per
/// suggested site; names escaped, nothing online.
final class RegistryMapTests: XCTestCase {
    typealias District = BundledDistrictMap

    func map(rename: (inout Registry) -> Void = { _ in }) throws -> (html: String, report: CoverageReport, registry: Registry) {
        let planned = try District.wednesday.get()
        var registry = planned.registry
        rename(&registry)
        let model = NetworkTravelModel(roads: planned.roads, parameters: .standard)
        let reach = ServiceReach(canteens: registry.canteens, couriers: registry.couriers, parameters: .standard, day: .anyDay, model: model)
        let report = CoverageReport(diners: registry.diners, reach: reach, suggestionCount: 5)
        return (RegistryMap(registry: registry, coverage: report, parameters: .standard, roads: model).html, report, registry)
    }

    func testEveryGridCommunityOutsideDinerAndSiteHasOneMark() throws {
        let (html, report, registry) = try map()
        let eating = registry.diners.filter(ServiceDay.anyDay.eats)
        XCTAssertEqual(District.count(#"<g class="grid" data-grid="#, in: html), Set(eating.map(\.grid)).count)
        XCTAssertEqual(District.count(#"<g class="community-area" data-community="#, in: html), Set(eating.map(\.community)).count)
        XCTAssertGreaterThan(report.outside.count, 0)
        XCTAssertEqual(District.count(#"<circle class="outside""#, in: html), report.outside.count)
        XCTAssertEqual(District.count(#"<g class="site" data-rank="#, in: html), report.suggestions.count)
        XCTAssertGreaterThan(report.suggestions.count, 0)
        XCTAssertEqual(District.count(#"<g class="canteen" data-id="#, in: html), registry.canteens.count)
        XCTAssertFalse(html.contains("http://") || html.contains("https://"))

        // A grid's share inside, as a coordinator checks it by hand from the coverage report.
        let outside = Set(report.outside.map(\.diner.id))
        let grid = try XCTUnwrap(eating.first { outside.contains($0.id) }?.grid)
        let members = eating.filter { $0.grid == grid }
        let inside = members.filter { !outside.contains($0.id) }.count
        let percent = Int((Double(inside) / Double(members.count) * 100).rounded())
        XCTAssertTrue(html.contains("网格 \(grid)：老人 \(members.count) 人，服务圈内 \(inside) 人（\(percent)%）"), "grid \(grid)")
    }

    func testGridAndCommunityNamesAreEscaped() throws {
        let (html, _, _) = try map { registry in
            for index in registry.diners.indices where registry.diners[index].grid == "梅园-05" {
                registry.diners[index].grid = "梅园<i>05</i>&"
                registry.diners[index].community = "梅园\"街道'"
            }
        }
        XCTAssertFalse(html.contains("<i>"))
        XCTAssertTrue(html.contains("梅园&lt;i&gt;05&lt;/i&gt;&amp;"))
        XCTAssertTrue(html.contains("梅园&quot;街道&#39;"))
        XCTAssertEqual(District.count("<script", in: html), 1)
    }
}
