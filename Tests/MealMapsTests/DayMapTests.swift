import Foundation
import XCTest
import MealCore
import MealMaps
import MealPlanner

/// The bundled district's map as a coordinator opens it: one mark per canteen, per diner served
/// or not, per trip; names shown, never run; nothing loaded from the internet; phones masked.
final class DayMapTests: XCTestCase {
    typealias District = BundledDistrictMap

    func testEveryCanteenDinerAndTripHasOneMark() throws {
        let planned = try District.wednesday.get()
        let html = try District.html()
        let plan = planned.plan
        XCTAssertEqual(District.count(#"<g class="canteen( dim)?" data-id="#, in: html), planned.registry.canteens.count)
        for mode in ServiceMode.allCases {
            let served = plan.assignments.filter { $0.mode == mode }.count
            let service = DinerLayer.Service(mode).rawValue
            XCTAssertEqual(District.count(#"<circle class="diner \#(service)( dim)?""#, in: html), served, "\(mode) diners")
        }
        XCTAssertGreaterThan(plan.unserved.count, 0, "the bundled district leaves some diners out")
        XCTAssertEqual(District.count(#"<circle class="diner unserved( dim)?""#, in: html), plan.unserved.count)
        let trips = plan.rounds.flatMap(\.trips)
        XCTAssertGreaterThan(trips.count, 40)
        XCTAssertEqual(District.count(#"<path class="trip( dim)?""#, in: html), trips.count)
        XCTAssertEqual(District.count(#"<text class="stop( dim)?""#, in: html), trips.reduce(0) { $0 + $1.stops.count }, "a number per stop")
        XCTAssertEqual(District.count(#"<path class="reach( dim)?""#, in: html), planned.registry.canteens.count, "every canteen's reach outline")
        XCTAssertEqual(District.count(#"class="street street-major""#, in: html), 1, "the streets, major roads on their own")
        for trip in trips.prefix(3) {
            XCTAssertTrue(html.contains("\(District.clock(trip.departSeconds)) 出发 – \(District.clock(trip.returnSeconds)) 返回"),
                          "each trip's times in the legend")
        }
    }

    func testNamesAreShownNeverRun() throws {
        let served = try XCTUnwrap(District.wednesday.get().plan.assignments.first?.dinerID)
        let html = try District.html { registry in
            let index = registry.diners.firstIndex { $0.id == served }!
            registry.diners[index].name = "<script>alert(1)</script> & 张\"三'"
            registry.canteens[0].name = "悦湖<b>食堂</b> & 厨房"
        }
        XCTAssertEqual(District.count("<script", in: html), 1, "only the page's own script")
        XCTAssertFalse(html.contains("<b>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; 张&quot;三&#39;"), "the diner's name, escaped")
        XCTAssertTrue(html.contains("悦湖&lt;b&gt;食堂&lt;/b&gt; &amp; 厨房"), "the canteen's name, escaped")
    }

    func testTheMapLoadsNothingFromTheInternetAndMasksPhones() throws {
        let planned = try District.wednesday.get()
        let html = try District.html()
        XCTAssertFalse(html.contains("http://") || html.contains("https://"), "no reference to anything online")
        XCTAssertFalse(html.contains("src=") || html.contains("href="), "nothing loaded or linked")
        let served = Set(planned.plan.assignments.map(\.dinerID))
        let phones = planned.registry.diners.filter { served.contains($0.id) }.map(\.phone).filter { $0.count >= 11 }
        XCTAssertGreaterThan(phones.count, 100)
        for phone in phones.prefix(200) { XCTAssertFalse(html.contains(phone), "\(phone) appears in full") }
        XCTAssertTrue(html.contains(PhoneMask.mask(phones[0])), "the masked phone is shown")
    }

    func testACanteenFocusOpensOnItAndDimsTheRest() throws {
        let planned = try District.wednesday.get()
        let canteen = try XCTUnwrap(planned.plan.rounds.first?.canteenID)
        let html = try District.html(focus: .canteen(canteen))
        XCTAssertEqual(District.count(#"<g class="canteen" data-id="#, in: html), 1, "only the focused canteen undimmed")
        XCTAssertTrue(html.contains(#"<g class="canteen" data-id="\#(canteen.rawValue)""#))
        let own = planned.plan.assignments.filter { $0.canteenID == canteen }.count
        XCTAssertEqual(District.count(#"<circle class="diner (dine-in|pickup|delivery)""#, in: html), own)
        let fit = try XCTUnwrap(District.attribute("data-fit", in: html)), full = try XCTUnwrap(District.attribute("data-full", in: html))
        XCTAssertLessThan(fit[2], full[2], "the page opens closer in than the whole district")
    }

    func testWithoutStreetsAGraticuleAndStraightLegs() throws {
        let planned = try District.wednesday.get()
        let html = try District.html(streets: false)
        XCTAssertEqual(District.count(#"class="street"#, in: html), 0)
        XCTAssertEqual(District.count(#"<g class="graticule""#, in: html), 1)
        XCTAssertEqual(District.count(#"<path class="trip( dim)?""#, in: html), planned.plan.rounds.flatMap(\.trips).count)
        XCTAssertTrue(html.contains("直线距离"), "the legend says the outlines are circles")
    }
}

extension BundledDistrictMap {
    static func clock(_ seconds: Int) -> String { RoundLayer.clock(seconds) }

    /// The numbers of the SVG's `name` attribute (`data-fit`, `data-full`).
    static func attribute(_ name: String, in html: String) -> [Double]? {
        guard let range = html.range(of: name + "=\"") else { return nil }
        let rest = html[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return rest[..<end].split(separator: " ").compactMap { Double($0) }
    }
}
