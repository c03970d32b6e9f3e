@testable import MealRouting
import XCTest

final class RoutingConstraintTests: XCTestCase {
    /// Every returned plan passes the independent checker: capacities, windows, shifts, time in
    /// the box, compatibility, pins and locked prefixes, over many seeds and mixed options.
    func testEverySolutionPassesTheIndependentChecker() throws {
        for seed in UInt64(1)...12 {
            var problem = RoutingFixtures.randomMealProblem(
                seed: seed, stops: 18, vehicles: 3, capacity: 6, maxTrips: 2)
            // Courier 2 rides a car and is the only one allowed for diners 0..2 (stairs, heavy boxes).
            problem.restrictVehicles { stop, vehicle in
                ["diner 0", "diner 1", "diner 2"].contains(stop.name) ? vehicle.name == "courier 2" : true
            }
            problem.stops[5].pinnedVehicle = 1
            problem.stops[9].isOptional = true
            problem.stops[9].priority = 0.5
            if seed % 2 == 0 { problem.vehicles[0].lockedPrefix = [7] }
            problem.stops[11].preferredVehicle = 0
            problem.costs.preferredVehicleMissed = 500
            let solution = try RoutingSolver.solve(problem, parameters: SolverParameters(seed: seed, maxIterations: 40))
            RoutingFixtures.assertFeasible(solution, problem)
            for s in 0...2 where !solution.unservedStops.contains(s) {
                XCTAssertTrue(solution.vehicleRoutes[2].trips.contains { $0.stops.contains(s) }, "seed \(seed)")
            }
            if !solution.unservedStops.contains(5) {
                XCTAssertTrue(solution.vehicleRoutes[1].trips.contains { $0.stops.contains(5) }, "seed \(seed)")
            }
            if seed % 2 == 0 { XCTAssertEqual(solution.vehicleRoutes[0].trips.first?.stops.first, 7, "seed \(seed)") }
            for route in solution.vehicleRoutes {
                for trip in route.trips {
                    for arrival in trip.arrivals { XCTAssertLessThanOrEqual(arrival.value - trip.departure.value, 2700 + 1e-6) }
                }
            }
        }
    }

    /// One courier, a box for two meals, four diners: only reloading serves everyone. Ignoring
    /// the per-trip capacity would put all four in one trip, which the checker rejects.
    func testMultipleTripsReloadAtTheDepot() throws {
        let points: [(x: Double, y: Double)] = [(0, 0), (1000, 0), (1200, 0), (-1000, 0), (-1200, 0)]
        let distances = TravelMatrix.euclidean(points)
        let times = TravelMatrix(size: points.count) { distances[$0, $1] / 5 }
        let stops = (1...4).map {
            RoutingStop(name: "diner \($0)", location: $0, timeWindow: RoutingTimeWindow(.clock(11), .clock(13)))
        }
        var problem = RoutingProblem(
            depots: [RoutingDepot(name: "canteen", location: 0)], stops: stops,
            vehicleKinds: [RoutingVehicleKind(name: "bicycle", travelTimes: times, distances: distances)],
            vehicles: [RoutingVehicle(name: "courier", capacity: 2, maxTrips: 2, reloadTime: 300)])
        let solution = try RoutingSolver.solve(problem, parameters: SolverParameters(seed: 3, maxIterations: 50))
        RoutingFixtures.assertFeasible(solution, problem)
        XCTAssertEqual(solution.unservedStops, [])
        XCTAssertEqual(solution.vehicleRoutes[0].trips.count, 2)
        let trips = solution.vehicleRoutes[0].trips
        XCTAssertGreaterThanOrEqual(trips[1].departure.value, trips[0].returnTime.value + 300)

        // The answer that ignores reloading: everything in one box.
        var oneTrip = solution
        let all = trips.flatMap(\.stops)
        oneTrip.vehicleRoutes[0].trips = [Trip(
            departure: trips[0].departure, stops: all, arrivals: [], serviceStarts: [],
            returnTime: trips[0].departure, load: 4, distance: 0)]
        XCTAssertTrue(FeasibilityChecker.violations(of: oneTrip, for: problem).contains { $0.contains("capacity") })

        // With a single trip allowed, two diners cannot be served and are reported, not failed.
        problem.vehicles[0].maxTrips = 1
        let limited = try RoutingSolver.solve(problem, parameters: SolverParameters(seed: 3, maxIterations: 50))
        XCTAssertEqual(limited.unservedStops.count, 2)
        XCTAssertEqual(FeasibilityChecker.violations(of: limited, for: problem), [])
    }

