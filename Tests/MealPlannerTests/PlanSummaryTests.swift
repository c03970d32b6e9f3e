import XCTest
import MealCore
@testable import MealPlanner

/// The summary a coordinator reads after planning names who is left without lunch, and why.
final class PlanSummaryTests: XCTestCase {
    func testTheUnservedAreNamedWithTheirReasonTheFirstTwentyThenCounted() throws {
        let here = try GeoPoint(latitude: 28.24, longitude: 117.03)
        let diners = try (1...23).map { try Diner(id: DinerID(String(format: "D%05d", $0)), name: "老人\($0)", location: here) }
        var unserved = diners.map { UnservedDiner(dinerID: $0.id, reason: .outsideRadius, detail: "nearest canteen 1.8 km") }
        unserved[0] = UnservedDiner(dinerID: "D00001", reason: .cancelled, detail: "女儿 13812345678 来电")
        let plan = DayPlan(date: "2026-11-25", version: 1, parametersJSON: "{}", seed: 1, timeLimitSeconds: 1,
                           createdAt: "2026-11-24T20:00:00Z", createdBy: "t", assignments: [], rounds: [], unserved: unserved.reversed())
        let summary = PlanSummary(plan: plan, canteens: [], previous: [:], courierTravelSeconds: 0, diners: diners)
        let lines = summary.text(whereToSeeAll: "the plan export").split(separator: "\n").map(String.init)
        let listed = lines.filter { $0.hasPrefix("    ") }
        XCTAssertEqual(listed.count, 21, lines.joined(separator: "\n"))
        XCTAssertEqual(listed[0], "    老人1 (D00001): cancelled — 女儿 138****5678 来电", "details are people's text: phones masked")
        XCTAssertEqual(listed[1], "    老人2 (D00002): outside_radius — nearest canteen 1.8 km")
        XCTAssertEqual(listed[20], "    … and 3 more: see the plan export")
        XCTAssertFalse(summary.text().contains("and 3 more:"), "no place named, none invented")
    }

    func testNoUnservedListWhenEveryoneIsServed() throws {
        let plan = DayPlan(date: "2026-11-25", version: 1, parametersJSON: "{}", seed: 1, timeLimitSeconds: 1,
                           createdAt: "2026-11-24T20:00:00Z", createdBy: "t", assignments: [], rounds: [], unserved: [])
        XCTAssertFalse(PlanSummary(plan: plan, canteens: [], previous: [:], courierTravelSeconds: 0).text().contains("unserved diners"))
    }
}
