import XCTest
import MealCore
import MealRouting
@testable import MealPlanner

/// Registries and parameters at the edges of every documented range (docs/formats.md,
/// docs/planning.md): assigning, planning and checking finish and account for every diner.
/// Nothing here measures time; the small time guard only keeps a runaway search short.
final class EdgeValuePlanningTests: XCTestCase {
    let wednesday = try! ServiceDay(date: "2026-11-25")

    /// The largest figures the ranges allow, everywhere at once: no arithmetic overflows.
    func testLargestInRangeValuesPlanWithoutCrash() throws {
        var parameters = PlanningParameters.standard
        parameters.tripLegSeconds = PlanningParameters.Ranges.tripLegSeconds.upperBound
        parameters.serviceSeconds = PlanningParameters.Ranges.serviceSeconds.upperBound
        parameters.stopGapSeconds = PlanningParameters.Ranges.stopGapSeconds.upperBound
        parameters.maxInBoxSeconds = PlanningParameters.Ranges.maxInBoxSeconds.upperBound
        parameters.radiusSeconds = PlanningParameters.Ranges.radiusSeconds.upperBound
        parameters.readySeconds = 0
        parameters.defaultWindowStart = 0
        parameters.defaultWindowEnd = 86_400
        let allDay = try TimeWindow(parsing: "00:00-24:00")
        let origin = try GeoPoint(latitude: 28.24, longitude: 117.03)
        let canteens = try (1...2).map { i in
            try Canteen(id: CanteenID("C\(i)"), name: "食堂\(i)", location: origin, seats: Canteen.seatsRange.upperBound,
                        sittings: [Sitting(window: allDay)], kitchenCapacity: Canteen.kitchenCapacityRange.upperBound)
        }
        let couriers = try canteens.map { canteen in
            try Courier(id: CourierID("K\(canteen.id)"), name: "送餐员", canteenID: canteen.id, vehicle: .car,
                        capacity: Courier.capacityRange.upperBound, shift: allDay)
        }
        let diners = try (1...30).map { i in
            try Diner(id: DinerID("D\(i)"), name: "老人\(i)", location: GeoPoint(latitude: 28.24 + Double(i) * 0.001, longitude: 117.03),
                      mobility: i.isMultiple(of: 2) ? .bedridden : .independent, priority: .high)
        }
        let outcome = try DayPlanner(canteens: canteens, couriers: couriers, diners: diners,
                                     settings: .init(parameters: parameters, seed: 1, timeLimit: 5, createdBy: "test"))
            .plan(day: wednesday)
        assertEveryDinerAccountedFor(outcome.plan, diners)
        XCTAssertEqual(outcome.plan.unserved.map(\.dinerID), [], "a big enough district serves everyone")
        let found = PlanChecker.violations(plan: outcome.plan, canteens: canteens, couriers: couriers, diners: diners,
                                           parameters: parameters, day: wednesday)
        XCTAssertEqual(found, [])
    }

    /// Figures set in code, not read from a file, are held to the same ranges by the planner.
    func testThePlannerRefusesParametersOutsideTheirRanges() throws {
        var parameters = PlanningParameters.standard
        parameters.tripLegSeconds = .max
        let planner = DayPlanner(canteens: [], couriers: [], diners: [],
                                 settings: .init(parameters: parameters, seed: 1, timeLimit: 5, createdBy: "test"))
        XCTAssertThrowsError(try planner.plan(day: wednesday)) { error in
            XCTAssertEqual((error as? DomainError)?.field, "trip_leg_s")
        }
    }

    /// Seeded random registries whose every number sits at an edge of its range.
    func testRandomRegistriesAtTheEdgesAssignPlanAndCheck() throws {
        var delivered = 0, dinedIn = 0, unserved = 0
        for seed in UInt64(1)...60 {
            var random = SeededGenerator(seed: seed)
            let parameters = EdgeRegistry.parameters(&random)
            let registry = try EdgeRegistry.registry(&random)
            let context = DayContext(day: wednesday, parameters: parameters)
            let assignment = AssignmentSolver(reach: context.reach(canteens: registry.canteens, couriers: registry.couriers))
                .assign(registry.diners)
            XCTAssertEqual(assignment.placements.count + assignment.unserved.count,
                           registry.diners.filter(wednesday.eats).count, "seed \(seed)")
            let outcome = try DayPlanner(canteens: registry.canteens, couriers: registry.couriers, diners: registry.diners,
                                         settings: .init(parameters: parameters, seed: seed, timeLimit: 0.5, createdBy: "test"))
                .plan(day: wednesday)
            assertEveryDinerAccountedFor(outcome.plan, registry.diners, "seed \(seed)")
            let found = PlanChecker.violations(plan: outcome.plan, canteens: registry.canteens, couriers: registry.couriers,
                                               diners: registry.diners, parameters: parameters, day: wednesday)
            XCTAssertEqual(found, [], "seed \(seed): \(found.prefix(5))")
            delivered += outcome.plan.assignments.filter { $0.mode == .delivery }.count
            dinedIn += outcome.plan.assignments.filter { $0.mode == .dineIn }.count
            unserved += outcome.plan.unserved.count
        }
        // The draw reaches every path: rounds, sittings and diners left out.
        XCTAssertGreaterThan(delivered, 0)
        XCTAssertGreaterThan(dinedIn, 0)
        XCTAssertGreaterThan(unserved, 0)
    }

