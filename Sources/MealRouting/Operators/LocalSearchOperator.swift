/// A neighbourhood of the local search. Moves are anchored on a stop `u` and a position of a
/// target route (usually the position of a neighbour of `u`, or 0 for the departure), so the
/// granular neighbourhood decides which pairs are tried.
///
/// The search calls operators through generics on concrete types so the calls are specialised
/// and inlined; no existential dispatch happens in the inner loop.
protocol LocalSearchOperator {
    init()
    /// Change of penalised cost if the move were applied; `.infinity` when the move does not
    /// apply (locked stop, forbidden vehicle, degenerate positions).
    mutating func evaluate(_ u: Int, _ target: SearchRoute, _ targetPosition: Int, _ state: SearchState) -> Double
    /// Applies the move that the last `evaluate` with the same arguments priced.
    mutating func apply(_ u: Int, _ target: SearchRoute, _ targetPosition: Int, _ state: SearchState)
}

extension SearchState {
    /// Removing `u` from its route, if allowed; the lower bound used to skip hopeless moves early.
    @inline(__always)
    func removalEvaluation(of u: Int, from route: SearchRoute) -> TripEvaluation {
        let position = positionOf[u]
        var builder = TripBuilder(route, through: position - 1, model: model)
        return builder.finish(withTailOf: route, from: position + 1, model: model)
    }

    /// Added distance cost of putting `stop` between `position` and `position + 1` of `route`.
    @inline(__always)
    func insertionDistance(of stop: Int, after position: Int, in route: SearchRoute) -> Double {
        let n = model.locationCount
        let d = model.distances + route.kindOffset
        let a = route.location[position], b = route.location[position + 1], x = model.stopLocation[stop]
        return model.distanceWeight * (d[a * n + x] + d[x * n + b] - d[a * n + b])
    }
}
