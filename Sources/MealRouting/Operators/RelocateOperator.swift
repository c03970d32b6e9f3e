/// Moves one stop to right after the target position, within its route or to another one.
struct RelocateOperator: LocalSearchOperator {
    init() {}

    mutating func evaluate(_ u: Int, _ target: SearchRoute, _ targetPosition: Int, _ state: SearchState) -> Double {
        let model = state.model
        let route = state.routes[state.routeOf[u]]
        let position = state.positionOf[u]
        guard state.isMovable(route, position), state.canInsert(after: targetPosition, in: target) else { return .infinity }
        if route === target {
            if targetPosition == position || targetPosition == position - 1 { return .infinity }
            if state.cannotImproveByDistanceAlone(route.vehicle) {
                let n = model.locationCount
                let d = model.distances + route.kindOffset
                let a = route.location[position - 1], x = route.location[position], b = route.location[position + 1]
                let removal = model.distanceWeight * (d[a * n + x] + d[x * n + b] - d[a * n + b])
                if state.insertionDistance(of: u, after: targetPosition, in: target) - removal >= 0 { return .infinity }
            }
            var builder: TripBuilder
            if targetPosition < position {
                builder = TripBuilder(route, through: targetPosition, model: model)
                builder.add(stop: u, model: model)
                builder.add(route, from: targetPosition + 1, to: position - 1, model: model)
                return state.delta(route.index, builder.finish(withTailOf: route, from: position + 1, model: model))
            }
            builder = TripBuilder(route, through: position - 1, model: model)
            builder.add(route, from: position + 1, to: targetPosition, model: model)
            builder.add(stop: u, model: model)
            return state.delta(route.index, builder.finish(withTailOf: route, from: targetPosition + 1, model: model))
        }
        guard model.canServe(u, target.vehicle) else { return .infinity }
        let removed = state.removalEvaluation(of: u, from: route)
        if route.vehicle != target.vehicle {
            // Inserting never lowers penalties, so added distance alone bounds the gain.
            let removalDelta = state.delta(route.index, removed)
            if removalDelta + state.insertionDistance(of: u, after: targetPosition, in: target) >= 0 { return .infinity }
        }
        var builder = TripBuilder(target, through: targetPosition, model: model)
        builder.add(stop: u, model: model)
        let inserted = builder.finish(withTailOf: target, from: targetPosition + 1, model: model)
        return state.delta(route.index, removed, target.index, inserted)
    }

    mutating func apply(_ u: Int, _ target: SearchRoute, _ targetPosition: Int, _ state: SearchState) {
        let route = state.routes[state.routeOf[u]]
        let position = state.positionOf[u]
        route.stops.remove(at: position - 1)
        if route === target {
            route.stops.insert(u, at: targetPosition < position ? targetPosition : targetPosition - 1)
            state.refresh(route)
        } else {
            target.stops.insert(u, at: targetPosition)
            state.refresh(route)
            state.refresh(target)
        }
    }
}
