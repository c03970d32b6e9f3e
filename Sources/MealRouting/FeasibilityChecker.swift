/// Independent check of a returned solution, written plainly (no segment summaries, no caches)
/// so that a bug in the search's incremental bookkeeping cannot hide itself.
public enum FeasibilityChecker {
    /// Slack for floating-point sums of Euclidean distances.
    static let tolerance = 1e-6

    public static func violations(of solution: RoutingSolution, for problem: RoutingProblem) -> [String] {
        var problems: [String] = []
        let eps = tolerance
        var servedBy = [Int?](repeating: nil, count: problem.stops.count)

        if solution.vehicleRoutes.count != problem.vehicles.count {
            problems.append("expected \(problem.vehicles.count) vehicle routes, got \(solution.vehicleRoutes.count)")
            return problems
        }
        var totalDistance = 0.0
        for (v, route) in solution.vehicleRoutes.enumerated() {
            let vehicle = problem.vehicles[v]
            let kind = problem.vehicleKinds[vehicle.kind]
            let depot = problem.depots[vehicle.depot]
            if route.vehicle != v { problems.append("route \(v) names vehicle \(route.vehicle)") }
            if route.trips.count > vehicle.maxTrips {
                problems.append("vehicle \(v) makes \(route.trips.count) trips, at most \(vehicle.maxTrips)")
            }
            var availableAt = max(vehicle.shift.earliest.value, depot.mealsReadyAt.value)
            for (t, trip) in route.trips.enumerated() {
                let label = "vehicle \(v) trip \(t)"
                if trip.stops.isEmpty { problems.append("\(label) is empty") }
                if trip.departure.value < availableAt - eps {
                    problems.append("\(label) departs at \(trip.departure) before \(availableAt)")
                }
                var time = trip.departure.value
                var location = depot.location
                var load = 0
                var distance = 0.0
                for (i, s) in trip.stops.enumerated() {
                    guard problem.stops.indices.contains(s) else {
                        problems.append("\(label) visits unknown stop \(s)")
                        continue
                    }
                    let stop = problem.stops[s]
                    if let other = servedBy[s] { problems.append("stop \(s) served by \(other) and \(v)") }
                    servedBy[s] = v
                    if !problem.canServe(stop: s, vehicle: v) {
                        problems.append("stop \(s) may not be served by vehicle \(v)")
                    }
                    let arrival = time + kind.travelTimes[location, stop.location]
                    distance += kind.distances[location, stop.location]
                    if i < trip.arrivals.count, abs(trip.arrivals[i].value - arrival) > 1e-4 {
                        problems.append("\(label) reports arrival \(trip.arrivals[i]) at stop \(s), recomputed \(arrival)")
                    }
                    let start = max(arrival, stop.timeWindow.earliest.value)
                    if start > stop.timeWindow.latest.value + eps {
                        problems.append("\(label) starts stop \(s) at \(start), window closes \(stop.timeWindow.latest)")
                    }
                    if let limit = problem.maxTimeInBox, arrival - trip.departure.value > limit.value + eps {
                        problems.append("\(label) meal for stop \(s) in box \(arrival - trip.departure.value)s > \(limit)")
                    }
                    load += stop.demand.meals
                    time = start + stop.serviceTime.value
                    location = stop.location
                }
                let back = time + kind.travelTimes[location, depot.location]
                distance += kind.distances[location, depot.location]
                if abs(trip.returnTime.value - back) > 1e-4 {
                    problems.append("\(label) reports return \(trip.returnTime), recomputed \(back)")
                }
                if back > vehicle.shift.latest.value + eps {
                    problems.append("\(label) returns at \(back) after the shift ends \(vehicle.shift.latest)")
                }
                if load > vehicle.capacity.meals {
                    problems.append("\(label) carries \(load) meals, capacity \(vehicle.capacity)")
                }
                totalDistance += distance
                availableAt = back + vehicle.reloadTime.value
            }
            if !vehicle.lockedPrefix.isEmpty {
                let first = route.trips.first?.stops ?? []
                if Array(first.prefix(vehicle.lockedPrefix.count)) != vehicle.lockedPrefix {
                    problems.append("vehicle \(v) does not start with its locked stops \(vehicle.lockedPrefix)")
                }
            }
        }
        let unserved = Set(solution.unservedStops)
        for s in problem.stops.indices {
            if servedBy[s] == nil && !unserved.contains(s) {
                problems.append("stop \(s) neither served nor reported unserved")
            }
            if servedBy[s] != nil && unserved.contains(s) {
                problems.append("stop \(s) served but reported unserved")
            }
            if let pinned = problem.stops[s].pinnedVehicle, let by = servedBy[s], by != pinned {
                problems.append("stop \(s) pinned to vehicle \(pinned) but served by \(by)")
            }
        }
        if abs(totalDistance - solution.cost.distance.value) > 1e-6 * max(1, totalDistance) {
            problems.append("reported distance \(solution.cost.distance) but routes measure \(totalDistance)")
        }
        return problems
    }

    /// Feasible and complete: no violation and no required stop left out.
    public static func isFeasible(_ solution: RoutingSolution, for problem: RoutingProblem) -> Bool {
        violations(of: solution, for: problem).isEmpty
            && solution.unservedStops.allSatisfy { problem.stops[$0].isOptional }
    }
}
