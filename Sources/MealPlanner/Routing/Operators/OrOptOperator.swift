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
            if route === target && targetPosition >= first - 1 && targetPosition <= last { continue }
            if route !== target && model.hasVehicleRestrictions {
                var allowed = true
                for p in first...last where !model.canServe(route.stop(at: p), target.vehicle) { allowed = false }
                if !allowed { continue }
            }
            for orientation in 0..<2 {
                let reversed = orientation == 1
                let delta = price(route, first, last, reversed, target, targetPosition, state)
                if delta < best {
                    best = delta
                    chosenLength = length
                    chosenReversed = reversed
                }
            }
        }
        return best
    }

    @inline(__always)
    private func addChain(_ builder: inout TripBuilder, _ route: SearchRoute, _ first: Int, _ last: Int, _ reversed: Bool, _ model: SearchModel) {
        if reversed {
            builder.addReversed(route, from: first, to: last, model: model)
        } else {
            builder.add(route, from: first, to: last, model: model)
        }
    }

    private func price(
        _ route: SearchRoute, _ first: Int, _ last: Int, _ reversed: Bool, _ target: SearchRoute,
        _ targetPosition: Int, _ state: SearchState
    ) -> Double {
        let model = state.model
        if route === target {
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
        var removal = TripBuilder(route, through: first - 1, model: model)
        let removed = removal.finish(withTailOf: route, from: last + 1, model: model)
        var insertion = TripBuilder(target, through: targetPosition, model: model)
        addChain(&insertion, route, first, last, reversed, model)
        let inserted = insertion.finish(withTailOf: target, from: targetPosition + 1, model: model)
        return state.delta(route.index, removed, target.index, inserted)
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