    /// Two diners on one street: visiting both on one trip is shortest, but the far one's meal
    /// would spend more than 45 minutes in the box; the solver must make two trips instead.
    func testTimeInBoxSplitsTrips() throws {
        let points: [(x: Double, y: Double)] = [(0, 0), (6500, 0), (13000, 0)]
        let distances = TravelMatrix.euclidean(points)
        let times = TravelMatrix(size: points.count) { distances[$0, $1] / 5 }  // 1300 s and 2600 s out
        let stops = (1...2).map {
            RoutingStop(name: "diner \($0)", location: $0, timeWindow: RoutingTimeWindow(.clock(11), .clock(13)))
        }
        var problem = RoutingProblem(
            depots: [RoutingDepot(name: "canteen", location: 0)], stops: stops,
            vehicleKinds: [RoutingVehicleKind(name: "bicycle", travelTimes: times, distances: distances)],
            vehicles: [RoutingVehicle(name: "courier", capacity: 10, shift: RoutingTimeWindow(.clock(10, 30), .clock(16)), maxTrips: 2, reloadTime: 300)],
            maxTimeInBox: 2700)
        let parameters = SolverParameters(seed: 5, maxIterations: 50)

        problem.maxTimeInBox = nil
        let ignoring = try RoutingSolver.solve(problem, parameters: parameters)
        XCTAssertEqual(ignoring.vehicleRoutes[0].trips.map(\.stops), [[0, 1]])
        problem.maxTimeInBox = 2700
        XCTAssertTrue(FeasibilityChecker.violations(of: ignoring, for: problem).contains { $0.contains("in box") })

        let solution = try RoutingSolver.solve(problem, parameters: parameters)
        RoutingFixtures.assertFeasible(solution, problem)
        XCTAssertEqual(solution.unservedStops, [])
        XCTAssertEqual(solution.vehicleRoutes[0].trips.count, 2)
    }

    /// The trip leaves as late as useful: meals are ready at 10:45 but the doors open at 12:00 and
    /// 12:10, so the courier leaves to reach the second door as it opens, without waiting.
    func testDepartureIsDelayedToShortenTimeInBox() throws {
        let points: [(x: Double, y: Double)] = [(0, 0), (3000, 0), (3300, 0)]
        let distances = TravelMatrix.euclidean(points)
        let times = TravelMatrix(size: points.count) { distances[$0, $1] / 5 }
        let stops = [
            RoutingStop(name: "a", location: 1, timeWindow: RoutingTimeWindow(.clock(12), .clock(12, 30))),
            RoutingStop(name: "b", location: 2, timeWindow: RoutingTimeWindow(.clock(12, 10), .clock(12, 30))),
        ]
        let problem = RoutingProblem(
            depots: [RoutingDepot(name: "canteen", location: 0)], stops: stops,
            vehicleKinds: [RoutingVehicleKind(name: "bicycle", travelTimes: times, distances: distances)],
            vehicles: [RoutingVehicle(name: "courier", capacity: 10)], maxTimeInBox: 2700)
        let solution = try RoutingSolver.solve(problem, parameters: SolverParameters(seed: 1, maxIterations: 20))
        RoutingFixtures.assertFeasible(solution, problem)
        let trip = try XCTUnwrap(solution.vehicleRoutes[0].trips.first)
        // Both orders are equally short; either way nobody waits at a door with the meal.
        XCTAssertEqual(trip.serviceStarts, trip.arrivals)
        XCTAssertTrue(trip.arrivals.contains(Seconds.clock(12, 10)) || trip.arrivals.first == Seconds.clock(12))
        XCTAssertGreaterThan(trip.departure, Seconds.clock(11, 45))
        XCTAssertGreaterThanOrEqual(trip.departure, Seconds.clock(10, 45))
    }

