@testable import MealRouting
import XCTest

/// Small random problems for the routing tests, built from a seed so failures reproduce.
enum RoutingFixtures {
    /// Stops scattered on a square around one depot (location 0); times in seconds, distances in
    /// metres, couriers at 5 m/s.
    static func randomMealProblem(
        seed: UInt64, stops stopCount: Int, vehicles vehicleCount: Int, capacity: Int = 6, maxTrips: Int = 1,
        maxTimeInBox: Seconds? = Seconds(2700)
    ) -> RoutingProblem {
        var rng = SeededGenerator(seed: seed)
        var points: [(x: Double, y: Double)] = [(0, 0)]
        for _ in 0..<stopCount {
            points.append((Double(rng.below(6000)) - 3000, Double(rng.below(6000)) - 3000))
        }
        let distances = TravelMatrix.euclidean(points)
        let times = TravelMatrix(size: points.count) { (distances[$0, $1] / 5).rounded() }
        let stops = (0..<stopCount).map { i -> RoutingStop in
            let open = Seconds.clock(11) + Seconds(Double(rng.below(4)) * 900)
            return RoutingStop(
                name: "diner \(i)", location: i + 1, demand: Load(1 + rng.below(2)),
                timeWindow: RoutingTimeWindow(open, open + .minutes(60)))
        }
        let vehicles = (0..<vehicleCount).map {
            RoutingVehicle(name: "courier \($0)", capacity: Load(capacity), maxTrips: maxTrips, reloadTime: 300)
        }
        return RoutingProblem(
            depots: [RoutingDepot(name: "canteen", location: 0)], stops: stops,
            vehicleKinds: [RoutingVehicleKind(name: "bicycle", travelTimes: times, distances: distances)],
            vehicles: vehicles, maxTimeInBox: maxTimeInBox)
    }

    static func assertFeasible(
        _ solution: RoutingSolution, _ problem: RoutingProblem, file: StaticString = #filePath, line: UInt = #line
    ) {
        let violations = FeasibilityChecker.violations(of: solution, for: problem)
        XCTAssertEqual(violations, [], file: file, line: line)
        XCTAssertTrue(solution.isFeasible, file: file, line: line)
    }
}

/// Exhaustive search over every assignment of stops to trip slots and every visiting order;
/// plain simulation with departures at the earliest moment (optimal without a time-in-box limit).
enum BruteForce {
    struct Plan {
        var distance: Double
        var slots: [[Int]]
    }

    static func optimum(_ problem: RoutingProblem) -> Plan? {
        let slots = problem.vehicles.indices.flatMap { v in (0..<problem.vehicles[v].maxTrips).map { (v, $0) } }
        let n = problem.stops.count
        var best: Plan? = nil
        var permutation = Array(0..<n)
        var cuts = [Int](repeating: 0, count: slots.count - 1)

        func evaluate() {
            var groups: [[Int]] = []
            var start = 0
            for cut in cuts + [n] {
                groups.append(Array(permutation[start..<cut]))
                start = cut
            }
            var total = 0.0
            var availableAt = [Double](repeating: 0, count: problem.vehicles.count)
            for v in problem.vehicles.indices {
                let depot = problem.depots[problem.vehicles[v].depot]
                availableAt[v] = max(problem.vehicles[v].shift.earliest.value, depot.mealsReadyAt.value)
            }
            for (slot, group) in zip(slots, groups) where !group.isEmpty {
                let v = slot.0
                let vehicle = problem.vehicles[v]
                let kind = problem.vehicleKinds[vehicle.kind]
                let depot = problem.depots[vehicle.depot].location
                var time = availableAt[v], location = depot, load = 0
                for s in group {
                    let stop = problem.stops[s]
                    guard problem.canServe(stop: s, vehicle: v) else { return }
                    time = max(time + kind.travelTimes[location, stop.location], stop.timeWindow.earliest.value)
                    if time > stop.timeWindow.latest.value + 1e-9 { return }
                    time += stop.serviceTime.value
                    total += kind.distances[location, stop.location]
                    location = stop.location
                    load += stop.demand.meals
                }
                if load > vehicle.capacity.meals { return }
                time += kind.travelTimes[location, depot]
                total += kind.distances[location, depot]
                if time > vehicle.shift.latest.value + 1e-9 { return }
                availableAt[v] = time + vehicle.reloadTime.value
            }
            if best == nil || total < best!.distance - 1e-9 { best = Plan(distance: total, slots: groups) }
        }

        func chooseCuts(_ index: Int, _ from: Int) {
            if index == cuts.count { evaluate(); return }
            for c in from...n {
                cuts[index] = c
                chooseCuts(index + 1, c)
            }
        }

        func permute(_ k: Int) {
            if k == n { chooseCuts(0, 0); return }
            for i in k..<n {
                permutation.swapAt(k, i)
                permute(k + 1)
                permutation.swapAt(k, i)
            }
        }
        permute(0)
        return best
    }
}
