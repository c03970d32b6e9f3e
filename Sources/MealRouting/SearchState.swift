/// Weights that turn constraint violations into cost, so the search may cross infeasible
/// regions; the genetic search adapts them to keep a target share of feasible offspring.
struct PenaltyWeights {
    /// Per unit of time warp and per second over the time-in-box limit.
    var timeWarp: Double
    /// Per meal over a box's capacity.
    var excessLoad: Double

    func scaled(_ factor: Double) -> PenaltyWeights {
        PenaltyWeights(timeWarp: timeWarp * factor, excessLoad: excessLoad * factor)
    }
}

/// A solution as the search sees it: the stop lists of all trip slots plus the caches for O(1)
/// move evaluation and the penalised cost of every vehicle.
final class SearchState {
    let model: SearchModel
    let routes: [SearchRoute]
    // Raw buffers behind `let` pointers: no dynamic exclusivity checks in the inner loop.
    private let penaltyStorage: UnsafeMutablePointer<PenaltyWeights>
    /// Route slot of every stop, -1 when unserved.
    let routeOf: UnsafeMutablePointer<Int>
    /// Position of every stop in its route (1-based, 0 when unserved).
    let positionOf: UnsafeMutablePointer<Int>
    let vehicleCost: UnsafeMutablePointer<Double>
    private let vehicleDistanceOnly: UnsafeMutablePointer<Bool>

    var penalties: PenaltyWeights {
        @inline(__always) get { penaltyStorage.pointee }
        set { penaltyStorage.pointee = newValue }
    }

    init(model: SearchModel, penalties: PenaltyWeights) {
        self.model = model
        penaltyStorage = .allocate(capacity: 1)
        penaltyStorage.initialize(to: penalties)
        routes = (0..<model.routeCount).map { SearchRoute(index: $0, model: model) }
        routeOf = .allocate(capacity: max(1, model.stopCount))
        routeOf.initialize(repeating: -1, count: max(1, model.stopCount))
        positionOf = .allocate(capacity: max(1, model.stopCount))
        positionOf.initialize(repeating: 0, count: max(1, model.stopCount))
        vehicleCost = .allocate(capacity: max(1, model.vehicleCount))
        vehicleCost.initialize(repeating: 0, count: max(1, model.vehicleCount))
        vehicleDistanceOnly = .allocate(capacity: max(1, model.vehicleCount))
        vehicleDistanceOnly.initialize(repeating: false, count: max(1, model.vehicleCount))
    }

    deinit {
        penaltyStorage.deallocate()
        routeOf.deallocate()
        positionOf.deallocate()
        vehicleCost.deallocate()
        vehicleDistanceOnly.deallocate()
    }

    /// Replaces the whole solution with `routeStops` (one stop list per route slot).
    func load(_ routeStops: [[Int]]) {
        for s in 0..<model.stopCount { routeOf[s] = -1; positionOf[s] = 0 }
        for (r, stops) in routeStops.enumerated() {
            routes[r].stops = stops
            routes[r].refresh(model: model)
            for (i, s) in stops.enumerated() { routeOf[s] = r; positionOf[s] = i + 1 }
        }
        refreshAllCosts()
    }

    func export() -> [[Int]] { routes.map(\.stops) }

    /// Call after changing the stop list of `route`.
    func refresh(_ route: SearchRoute) {
        route.refresh(model: model)
        for (i, s) in route.stops.enumerated() { routeOf[s] = route.index; positionOf[s] = i + 1 }
        refreshCost(route.vehicle)
    }

    func refreshAllCosts() {
        for v in 0..<model.vehicleCount { refreshCost(v) }
    }

    private func refreshCost(_ v: Int) {
        vehicleCost[v] = costOfVehicle(v)
        // Only distance is left to gain on a vehicle without penalties when working time is free.
        vehicleDistanceOnly[v] = model.workingTimeWeight == 0 && model.vehicleTripCount[v] == 1
            && abs(vehicleCost[v] - penaltyFreeCost(v)) <= 1e-9
    }

