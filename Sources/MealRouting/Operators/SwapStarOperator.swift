/// SWAP* (Vidal 2022): exchanges a stop of one route with a stop of another, each going to its
/// best position in the other route rather than into the vacated spot. Candidates are ranked by
/// distance (three best insertion places per stop, computed once per route pair); only the most
/// promising exchange of a pair is priced exactly, with time windows, loads and the time in the box.
///
/// A route-pair neighbourhood, so it has its own entry point next to the per-stop protocol.
struct SwapStarOperator {
    private let model: SearchModel
    private var pairTestedAt: [Int]
    /// Per stop of the current pair: the three cheapest insertion places in the other route.
    private var bestPlaces: [(cost: Double, position: Int)] = []
    private var overlapMark: [Int]

    init(model: SearchModel) {
        self.model = model
        pairTestedAt = [Int](repeating: -1, count: model.routeCount * model.routeCount)
        overlapMark = [Int](repeating: -1, count: model.routeCount)
    }

    /// Tries every overlapping pair of routes changed since it was last tried; applies improving
    /// exchanges. Returns whether anything changed.
    mutating func run(_ state: SearchState, routeModifiedAt: UnsafeMutablePointer<Int>, clock: inout Int) -> Bool {
        var improved = false
        let routes = state.routes
        for first in routes where !first.isEmpty {
            // Routes with a near neighbour of one of our stops: far-apart routes never trade well.
            for s in first.stops {
                for v in model.neighbours[s].prefix(10) where state.routeOf[v] >= 0 {
                    overlapMark[state.routeOf[v]] = first.index
                }
            }
            for second in routes where second.index > first.index && !second.isEmpty {
                guard overlapMark[second.index] == first.index else { continue }
                let key = first.index * model.routeCount + second.index
                let lastTested = pairTestedAt[key]
                if max(routeModifiedAt[first.index], routeModifiedAt[second.index]) <= lastTested { continue }
                pairTestedAt[key] = clock
                if improve(first, second, state) {
                    clock += 1
                    routeModifiedAt[first.index] = clock
                    routeModifiedAt[second.index] = clock
                    improved = true
                }
            }
        }
        return improved
    }

    @inline(__always)
    private func distance(_ route: SearchRoute, _ a: Int, _ b: Int) -> Double {
        model.distances[route.kindOffset + a * model.locationCount + b]
    }

    /// Three cheapest places (by distance) to insert each stop of `from` into `into`.
    private mutating func rankPlaces(of from: SearchRoute, into: SearchRoute, offset: Int) {
        for (i, s) in from.stops.enumerated() {
            var top = [(cost: Double, position: Int)](repeating: (.infinity, -1), count: 3)
            let x = model.stopLocation[s]
            if model.canServe(s, into.vehicle) {
                for p in max(0, into.lockedCount)...into.stopCount {
                    let a = into.location[p], b = into.location[p + 1]
                    let cost = distance(into, a, x) + distance(into, x, b) - distance(into, a, b)
                    if cost < top[2].cost {
                        top[2] = (cost, p)
                        if top[2].cost < top[1].cost { top.swapAt(1, 2) }
                        if top[1].cost < top[0].cost { top.swapAt(0, 1) }
                    }
                }
            }
            for k in 0..<3 { bestPlaces[offset + 3 * i + k] = top[k] }
        }
    }

    /// Distance cost of putting `stop` into `route` from which the stop at `removed` is taken out.
    private func bestPlace(
        _ stop: Int, into route: SearchRoute, removed: Int, ranked offset: Int
    ) -> (cost: Double, position: Int) {
        let x = model.stopLocation[stop]
        let p = route.location[removed - 1], n = route.location[removed + 1]
        // Straight into the vacated spot.
        var best = (cost: distance(route, p, x) + distance(route, x, n) - distance(route, p, n), position: removed - 1)
        for k in 0..<3 {
            let place = bestPlaces[offset + k]
            if place.position < 0 { break }
            // Places next to the removed stop were priced with it present; skip them.
            if place.position == removed || place.position == removed - 1 { continue }
            if place.cost < best.cost { best = place }
            break
        }
        return best
    }

