@testable import MealRouting
import XCTest

/// `TripTiming` is the rule the solver's timetable uses: timing a solution's stop sequences again
/// from the problem's public data gives the solver's times, and a kept departure is honoured.
final class TripTimingTests: XCTestCase {
    func testPublicTimingReproducesTheSolversTimetable() throws {
        let problem = RoutingFixtures.randomMealProblem(seed: 21, stops: 14, vehicles: 2, capacity: 4, maxTrips: 3)
        let solution = try RoutingSolver.solve(problem, parameters: SolverParameters(seed: 2, maxIterations: 300))
        let kind = problem.vehicleKinds[0]
        var multiTrip = false
        for route in solution.vehicleRoutes where !route.trips.isEmpty {
            let vehicle = problem.vehicles[route.vehicle]
            let depot = problem.depots[vehicle.depot]
            let timing = VehicleTiming(depotLocation: depot.location, shift: vehicle.shift,
                                       mealsReadyAt: depot.mealsReadyAt, reloadTime: vehicle.reloadTime)
            let trips = TripTiming.trips(route.trips.map(\.stops), stops: problem.stops, vehicle: timing,
                                         travelTime: { kind.travelTimes[$0, $1] }, distance: { kind.distances[$0, $1] })
            XCTAssertEqual(trips, route.trips)
            multiTrip = multiTrip || route.trips.count > 1

            let later = route.trips[0].departure + .minutes(5)
            let kept = TripTiming.trips(route.trips.map(\.stops), stops: problem.stops, vehicle: timing,
                                        keptDepartures: [later],
                                        travelTime: { kind.travelTimes[$0, $1] }, distance: { kind.distances[$0, $1] })
            XCTAssertEqual(kept[0].departure, later)
            XCTAssertGreaterThanOrEqual(kept.last!.departure, route.trips.last!.departure)
        }
        XCTAssertTrue(multiTrip, "a courier goes out more than once, so the coupling of trips is exercised")
    }
}