    private func penaltyFreeCost(_ v: Int) -> Double {
        let saved = penalties
        penalties = PenaltyWeights(timeWarp: 0, excessLoad: 0)
        defer { penalties = saved }
        return costOfVehicle(v)
    }

    /// Whether a move inside one trip of `v` that adds distance is sure not to pay off.
    @inline(__always)
    func cannotImproveByDistanceAlone(_ v: Int) -> Bool { vehicleDistanceOnly[v] }

    // MARK: Cost

    /// Cost of one trip that does not depend on the rest of the vehicle's day.
    @inline(__always)
    func tripCost(_ e: TripEvaluation, vehicle v: Int) -> Double {
        if e.stopCount == 0 { return 0 }
        if !e.isAllowed { return .infinity }
        let excessLoad = max(e.load - model.vehicleCapacity[v], 0)
        let excessBox = max(e.segment.timeInBox - model.maxTimeInBox, 0)
        return model.distanceWeight * e.distance + e.mismatch
            + penalties.excessLoad * excessLoad + penalties.timeWarp * excessBox
    }

    /// Penalised cost of vehicle `v`'s day, with up to two of its trips replaced by candidates.
    @inline(__always)
    func costOfVehicle(
        _ v: Int, replacing r1: Int = -1, with e1: TripEvaluation = .empty,
        replacing r2: Int = -1, with e2: TripEvaluation = .empty
    ) -> Double {
        let first = model.firstRouteOfVehicle[v]
        let trips = model.vehicleTripCount[v]
        if trips == 1 {
            let e = r1 == first ? e1 : routes[first].evaluation
            if e.stopCount == 0 { return 0 }
            return tripCost(e, vehicle: v) + model.vehicleFixedCost[v]
                + model.workingTimeWeight * e.segment.duration + penalties.timeWarp * e.segment.timeWarp
        }
        var cost = 0.0
        var day: DurationSegment? = nil
        for r in first..<(first + trips) {
            let e = r == r1 ? e1 : (r == r2 ? e2 : routes[r].evaluation)
            if e.stopCount == 0 { continue }
            cost += tripCost(e, vehicle: v)
            // Trips follow each other at the same depot, so the connecting travel is zero.
            day = day.map { DurationSegment.merge($0, 0, e.segment) } ?? e.segment
        }
        guard let day else { return 0 }
        return cost + model.vehicleFixedCost[v] + model.workingTimeWeight * day.duration
            + penalties.timeWarp * day.timeWarp
    }

    /// Change of total cost if route `r` became `e`.
    @inline(__always)
    func delta(_ r: Int, _ e: TripEvaluation) -> Double {
        let v = model.routeVehicle[r]
        return costOfVehicle(v, replacing: r, with: e) - vehicleCost[v]
    }

    /// Change of total cost if routes `r1` and `r2` (distinct) became `e1` and `e2`.
    @inline(__always)
    func delta(_ r1: Int, _ e1: TripEvaluation, _ r2: Int, _ e2: TripEvaluation) -> Double {
        let v1 = model.routeVehicle[r1], v2 = model.routeVehicle[r2]
        if v1 == v2 {
            return costOfVehicle(v1, replacing: r1, with: e1, replacing: r2, with: e2) - vehicleCost[v1]
        }
        return costOfVehicle(v1, replacing: r1, with: e1) - vehicleCost[v1]
            + costOfVehicle(v2, replacing: r2, with: e2) - vehicleCost[v2]
    }

    var unservedCost: Double {
        var total = 0.0
        for s in 0..<model.stopCount where routeOf[s] < 0 { total += model.unservedCost[s] }
        return total
    }

    /// Penalised cost of the whole solution.
    var penalisedCost: Double {
        var total = unservedCost
        for v in 0..<model.vehicleCount { total += vehicleCost[v] }
        return total
    }