    private mutating func improve(_ first: SearchRoute, _ second: SearchRoute, _ state: SearchState) -> Bool {
        let needed = 3 * (first.stopCount + second.stopCount)
        if bestPlaces.count < needed {
            bestPlaces = [(cost: Double, position: Int)](repeating: (.infinity, -1), count: needed)
        }
        let secondOffset = 3 * first.stopCount
        rankPlaces(of: first, into: second, offset: 0)
        rankPlaces(of: second, into: first, offset: secondOffset)

        var bestEstimate = 0.0
        var best: (pu: Int, pv: Int, qu: Int, qv: Int)? = nil
        for pu in stride(from: first.lockedCount + 1, through: first.stopCount, by: 1) {
            let u = first.stop(at: pu)
            let removeU = distance(first, first.location[pu - 1], first.location[pu])
                + distance(first, first.location[pu], first.location[pu + 1])
                - distance(first, first.location[pu - 1], first.location[pu + 1])
            for pv in stride(from: second.lockedCount + 1, through: second.stopCount, by: 1) {
                let v = second.stop(at: pv)
                if !model.canServe(u, second.vehicle) || !model.canServe(v, first.vehicle) { continue }
                let removeV = distance(second, second.location[pv - 1], second.location[pv])
                    + distance(second, second.location[pv], second.location[pv + 1])
                    - distance(second, second.location[pv - 1], second.location[pv + 1])
                let placeU = bestPlace(u, into: second, removed: pv, ranked: 3 * (pu - 1))
                let placeV = bestPlace(v, into: first, removed: pu, ranked: secondOffset + 3 * (pv - 1))
                let estimate = model.distanceWeight * (placeU.cost + placeV.cost - removeU - removeV)
                if estimate < bestEstimate {
                    bestEstimate = estimate
                    best = (pu, pv, placeU.position, placeV.position)
                }
            }
        }
        guard let move = best else { return false }
        let newFirst = exchanged(first, removing: move.pu, inserting: second.stop(at: move.pv), after: move.qv, state)
        let newSecond = exchanged(second, removing: move.pv, inserting: first.stop(at: move.pu), after: move.qu, state)
        let delta = state.delta(first.index, newFirst, second.index, newSecond)
        guard delta < -1e-7 else { return false }
        let u = first.stop(at: move.pu), v = second.stop(at: move.pv)
        apply(first, removing: move.pu, inserting: v, after: move.qv)
        apply(second, removing: move.pv, inserting: u, after: move.qu)
        state.refresh(first)
        state.refresh(second)
        return true
    }

    /// `route` without the stop at `removed` and with `stop` after original position `place`.
    private func exchanged(
        _ route: SearchRoute, removing removed: Int, inserting stop: Int, after place: Int, _ state: SearchState
    ) -> TripEvaluation {
        var builder: TripBuilder
        if place < removed - 1 {
            builder = TripBuilder(route, through: place, model: model)
            builder.add(stop: stop, model: model)
            builder.add(route, from: place + 1, to: removed - 1, model: model)
            return builder.finish(withTailOf: route, from: removed + 1, model: model)
        }
        if place <= removed {
            builder = TripBuilder(route, through: removed - 1, model: model)
            builder.add(stop: stop, model: model)
            return builder.finish(withTailOf: route, from: removed + 1, model: model)
        }
        builder = TripBuilder(route, through: removed - 1, model: model)
        builder.add(route, from: removed + 1, to: place, model: model)
        builder.add(stop: stop, model: model)
        return builder.finish(withTailOf: route, from: place + 1, model: model)
    }

    private func apply(_ route: SearchRoute, removing removed: Int, inserting stop: Int, after place: Int) {
        var stops = route.stops
        if place < removed - 1 {
            stops.remove(at: removed - 1)
            stops.insert(stop, at: place)
        } else if place <= removed {
            stops[removed - 1] = stop
        } else {
            stops.insert(stop, at: place)
            stops.remove(at: removed - 1)
        }
        route.stops = stops
    }
}