    func assertEveryDinerAccountedFor(_ plan: DayPlan, _ diners: [Diner], _ message: String = "",
                                      file: StaticString = #filePath, line: UInt = #line) {
        let placed = plan.assignments.map(\.dinerID) + plan.unserved.map(\.dinerID)
        XCTAssertEqual(placed.sorted(), diners.filter(wednesday.eats).map(\.id).sorted(), message, file: file, line: line)
        for entry in plan.unserved { XCTAssertFalse(entry.detail.isEmpty, "\(message): \(entry.dinerID) has no reason", file: file, line: line) }
    }
}

/// Registries and parameters drawn from the edges of the documented ranges.
enum EdgeRegistry {
    static func pick<T>(_ values: [T], _ random: inout SeededGenerator) -> T { values[random.below(values.count)] }

    static func edges(_ range: ClosedRange<Int>) -> [Int] { [range.lowerBound, range.lowerBound + 1, range.upperBound] }
    static func edges(_ range: ClosedRange<Double>) -> [Double] { [range.lowerBound, range.upperBound] }

    static func parameters(_ random: inout SeededGenerator) -> PlanningParameters {
        typealias R = PlanningParameters.Ranges
        var p = PlanningParameters.standard
        p.circuity = pick(edges(R.circuity), &random)
        p.radiusSeconds = pick(edges(R.radiusSeconds) + [900], &random)
        for key in p.walkSpeed.keys { p.walkSpeed[key] = pick(edges(R.walkSpeed) + [1.0], &random) }
        for key in p.courierSpeed.keys { p.courierSpeed[key] = pick(edges(R.courierSpeed) + [4.5], &random) }
        p.serviceSeconds = pick(edges(R.serviceSeconds) + [120], &random)
        p.maxInBoxSeconds = pick(edges(R.maxInBoxSeconds) + [2_700], &random)
        p.tripLegSeconds = pick(edges(R.tripLegSeconds), &random)
        p.stopGapSeconds = pick(edges(R.stopGapSeconds), &random)
        p.readySeconds = pick([0, 38_700, 86_400], &random)
        let window = pick([(0, 1), (0, 86_400), (86_399, 86_400), (39_600, 45_000)], &random)
        (p.defaultWindowStart, p.defaultWindowEnd) = window
        return p
    }

    static func registry(_ random: inout SeededGenerator) throws -> Registry {
        let windows = try ["00:00-00:01", "00:00-24:00", "23:59-24:00", "11:00-12:30"].map { try TimeWindow(parsing: $0) }
        // Near each other, or at the poles and the date line.
        let places = try [(28.24, 117.03), (28.241, 117.031), (90, 180), (-90, -180), (0, 0)].map {
            try GeoPoint(latitude: $0.0, longitude: $0.1)
        }
        let canteens = try (1...(1 + random.below(3))).map { i in
            let seats = pick(edges(Canteen.seatsRange), &random)
            return try Canteen(id: CanteenID("C\(i)"), name: "食堂\(i)", location: pick(places, &random), seats: seats,
                               sittings: seats > 0 ? [Sitting(window: pick(windows, &random))] : [],
                               kitchenCapacity: pick(edges(Canteen.kitchenCapacityRange), &random),
                               diets: pick([[], [.soft]], &random))
        }
        let couriers = try (0..<random.below(4)).map { i in
            try Courier(id: CourierID("K\(i)"), name: "送餐员\(i)", canteenID: pick(canteens, &random).id,
                        vehicle: pick(VehicleKind.allCases, &random), capacity: pick(edges(Courier.capacityRange), &random),
                        shift: pick(windows, &random))
        }
        let diners = try (0..<random.below(26)).map { i in
            let mobility = pick(Mobility.allCases, &random)
            return try Diner(id: DinerID("D\(i)"), name: "老人\(i)", location: pick(places, &random),
                             birthYear: pick([1900, 2010, nil], &random), mobility: mobility,
                             mode: mobility == .bedridden ? pick([.auto, .delivery], &random) : pick(ServicePreference.allCases, &random),
                             diets: pick([[], [.soft]], &random), priority: pick(Priority.allCases, &random),
                             window: pick(windows.map(Optional.some) + [nil], &random),
                             preferredCanteenID: pick([nil, "C1"], &random))
        }
        return Registry(canteens: canteens, couriers: couriers, diners: diners)
    }
}
