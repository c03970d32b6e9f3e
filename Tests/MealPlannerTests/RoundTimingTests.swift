import XCTest
import MealCore
@testable import MealPlanner

/// The router and the editing of a plan time rounds with the same rule: a round the router made,
/// timed again the way a coordinator's edit times it, keeps every departure and arrival.
final class RoundTimingTests: XCTestCase {
    func testEditedRoundIsTimedExactlyAsTheRouterTimedIt() throws {
        let planned = try PlannedDistrict.wednesday.get()
        let plan = planned.result.plan
        let parameters = PlannedDistrict.settings.parameters
        let model = GreatCircleTravelModel(parameters: parameters)
        let couriers = Dictionary(uniqueKeysWithValues: planned.couriers.map { ($0.id, $0) })
        let canteens = Dictionary(uniqueKeysWithValues: planned.canteens.map { ($0.id, $0) })
        let diners = Dictionary(uniqueKeysWithValues: planned.diners.map { ($0.id, $0) })
        XCTAssertGreaterThan(plan.rounds.count, 20)
        var waitedForAWindow = false
        for round in plan.rounds {
            let courier = try XCTUnwrap(couriers[round.courierID])
            let table = RoundTimetable(courier: courier, canteen: try XCTUnwrap(canteens[round.canteenID]),
                                       parameters: parameters, model: model, diners: diners)
            let stops = round.trips.map { $0.stops.map(\.dinerID) }
            let retimed = table.time(stops)
            XCTAssertEqual(retimed.problems, [], "\(round.courierID)")
            XCTAssertEqual(retimed.trips, round.trips, "\(round.courierID): re-timed from scratch")
            let kept = table.time(stops, keepDepartures: round.trips.map(\.departSeconds))
            XCTAssertEqual(kept.trips, round.trips, "\(round.courierID): re-timed keeping the departures")
            for trip in round.trips {
                for (stop, next) in zip(trip.stops, trip.stops.dropFirst()) {
                    let home = try XCTUnwrap(diners[stop.dinerID]), following = try XCTUnwrap(diners[next.dinerID])
                    let drive = model.seconds(from: home.location, to: following.location, by: .courier(courier.vehicle)) ?? 0
                    if next.arrivalSeconds > stop.arrivalSeconds + parameters.serviceSeconds + drive { waitedForAWindow = true }
                }
            }
        }
        // The old editor rule (leave at "first window minus first leg") agreed with the router
        // unless a courier waits at a later door; the district must contain such a round.
        XCTAssertTrue(waitedForAWindow, "some courier waits for a window, so the departure rule matters")
    }
}
