import XCTest
import MealCore
@testable import MealPlanner

/// Small hand-made districts where each outcome has one clear cause.
final class CoverageAndReasonsTests: XCTestCase {
    // About 111 m per 0.001° of latitude; 900 s at 1.0 m/s × circuity 1.3 is about 692 m.
    let home = (lat: 28.2400, lon: 117.0300)

    func point(north metres: Double) throws -> GeoPoint {
        try GeoPoint(latitude: home.lat + metres / 111_195, longitude: home.lon)
    }

    func canteen(_ id: CanteenID, north metres: Double, seats: Int = 10, kitchen: Int = 50,
                 diets: Set<DietTag> = [], open: String = "1234567") throws -> Canteen {
        try Canteen(id: id, name: "\(id)食堂", community: "江边街道", location: point(north: metres), seats: seats,
                    sittings: seats > 0 ? [Sitting(parsing: "11:00-12:00")] : [], kitchenCapacity: kitchen,
                    diets: diets, openDays: Weekdays(parsing: open))
    }

    func diner(_ id: DinerID, north metres: Double, mobility: Mobility = .independent, mode: ServicePreference = .auto,
               diets: Set<DietTag> = [], priority: Priority = .normal) throws -> Diner {
        try Diner(id: id, name: "老人\(id)", community: "江边街道", location: point(north: metres),
                  mobility: mobility, mode: mode, diets: diets, priority: priority)
    }

    func courier(_ id: CourierID, at canteen: CanteenID, capacity: Int = 10) throws -> Courier {
        try Courier(id: id, name: "送餐员", canteenID: canteen, vehicle: .ebike, capacity: capacity,
                    shift: TimeWindow(parsing: "10:30-13:00"))
    }

    let wednesday = try! ServiceDay(date: "2026-11-25")

    func assign(_ canteens: [Canteen], _ couriers: [Courier], _ diners: [Diner]) -> Assignment {
        let reach = ServiceReach(canteens: canteens, couriers: couriers, parameters: .standard, day: wednesday)
        return AssignmentSolver(reach: reach).assign(diners)
    }

    func testCircleUsesTheDinersOwnPace() throws {
        let canteens = [try canteen("C1", north: 600)]
        // 600 m × 1.3 = 780 m: 780 s at 1.0 m/s (inside), 1,114 s at 0.7 m/s (outside).
        let walker = try diner("D1", north: 0, mobility: .walker, mode: .dineIn)
        let independent = try diner("D2", north: 0, mode: .dineIn)
        let result = assign(canteens, [], [walker, independent])
        XCTAssertEqual(result.placements.map(\.diner.id), ["D2"])
        XCTAssertEqual(result.unserved.map(\.reason), [.outsideRadius])
        XCTAssertEqual(result.unserved.first?.detail, "nearest canteen C1食堂 is 19 min away on foot at this diner's pace")
    }

    func testCoverageReportsOutsideDinersWithTheirNearestCanteenAndSuggestsASite() throws {
        let canteens = [try canteen("C1", north: 0)]
        let diners = [try diner("D1", north: 100), try diner("D2", north: 3_000), try diner("D3", north: 3_100),
                      try diner("D4", north: 2_000, mobility: .bedridden)]
        let reach = ServiceReach(canteens: canteens, couriers: [], parameters: .standard, day: .anyDay)
        let report = CoverageReport(diners: diners, reach: reach)
        XCTAssertEqual(report.district.dineIn, 1)
        XCTAssertEqual(report.district.outside, 3)
        XCTAssertEqual(report.outside.map(\.diner.id), ["D2", "D3", "D4"])
        XCTAssertEqual(report.outside[0].explanation, "nearest canteen C1食堂 is 65 min away on foot at this diner's pace")
        XCTAssertEqual(report.outside[2].explanation, "no canteen has a courier who can reach this diner")
        XCTAssertEqual(report.suggestions.first?.newlyCovered, 3, "a site at D2 covers D3 on foot and D4 by e-bike")
        let text = CoverageFormatter.text(report)
        XCTAssertTrue(text.contains("3 diners are outside the circle."), text)
    }

