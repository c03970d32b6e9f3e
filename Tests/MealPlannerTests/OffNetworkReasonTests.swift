import XCTest
import MealCore
@testable import MealPlanner

/// What an operator sees when the travel model is a street network: a diner across a river is
/// as far as the bridge makes them, and a home with no usable street nearby is reported with
/// that reason in the plan and the coverage report, never served and never silently dropped.
final class OffNetworkReasonTests: XCTestCase {
    // About 111 m per 0.001° of latitude; the canteen is at the origin, on the south bank.
    let origin = (lat: 28.2400, lon: 117.0300)
    let wednesday = try! ServiceDay(date: "2026-11-25")

    func point(north: Double, east: Double = 0) throws -> GeoPoint {
        try GeoPoint(latitude: origin.lat + north / 111_195,
                     longitude: origin.lon + east / (111_195 * cos(origin.lat * Double.pi / 180)))
    }

    func diner(_ id: DinerID, north: Double, mode: ServicePreference = .dineIn) throws -> Diner {
        try Diner(id: id, name: "老人\(id)", community: "江边街道", location: point(north: north),
                  mobility: .independent, mode: mode, diets: [], priority: .normal)
    }

    func district() throws -> (canteens: [Canteen], couriers: [Courier], diners: [Diner], model: RiverTravelModel) {
        let canteen = try Canteen(id: "C1", name: "江南食堂", community: "江边街道", location: point(north: 0), seats: 10,
                                  sittings: [Sitting(parsing: "11:00-12:00")], kitchenCapacity: 50, diets: [],
                                  openDays: Weekdays(parsing: "1234567"))
        let courier = try Courier(id: "K1", name: "送餐员", canteenID: "C1", vehicle: .ebike, capacity: 10,
                                  shift: TimeWindow(parsing: "10:30-13:00"))
        let diners = [
            try diner("D1", north: 100),               // same bank, 130 m on foot
            try diner("D2", north: 300),               // across the river: 390 m by ruler, far by the bridge
            try diner("D3", north: 50, mode: .auto),   // no street within 300 m of home
        ]
        let model = RiverTravelModel(straight: GreatCircleTravelModel(), riverLatitude: try point(north: 200).latitude,
                                     bridge: try point(north: 200, east: 1_500), offNetwork: [diners[2].location])
        return ([canteen], [courier], diners, model)
    }

    func testAPlanOnTheNetworkNamesTheHomeOffTheNetworkAndTheDinerAcrossTheRiver() throws {
        let (canteens, couriers, diners, model) = try district()
        let planner = DayPlanner(canteens: canteens, couriers: couriers, diners: diners,
                                 settings: DayPlanner.Settings(seed: 1, createdBy: "test", travel: .fixed(model)))
        let plan = try planner.plan(day: wednesday).plan
        XCTAssertEqual(plan.assignments.map(\.dinerID), ["D1"])
        XCTAssertEqual(plan.unserved.map(\.dinerID), ["D2", "D3"])
        XCTAssertEqual(plan.unserved.map(\.reason), [.outsideRadius, .homeOffNetwork])
        let acrossMinutes = (model.seconds(from: diners[1].location, to: canteens[0].location, by: .walking(.independent))! + 30) / 60
        XCTAssertGreaterThan(acrossMinutes, 15)
        XCTAssertEqual(plan.unserved[0].detail, "nearest canteen 江南食堂 is \(acrossMinutes) min away on foot at this diner's pace")
        XCTAssertEqual(plan.unserved[1].detail, "home off the street network: no street usable on foot at this diner's pace "
                       + "(independent) or by a courier's ebike within 300 m")
        XCTAssertTrue(UnservedReason.homeOffNetwork.isOutOfReach, "a matter for the registry or the roads, not the day")
        XCTAssertEqual(plan.travel, .network(digest: "0123456789abcdef-river"))

        let summary = PlanSummary(plan: plan, canteens: canteens, previous: [:], courierTravelSeconds: 0, diners: diners)
        let text = summary.text()
        XCTAssertTrue(text.contains("老人D3 (D3): home_off_network — home off the street network"), text)
    }

