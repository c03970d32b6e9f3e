import Foundation

/// Entry point of the routing engine.
public enum RoutingSolver {
    /// Solves `problem` with the hybrid genetic search. Optional stops that are not worth serving,
    /// and required stops that no feasible plan can take, come back in `unservedStops`.
    public static func solve(
        _ problem: RoutingProblem, parameters: SolverParameters = SolverParameters()
    ) throws -> RoutingSolution {
        try problem.validate()
        let start = Date()
        let stoppingCriterion = parameters.stoppingCriterion()
        guard !problem.stops.isEmpty, !problem.vehicles.isEmpty else {
            return RoutingSolution(
                vehicleRoutes: problem.vehicles.indices.map { VehicleRoute(vehicle: $0, trips: []) },
                unservedStops: Array(problem.stops.indices),
                cost: CostBreakdown(), isFeasible: true)
        }
        var searchParameters = parameters
        searchParameters.neighbourCount = min(parameters.neighbourCount, problem.stops.count - 1)
        let model = SearchModel(problem, neighbourCount: searchParameters.neighbourCount)
        let search = GeneticSearch(model: model, parameters: searchParameters)
        let found = search.run(stoppingCriterion: stoppingCriterion)
        // The time limit is checked on every iteration, so the search ran that long only if it fired.
        let searchSeconds = Date().timeIntervalSince(start)
        let reachedTimeLimit = parameters.timeLimit.map { searchSeconds >= $0 } ?? false
        let (routes, feasible) = found.isFeasible ? (found.routes, true) : dropUntilFeasible(found.routes, model)
        let solution = makeSolution(
            problem, model: model, routes: routes, isFeasible: feasible,
            statistics: SolverStatistics(iterations: search.iterations, seconds: Date().timeIntervalSince(start),
                                         reachedTimeLimit: reachedTimeLimit, localSearchMoves: search.localSearchMoves))
        #if DEBUG
        let violations = FeasibilityChecker.violations(of: solution, for: problem)
        assert(!solution.isFeasible || violations.isEmpty, "solver returned an infeasible plan: \(violations)")
        #endif
        return solution
    }

    /// Leaves out the stops whose removal removes the most violation until the plan is feasible;
    /// locked stops stay, so a plan whose locked part is itself infeasible remains infeasible.
    static func dropUntilFeasible(_ routes: [[Int]], _ model: SearchModel) -> ([[Int]], Bool) {
        let state = SearchState(model: model, penalties: PenaltyWeights(timeWarp: 1e6, excessLoad: 1e6))
        state.load(routes)
        while !state.isFeasible {
            var best: (stop: Int, delta: Double)? = nil
            for s in 0..<model.stopCount where state.routeOf[s] >= 0 {
                let route = state.routes[state.routeOf[s]]
                guard state.isMovable(route, state.positionOf[s]) else { continue }
                // Prefer the cheapest stop to lose among those that help as much.
                let delta = state.delta(route.index, state.removalEvaluation(of: s, from: route))
                    + 1e-3 * min(model.unservedCost[s], 1e6)
                if best == nil || delta < best!.delta { best = (s, delta) }
            }
            guard let (stop, _) = best else { return (state.export(), false) }
            let route = state.routes[state.routeOf[stop]]
            route.stops.remove(at: state.positionOf[stop] - 1)
            state.routeOf[stop] = -1
            state.refresh(route)
        }
        return (state.export(), true)
    }

    static func makeSolution(
        _ problem: RoutingProblem, model: SearchModel, routes: [[Int]], isFeasible: Bool,
        statistics: SolverStatistics
    ) -> RoutingSolution {
        var vehicleRoutes: [VehicleRoute] = []
        var cost = CostBreakdown()
        var served = [Bool](repeating: false, count: problem.stops.count)
        let consistency = ArrivalConsistency(model: model)
        for v in problem.vehicles.indices {
            let trips = Timetable.trips(ofVehicle: v, routes: routes, model: model)
            vehicleRoutes.append(VehicleRoute(vehicle: v, trips: trips))
            guard let first = trips.first, let last = trips.last else { continue }
            cost.fixedCost += problem.vehicles[v].fixedCost
            let working = last.returnTime.value + problem.vehicles[v].reloadTime.value - first.departure.value
            cost.workingTime = cost.workingTime + Seconds(working)
            for trip in trips {
                cost.distance = cost.distance + trip.distance
                cost.arrivalDeviationPenalty += consistency.deviation(trip)
                for s in trip.stops {
                    served[s] = true
                    if let preferred = problem.stops[s].preferredVehicle, preferred != v {
                        cost.preferredVehiclePenalty += problem.costs.preferredVehicleMissed
                    }
                }
            }
        }
        cost.travelCost = problem.costs.perDistance * cost.distance.value
            + problem.costs.perWorkingSecond * cost.workingTime.value
        let unserved = problem.stops.indices.filter { !served[$0] }
        for s in unserved where problem.stops[s].isOptional {
            cost.unservedPenalty += problem.stops[s].priority * problem.costs.unservedStop
        }
        return RoutingSolution(
            vehicleRoutes: vehicleRoutes, unservedStops: unserved, cost: cost, isFeasible: isFeasible,
            statistics: statistics)
    }
}