    func testEachUnservedReason() throws {
        // no_diet: the only canteen in reach makes no soft food.
        var result = assign([try canteen("C1", north: 100)], [], [try diner("D1", north: 0, diets: [.soft])])
        XCTAssertEqual(result.unserved.map(\.reason), [.noDiet])
        XCTAssertEqual(result.unserved.first?.detail, "no canteen within 15 min makes soft food")

        // closed: the only canteen in reach does not open on Wednesdays.
        result = assign([try canteen("C1", north: 100, open: "1245")], [], [try diner("D1", north: 0)])
        XCTAssertEqual(result.unserved.map(\.reason), [.closed])

        // canteen_full: one seat, two dine-in diners; the high-priority one gets it.
        result = assign([try canteen("C1", north: 100, seats: 1)], [],
                        [try diner("D1", north: 0, mode: .dineIn), try diner("D2", north: 10, mode: .dineIn, priority: .high)])
        XCTAssertEqual(result.placements.map(\.diner.id), ["D2"])
        XCTAssertEqual(result.unserved.map(\.reason), [.canteenFull])

        // no_courier_capacity: a walking courier with a box of one fits few meals into the window.
        let slow = try Courier(id: "K1", name: "送餐员", canteenID: "C1", vehicle: .walk, capacity: 1,
                               shift: TimeWindow(parsing: "12:25-12:40"))
        XCTAssertEqual(DeliveryCapacity.meals(of: slow, parameters: .standard), 0)
        let oneTrip = try Courier(id: "K2", name: "送餐员", canteenID: "C1", vehicle: .ebike, capacity: 1,
                                  shift: TimeWindow(parsing: "12:10-12:40"))
        let capacity = DeliveryCapacity.meals(of: oneTrip, parameters: .standard)
        XCTAssertEqual(capacity, 1)
        result = assign([try canteen("C1", north: 300, seats: 0)], [oneTrip],
                        [try diner("D1", north: 0, mobility: .bedridden), try diner("D2", north: 10, mobility: .bedridden)])
        XCTAssertEqual(result.placements.count, 1)
        XCTAssertEqual(result.unserved.map(\.reason), [.noCourierCapacity])
    }

    func testAutoDinersWhoCanWalkDineInAndBedriddenDinersGetDelivery() throws {
        let canteens = [try canteen("C1", north: 200)]
        let result = assign(canteens, [try courier("K1", at: "C1")],
                            [try diner("D1", north: 0), try diner("D2", north: 0, mobility: .bedridden)])
        let kinds = Dictionary(uniqueKeysWithValues: result.placements.map { ($0.diner.id, $0.kind) })
        XCTAssertEqual(kinds, ["D1": .dineIn, "D2": .delivery])
    }

    func testContinuityKeepsLastCanteenOverANearerPreferredOne() throws {
        let canteens = [try canteen("C1", north: 100), try canteen("C2", north: 300)]
        var diner = try diner("D1", north: 0, mode: .dineIn)
        diner.preferredCanteenID = "C1"
        let reach = ServiceReach(canteens: canteens, couriers: [], parameters: .standard, day: wednesday)
        let fresh = AssignmentSolver(reach: reach).assign([diner])
        XCTAssertEqual(fresh.placements.first?.canteen.id, "C1")
        let continued = AssignmentSolver(reach: reach, previous: ["D1": PreviousPlacement(canteenID: "C2", kind: .dineIn)])
            .assign([diner])
        XCTAssertEqual(continued.placements.first?.canteen.id, "C2")
    }

    func testServiceDayParsesDatesAndWeekdays() throws {
        XCTAssertEqual(try ServiceDay(date: "2026-11-25").isoWeekday, 3)
        XCTAssertEqual(try ServiceDay(date: "2026-11-29").isoWeekday, 7)
        XCTAssertThrowsError(try ServiceDay(date: "2026-02-30"))
        XCTAssertThrowsError(try ServiceDay(date: "25/11/2026"))
        XCTAssertThrowsError(try ServiceDay(date: "2026-+1-05"), "the day parser is the strict one of MealCore")
    }
}