    func testTheStraightLineServesBothThatTheNetworkLeavesOut() throws {
        let (canteens, couriers, diners, _) = try district()
        let planner = DayPlanner(canteens: canteens, couriers: couriers, diners: diners,
                                 settings: DayPlanner.Settings(seed: 1, createdBy: "test"))
        let plan = try planner.plan(day: wednesday).plan
        XCTAssertEqual(plan.unserved, [])
        XCTAssertEqual(plan.travel, .straight)
    }

    func testTheCoverageReportSaysWhichHomesAreOffTheNetwork() throws {
        let (canteens, couriers, diners, model) = try district()
        let reach = DayContext(day: wednesday, parameters: .standard, travel: model).reach(canteens: canteens, couriers: couriers)
        let report = CoverageReport(diners: diners, reach: reach)
        XCTAssertEqual(report.district.outside, 2)
        XCTAssertEqual(report.outside.map(\.diner.id), ["D2", "D3"])
        XCTAssertEqual(report.outside.map(\.reason), [.outsideRadius, .homeOffNetwork])
        XCTAssertEqual(report.outside[1].explanation, "home off the street network: no street usable on foot at this "
                       + "diner's pace (independent) or by a courier's ebike within 300 m")
        let text = CoverageFormatter.text(report)
        XCTAssertTrue(text.contains("home off the street network"), text)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(CoverageFormatter.json(report).utf8)) as? [String: Any])
        let outside = try XCTUnwrap(json["outside"] as? [[String: Any]])
        XCTAssertEqual(outside.map { $0["reason"] as? String }, ["outside_radius", "home_off_network"])
    }

    func testAHomeOnTheNetworkForACourierIsDeliveredNotReportedOff() throws {
        let (canteens, couriers, diners, base) = try district()
        // Off the footpaths only: the e-bike courier can still bring the meal.
        struct FootpathsOnly: TravelModel {
            let base: RiverTravelModel
            var identity: TravelModelIdentity { base.identity }
            func metres(from origin: GeoPoint, to destination: GeoPoint) -> Double { base.metres(from: origin, to: destination) }
            func seconds(from origin: GeoPoint, to destination: GeoPoint, by mode: TravelMode) -> Int? {
                if case .courier = mode { return base.straight.seconds(from: origin, to: destination, by: mode) }
                return base.seconds(from: origin, to: destination, by: mode)
            }
            func placement(of point: GeoPoint, by mode: TravelMode) -> TravelPlacement {
                if case .courier = mode { return .onNetwork(snapMetres: 12) }
                return base.placement(of: point, by: mode)
            }
        }
        let planner = DayPlanner(canteens: canteens, couriers: couriers, diners: diners,
                                 settings: DayPlanner.Settings(seed: 1, createdBy: "test", travel: .fixed(FootpathsOnly(base: base))))
        let plan = try planner.plan(day: wednesday).plan
        XCTAssertEqual(plan.assignment(of: "D3")?.mode, .delivery)
        XCTAssertEqual(plan.unserved.map(\.dinerID), ["D2"])
    }

    func testACheckOnTheNetworkFlagsAStraightLinePlanThatTheStreetsCannotKeep() throws {
        let (canteens, couriers, diners, model) = try district()
        let planner = DayPlanner(canteens: canteens, couriers: couriers, diners: diners,
                                 settings: DayPlanner.Settings(seed: 1, createdBy: "test"))
        let plan = try planner.plan(day: wednesday).plan
        XCTAssertEqual(plan.assignments.map(\.dinerID), ["D1", "D2", "D3"])
        let onTheLine = PlanChecker.violations(plan: plan, canteens: canteens, couriers: couriers, diners: diners,
                                               parameters: .standard, day: wednesday)
        XCTAssertEqual(onTheLine, [])
        let onTheStreets = PlanChecker.violations(plan: plan, canteens: canteens, couriers: couriers, diners: diners,
                                                  parameters: .standard, day: wednesday, model: model)
        XCTAssertEqual(onTheStreets.map(\.dinerID), ["D2", "D3"])
        XCTAssertEqual(onTheStreets.map(\.rule), [.outsideCircle, .outsideCircle])
        guard onTheStreets.count == 2 else { return }
        XCTAssertTrue(onTheStreets[0].detail.hasPrefix("老人D2 (independent, 1.0 m/s) needs "), onTheStreets[0].detail)
        XCTAssertEqual(onTheStreets[1].detail, "老人D3 (independent) cannot reach 江南食堂 on foot: "
                       + "no street usable within 300 m of home")
    }
}
