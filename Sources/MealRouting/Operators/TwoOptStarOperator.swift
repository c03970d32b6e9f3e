/// Exchanges the tails of two routes: the route of `u` continues after `u` with what followed
/// the target position, and the target route continues with what followed `u` (2-opt*).
struct TwoOptStarOperator: LocalSearchOperator {
    init() {}

    mutating func evaluate(_ u: Int, _ target: SearchRoute, _ targetPosition: Int, _ state: SearchState) -> Double {
        let model = state.model
        let route = state.routes[state.routeOf[u]]
        if route === target { return .infinity }
        let position = state.positionOf[u]
        guard state.canInsert(after: position, in: route), state.canInsert(after: targetPosition, in: target) else {
            return .infinity
        }
        var first = TripBuilder(route, through: position, model: model)
        let newRoute = first.finish(withTailOf: target, from: targetPosition + 1, model: model)
        if !newRoute.isAllowed { return .infinity }
        var second = TripBuilder(target, through: targetPosition, model: model)
        let newTarget = second.finish(withTailOf: route, from: position + 1, model: model)
        return state.delta(route.index, newRoute, target.index, newTarget)
    }

    mutating func apply(_ u: Int, _ target: SearchRoute, _ targetPosition: Int, _ state: SearchState) {
        let route = state.routes[state.routeOf[u]]
        let position = state.positionOf[u]
        let routeTail = Array(route.stops[position...])
        let targetTail = Array(target.stops[targetPosition...])
        route.stops.removeSubrange(position...)
        route.stops.append(contentsOf: targetTail)
        target.stops.removeSubrange(targetPosition...)
        target.stops.append(contentsOf: routeTail)
        state.refresh(route)
        state.refresh(target)
    }
}