    /// An optional diner far away with a low priority is left out and reported.
    func testOptionalStopIsReportedUnservedWhenNotWorthIt() throws {
        var problem = RoutingFixtures.randomMealProblem(seed: 4, stops: 6, vehicles: 2)
        problem.stops[0].isOptional = true
        problem.stops[0].priority = 0.001
        problem.costs.unservedStop = 1
        let solution = try RoutingSolver.solve(problem, parameters: SolverParameters(seed: 2, maxIterations: 30))
        RoutingFixtures.assertFeasible(solution, problem)
        XCTAssertEqual(solution.unservedStops, [0])
        XCTAssertEqual(solution.cost.unservedPenalty, 0.001, accuracy: 1e-12)
    }

    /// Pinned stops stay with their courier and the preferred courier wins when it is cheap enough.
    func testPinsAndPreferredVehicles() throws {
        var problem = RoutingFixtures.randomMealProblem(seed: 8, stops: 8, vehicles: 2, capacity: 10)
        problem.stops[3].pinnedVehicle = 1
        problem.stops[4].preferredVehicle = 0
        problem.costs.preferredVehicleMissed = 1e6
        problem.vehicles[1].lockedPrefix = [6, 2]
        let solution = try RoutingSolver.solve(problem, parameters: SolverParameters(seed: 3, maxIterations: 40))
        RoutingFixtures.assertFeasible(solution, problem)
        XCTAssertTrue(solution.vehicleRoutes[1].trips.contains { $0.stops.contains(3) })
        XCTAssertTrue(solution.vehicleRoutes[0].trips.contains { $0.stops.contains(4) })
        XCTAssertEqual(Array(solution.vehicleRoutes[1].trips[0].stops.prefix(2)), [6, 2])
        XCTAssertEqual(solution.cost.preferredVehiclePenalty, 0)
    }

    /// Summaries of segments agree with replaying the schedule stop by stop.
    func testDurationSegmentsMatchPlainSimulation() {
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<200 {
            let count = 1 + rng.below(6)
            let windows = (0..<count).map { _ -> (Double, Double) in
                let open = Double(rng.below(100)); return (open, open + Double(rng.below(40)))
            }
            let travel = (0..<count).map { _ in Double(rng.below(30)) }
            let service = 5.0
            var merged = DurationSegment.depot(service: 0, window: (0, 1000))
            for i in 0..<count {
                merged = .merge(merged, travel[i], .stop(service: service, window: windows[i]))
            }
            // Best start by trying every whole start time: least time warp, then least duration.
            var best = (warp: Double.infinity, duration: Double.infinity)
            for start in 0...1000 {
                var time = Double(start), warp = 0.0
                for i in 0..<count {
                    time += travel[i]
                    time = max(time, windows[i].0)
                    if time > windows[i].1 { warp += time - windows[i].1; time = windows[i].1 }
                    time += service
                }
                let candidate = (warp: warp, duration: time - Double(start) + warp)
                if candidate.warp < best.warp - 1e-9 || (abs(candidate.warp - best.warp) < 1e-9 && candidate.duration < best.duration) {
                    best = candidate
                }
            }
            XCTAssertEqual(merged.timeWarp, best.warp, accuracy: 1e-9)
            XCTAssertEqual(merged.duration, best.duration, accuracy: 1e-9)
        }
    }
}
