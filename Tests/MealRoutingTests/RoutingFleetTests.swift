@testable import MealRouting
import XCTest

final class RoutingFleetTests: XCTestCase {
    /// Two canteens, bicycles and a car with their own travel times: every trip starts and ends at
    /// its courier's canteen, and every plan passes the checker.
    func testSeveralDepotsAndVehicleKinds() throws {
        for seed in UInt64(1)...6 {
            var problem = RoutingFixtures.randomMealProblem(seed: seed, stops: 16, vehicles: 4, capacity: 6, maxTrips: 2)
            let bicycle = problem.vehicleKinds[0]
            let car = RoutingVehicleKind(
                name: "car",
                travelTimes: TravelMatrix(size: bicycle.travelTimes.size) { (bicycle.travelTimes[$0, $1] * 0.5).rounded() },
                distances: bicycle.distances)
            problem.vehicleKinds.append(car)
            // The second canteen sits at the first diner's door.
            problem.depots.append(RoutingDepot(name: "canteen south", location: 1, mealsReadyAt: .clock(11)))
            problem.vehicles[1].kind = 1
            problem.vehicles[2].depot = 1
            problem.vehicles[3].depot = 1
            problem.vehicles[3].kind = 1
            problem.vehicles[3].shift = RoutingTimeWindow(.clock(11), .clock(13))
            let solution = try RoutingSolver.solve(problem, parameters: SolverParameters(seed: seed, maxIterations: 30))
            RoutingFixtures.assertFeasible(solution, problem)
            XCTAssertEqual(solution.unservedStops, [], "seed \(seed)")
            for route in solution.vehicleRoutes where problem.vehicles[route.vehicle].depot == 1 {
                for trip in route.trips { XCTAssertGreaterThanOrEqual(trip.departure, Seconds.clock(11)) }
            }
        }
    }

    func testDegenerateProblems() throws {
        var problem = RoutingFixtures.randomMealProblem(seed: 3, stops: 1, vehicles: 1)
        let single = try RoutingSolver.solve(problem, parameters: SolverParameters(maxIterations: 5))
        RoutingFixtures.assertFeasible(single, problem)
        XCTAssertEqual(single.stopSequences, [[[0]]])

        problem.vehicles = []
        let noFleet = try RoutingSolver.solve(problem)
        XCTAssertEqual(noFleet.unservedStops, [0])

        var broken = RoutingFixtures.randomMealProblem(seed: 3, stops: 2, vehicles: 1)
        broken.stops[0].pinnedVehicle = 4
        XCTAssertThrowsError(try RoutingSolver.solve(broken))
        broken.stops[0].pinnedVehicle = nil
        broken.vehicles[0].lockedPrefix = [1, 1]
        XCTAssertThrowsError(try RoutingSolver.solve(broken))
    }
}
