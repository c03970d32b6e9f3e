import XCTest
import MealCore
@testable import MealPlanner

/// The planner asks a travel model in batches (one query per canteen and mode for the reach, one
/// row per stop for a canteen's routing matrix), and gets exactly the plan it gets pair by pair.
final class BatchedTravelTests: XCTestCase {
    let district = DistrictGenerator(.init(seed: 13, diners: 200, canteens: 3)).generate()
    let wednesday = try! ServiceDay(date: "2026-11-25")

    func testTheBatchedDefaultsGiveThePairwiseFigures() throws {
        let model = GreatCircleTravelModel()
        let points = district.diners.prefix(20).map(\.location)
        let canteen = district.canteens[0].location
        for mode in [TravelMode.walking(.walker), .walking(.bedridden), .courier(.car)] {
            XCTAssertEqual(model.seconds(from: canteen, toEach: points, by: mode, within: 900),
                           points.map { model.seconds(from: canteen, to: $0, by: mode) })
            XCTAssertEqual(model.seconds(fromEach: points, to: canteen, by: mode, within: nil),
                           points.map { model.seconds(from: $0, to: canteen, by: mode) })
            let matrix = model.secondsMatrix(among: points, by: mode)
            for i in points.indices {
                XCTAssertEqual(matrix[i], points.map { model.seconds(from: points[i], to: $0, by: mode) })
            }
        }
        XCTAssertEqual(model.placement(of: canteen, by: .walking(.wheelchair)), .onNetwork(snapMetres: 0))
    }

    func testTheReachAsksOneQueryPerCanteenAndModeNeverPairByPair() {
        let counting = CountingTravelModel()
        let context = DayContext(day: wednesday, parameters: .standard, travel: counting)
        let reach = context.reach(canteens: district.canteens, couriers: district.couriers)
        let eating = district.diners.filter(wednesday.eats)
        let assignment = AssignmentSolver(reach: reach).assign(district.diners)
        let paces = Set(eating.map(\.mobility)).count
        let vehicleKinds = district.canteens.map { canteen in
            Set(district.couriers.filter { $0.canteenID == canteen.id && wednesday.works($0) }.map(\.vehicle)).count
        }.reduce(0, +)
        let unservedOutside = assignment.unserved.filter { $0.reason == .outsideRadius }.count
        // Each canteen: one query per pace, one at the pickup pace, one per courier kind; then,
        // for each diner outside the circle, the nearest canteen by the diner's own means: one
        // query per means (on foot, or each courier kind) for each widening bound (2, 4, … 128
        // circles, then none: at most 8).
        XCTAssertEqual(counting.counts.pairs, 0, "no pair-by-pair question")
        XCTAssertLessThanOrEqual(counting.counts.batches,
                                 district.canteens.count * (paces + 1) + vehicleKinds + unservedOutside * 8 * VehicleKind.allCases.count)
    }

    func testARoutingMatrixIsOneRowPerStop() throws {
        let counting = CountingTravelModel()
        let canteen = district.canteens[0]
        let couriers = district.couriers.filter { $0.canteenID == canteen.id }
        let stops = Array(district.diners.prefix(12))
        let routing = CanteenRouting(canteen: canteen, couriers: couriers, parameters: .standard, model: counting,
                                     previous: [:], pinnedCourier: [:])
        let problem = routing.problem(for: stops)
        let kinds = Set(couriers.map(\.vehicle)).count
        XCTAssertEqual(counting.counts.pairs, 0)
        XCTAssertEqual(counting.counts.batches, kinds * (stops.count + 1))
        let straight = CanteenRouting(canteen: canteen, couriers: couriers, parameters: .standard,
                                      model: GreatCircleTravelModel(), previous: [:], pinnedCourier: [:]).problem(for: stops)
        XCTAssertEqual(problem.vehicleKinds.map(\.travelTimes), straight.vehicleKinds.map(\.travelTimes))
    }

    func testTheBatchedPathPlansTheSameDayAsTheStraightLine() throws {
        let straight = DayPlanner(canteens: district.canteens, couriers: district.couriers, diners: district.diners,
                                  settings: DayPlanner.Settings(seed: 3, createdBy: "test"))
        let counting = CountingTravelModel()
        let batched = DayPlanner(canteens: district.canteens, couriers: district.couriers, diners: district.diners,
                                 settings: DayPlanner.Settings(seed: 3, createdBy: "test", travel: .fixed(counting)))
        let expected = try straight.plan(day: wednesday).plan
        let got = try batched.plan(day: wednesday).plan
        XCTAssertGreaterThan(expected.assignments.count, 100)
        XCTAssertEqual(got.assignments, expected.assignments)
        XCTAssertEqual(got.rounds, expected.rounds)
        XCTAssertEqual(got.unserved, expected.unserved)
        XCTAssertEqual(expected.travel, .straight)
        XCTAssertEqual(got.travel, .network(digest: "counting"), "the plan records the model it was made with")
        XCTAssertEqual(counting.counts.pairs, 0, "a day is planned without one pair-by-pair question")
    }
}