    /// Total load excess and time warp (including time in the box over the limit): zero for a
    /// feasible solution.
    var violations: (excessLoad: Double, timeWarp: Double) {
        var load = 0.0, warp = 0.0
        for v in 0..<model.vehicleCount {
            let first = model.firstRouteOfVehicle[v]
            var day: DurationSegment? = nil
            for r in first..<(first + model.vehicleTripCount[v]) {
                let e = routes[r].evaluation
                if e.stopCount == 0 { continue }
                load += max(e.load - model.vehicleCapacity[v], 0)
                warp += max(e.segment.timeInBox - model.maxTimeInBox, 0)
                day = day.map { DurationSegment.merge($0, 0, e.segment) } ?? e.segment
            }
            warp += day?.timeWarp ?? 0
        }
        return (load, warp)
    }

    var isFeasible: Bool {
        let (load, warp) = violations
        return load <= 1e-9 && warp <= 1e-9
    }

    /// Cost without penalty terms (meaningful for feasible solutions).
    var objective: Double {
        let saved = penalties
        penalties = PenaltyWeights(timeWarp: 0, excessLoad: 0)
        defer { penalties = saved }
        var total = unservedCost
        for v in 0..<model.vehicleCount { total += costOfVehicle(v) }
        return total
    }

    // MARK: Locked prefixes

    /// Whether the stop at `position` of `route` may leave it or be displaced.
    @inline(__always)
    func isMovable(_ route: SearchRoute, _ position: Int) -> Bool { position > route.lockedCount }

    /// Whether something may be inserted right after `position` of `route`.
    @inline(__always)
    func canInsert(after position: Int, in route: SearchRoute) -> Bool { position >= route.lockedCount }
}

extension SearchState {
    /// One empty trip slot per kind of vehicle that could open it: opening a second identical
    /// courier is the same move whichever courier it is.
    func emptyRouteTargets() -> [SearchRoute] {
        var seen = Set<String>()
        var targets: [SearchRoute] = []
        let distinguish = model.hasVehicleRestrictions || model.hasPreferredVehicles
        for v in 0..<model.vehicleCount {
            let first = model.firstRouteOfVehicle[v]
            let slots = first..<(first + model.vehicleTripCount[v])
            guard let empty = slots.first(where: { routes[$0].isEmpty }) else { continue }
            let used = slots.contains { !routes[$0].isEmpty }
            let key = used || distinguish
                ? "vehicle \(v)" : "profile \(model.vehicleProfile[v]) \(model.vehicleFixedCost[v])"
            if seen.insert(key).inserted { targets.append(routes[empty]) }
        }
        return targets
    }

    /// Puts each stop at its cheapest place (penalised cost), or leaves an optional stop out when
    /// that is cheaper. The construction heuristic and the repair step of the crossover.
    func insertCheapest(_ stops: [Int]) {
        for s in stops {
            var bestDelta = model.isRequired[s] ? Double.infinity : model.unservedCost[s]
            var best: (SearchRoute, Int)? = nil
            var candidates = routes.filter { !$0.isEmpty }
            candidates += emptyRouteTargets()
            for route in candidates where model.canServe(s, route.vehicle) {
                for position in route.lockedCount...route.stopCount {
                    var builder = TripBuilder(route, through: position, model: model)
                    builder.add(stop: s, model: model)
                    let delta = self.delta(route.index, builder.finish(withTailOf: route, from: position + 1, model: model))
                    if delta < bestDelta || (best == nil && model.isRequired[s] && delta.isFinite) {
                        bestDelta = delta
                        best = (route, position)
                    }
                }
            }
            guard let (route, position) = best else { continue }
            route.stops.insert(s, at: position)
            refresh(route)
        }
    }

    /// The locked prefixes alone: the start of every construction.
    static func lockedStart(_ model: SearchModel) -> [[Int]] {
        var routes = [[Int]](repeating: [], count: model.routeCount)
        for v in 0..<model.vehicleCount { routes[model.firstRouteOfVehicle[v]] = model.lockedPrefix[v] }
        return routes
    }
}
