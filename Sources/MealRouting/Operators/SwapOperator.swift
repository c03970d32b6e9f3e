/// Exchanges stop `u` with the stop at the target position.
struct SwapOperator: LocalSearchOperator {
    init() {}

    mutating func evaluate(_ u: Int, _ target: SearchRoute, _ targetPosition: Int, _ state: SearchState) -> Double {
        let model = state.model
        guard targetPosition >= 1, targetPosition <= target.stopCount else { return .infinity }
        let route = state.routes[state.routeOf[u]]
        let position = state.positionOf[u]
        guard state.isMovable(route, position), state.isMovable(target, targetPosition) else { return .infinity }
        let v = target.stop(at: targetPosition)
        if route === target {
            if v == u { return .infinity }
            let a = min(position, targetPosition), b = max(position, targetPosition)
            var builder = TripBuilder(route, through: a - 1, model: model)
            builder.add(stop: route.stop(at: b), model: model)
            builder.add(route, from: a + 1, to: b - 1, model: model)
            builder.add(stop: route.stop(at: a), model: model)
            return state.delta(route.index, builder.finish(withTailOf: route, from: b + 1, model: model))
        }
        guard model.canServe(u, target.vehicle), model.canServe(v, route.vehicle) else { return .infinity }
        var first = TripBuilder(route, through: position - 1, model: model)
        first.add(stop: v, model: model)
        let newRoute = first.finish(withTailOf: route, from: position + 1, model: model)
        var second = TripBuilder(target, through: targetPosition - 1, model: model)
        second.add(stop: u, model: model)
        let newTarget = second.finish(withTailOf: target, from: targetPosition + 1, model: model)
        return state.delta(route.index, newRoute, target.index, newTarget)
    }

    mutating func apply(_ u: Int, _ target: SearchRoute, _ targetPosition: Int, _ state: SearchState) {
        let route = state.routes[state.routeOf[u]]
        let position = state.positionOf[u]
        let v = target.stop(at: targetPosition)
        route.stops[position - 1] = v
        target.stops[targetPosition - 1] = u
        state.refresh(route)
        if route !== target { state.refresh(target) }
    }
}
