/// Reverses the stretch of a route between the stop after `u` and the target position, so the
/// target stop follows `u` directly (classic 2-opt; O(stretch) to evaluate, intra-route only).
struct TwoOptOperator: LocalSearchOperator {
    init() {}

    mutating func evaluate(_ u: Int, _ target: SearchRoute, _ targetPosition: Int, _ state: SearchState) -> Double {
        let route = state.routes[state.routeOf[u]]
        guard route === target else { return .infinity }
        let position = state.positionOf[u]
        guard targetPosition > position + 1, state.isMovable(route, position + 1) else { return .infinity }
        let model = state.model
        var builder = TripBuilder(route, through: position, model: model)
        builder.addReversed(route, from: position + 1, to: targetPosition, model: model)
        return state.delta(route.index, builder.finish(withTailOf: route, from: targetPosition + 1, model: model))
    }

    mutating func apply(_ u: Int, _ target: SearchRoute, _ targetPosition: Int, _ state: SearchState) {
        let position = state.positionOf[u]
        target.stops[position..<targetPosition].reverse()
        state.refresh(target)
    }
}
