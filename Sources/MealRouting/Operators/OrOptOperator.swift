/// Moves a chain of two or three consecutive stops starting at `u`, kept or reversed, to right
/// after the target position (Or-opt; also covers HGS's 2-0 and 3-0 moves).
struct OrOptOperator: LocalSearchOperator {
    private var chosenLength = 0
    private var chosenReversed = false

    init() {}

    mutating func evaluate(_ u: Int, _ target: SearchRoute, _ targetPosition: Int, _ state: SearchState) -> Double {
        let model = state.model
        let route = state.routes[state.routeOf[u]]
        let first = state.positionOf[u]
        guard state.isMovable(route, first), state.canInsert(after: targetPosition, in: target) else { return .infinity }
        var best = Double.infinity
        for length in 2...3 {
            let last = first + length - 1
            if last > route.stopCount { break }
            if route === target {
                if targetPosition >= first - 1 && targetPosition <= last { continue }
                // With no penalty to remove, a longer route cannot be cheaper.
                if state.cannotImproveByDistanceAlone(route.vehicle)
                    && chainMoveDistance(route, first, last, target, targetPosition, state) >= 0
                {
                    continue
                }
                for orientation in 0..<2 {
                    let delta = priceWithinRoute(route, first, last, orientation == 1, targetPosition, state)
                    if delta < best { best = delta; chosenLength = length; chosenReversed = orientation == 1 }
                }
                continue
            }
            if model.hasVehicleRestrictions {
                var allowed = true
                for p in first...last where !model.canServe(route.stop(at: p), target.vehicle) { allowed = false }
                if !allowed { continue }
            }
            var removal = TripBuilder(route, through: first - 1, model: model)
            let removed = removal.finish(withTailOf: route, from: last + 1, model: model)
            let removalDelta = route.vehicle != target.vehicle ? state.delta(route.index, removed) : -Double.infinity
            for orientation in 0..<2 {
                let reversed = orientation == 1
                if removalDelta > -Double.infinity {
                    // Inserting never lowers penalties, so added distance alone bounds the gain.
                    let head = route.stop(at: reversed ? last : first), tail = route.stop(at: reversed ? first : last)
                    if removalDelta + insertionDistance(head, tail, target, targetPosition, state) >= 0 { continue }
                }
                var insertion = TripBuilder(target, through: targetPosition, model: model)
                addChain(&insertion, route, first, last, reversed, model)
                let inserted = insertion.finish(withTailOf: target, from: targetPosition + 1, model: model)
                let delta = state.delta(route.index, removed, target.index, inserted)
                if delta < best { best = delta; chosenLength = length; chosenReversed = reversed }
            }
        }
        return best
    }

    /// Distance cost of linking a chain from `head` to `tail` in after `position` of `route`.
    @inline(__always)
    private func insertionDistance(_ head: Int, _ tail: Int, _ route: SearchRoute, _ position: Int, _ state: SearchState) -> Double {
        let model = state.model
        let n = model.locationCount
        let d = model.distances + route.kindOffset
        let a = route.location[position], b = route.location[position + 1]
        return model.distanceWeight
            * (d[a * n + model.stopLocation[head]] + d[model.stopLocation[tail] * n + b] - d[a * n + b])
    }

    /// Distance change of moving the chain unreversed within its route (reversal only adds
    /// the difference between the chain's two directions, zero for symmetric distances).
    @inline(__always)
    private func chainMoveDistance(
        _ route: SearchRoute, _ first: Int, _ last: Int, _ target: SearchRoute, _ targetPosition: Int,
        _ state: SearchState
    ) -> Double {
        let model = state.model
        let n = model.locationCount
        let d = model.distances + route.kindOffset
        let before = route.location[first - 1], after = route.location[last + 1]
        let removal = d[before * n + route.location[first]] + d[route.location[last] * n + after] - d[before * n + after]
        let insertion = min(
            insertionDistance(route.stop(at: first), route.stop(at: last), target, targetPosition, state),
            insertionDistance(route.stop(at: last), route.stop(at: first), target, targetPosition, state))
        return insertion - model.distanceWeight * removal - (model.isSymmetric ? 0 : .infinity)
    }

    @inline(__always)
    private func addChain(_ builder: inout TripBuilder, _ route: SearchRoute, _ first: Int, _ last: Int, _ reversed: Bool, _ model: SearchModel) {
        if reversed {
            builder.addReversed(route, from: first, to: last, model: model)
        } else {
            builder.add(route, from: first, to: last, model: model)
        }
    }

    private func priceWithinRoute(
        _ route: SearchRoute, _ first: Int, _ last: Int, _ reversed: Bool, _ targetPosition: Int, _ state: SearchState
    ) -> Double {
        let model = state.model
        var builder: TripBuilder
        if targetPosition < first {
            builder = TripBuilder(route, through: targetPosition, model: model)
            addChain(&builder, route, first, last, reversed, model)
            builder.add(route, from: targetPosition + 1, to: first - 1, model: model)
            return state.delta(route.index, builder.finish(withTailOf: route, from: last + 1, model: model))
        }
        builder = TripBuilder(route, through: first - 1, model: model)
        builder.add(route, from: last + 1, to: targetPosition, model: model)
        addChain(&builder, route, first, last, reversed, model)
        return state.delta(route.index, builder.finish(withTailOf: route, from: targetPosition + 1, model: model))
    }

    mutating func apply(_ u: Int, _ target: SearchRoute, _ targetPosition: Int, _ state: SearchState) {
        let route = state.routes[state.routeOf[u]]
        let first = state.positionOf[u]
        var chain = Array(route.stops[(first - 1)..<(first - 1 + chosenLength)])
        if chosenReversed { chain.reverse() }
        route.stops.removeSubrange((first - 1)..<(first - 1 + chosenLength))
        if route === target {
            let insertAt = targetPosition < first ? targetPosition : targetPosition - chosenLength
            route.stops.insert(contentsOf: chain, at: insertAt)
            state.refresh(route)
        } else {
            target.stops.insert(contentsOf: chain, at: targetPosition)
            state.refresh(route)
            state.refresh(target)
        }
    }
}
