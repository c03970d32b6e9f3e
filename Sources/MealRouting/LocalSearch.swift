/// First-improvement local search over granular neighbourhoods (Vidal et al. 2013): every stop
/// is paired only with its nearest stops, and a pair is re-examined only when one of the two
/// routes changed since the stop was last examined.
final class LocalSearch {
    let model: SearchModel
    private var relocate = RelocateOperator()
    private var orOpt = OrOptOperator()
    private var swap = SwapOperator()
    private var twoOptStar = TwoOptStarOperator()
    private var twoOpt = TwoOptOperator()
    private var swapStar: SwapStarOperator

    private let routeModifiedAt: UnsafeMutablePointer<Int>
    private let stopTestedAt: UnsafeMutablePointer<Int>
    private var clock = 0
    private var order: [Int]
    /// Improving moves applied so far, over every run: the work the search did.
    private(set) var movesApplied = 0

    init(model: SearchModel) {
        self.model = model
        routeModifiedAt = .allocate(capacity: max(1, model.routeCount))
        routeModifiedAt.initialize(repeating: 0, count: max(1, model.routeCount))
        stopTestedAt = .allocate(capacity: max(1, model.stopCount))
        stopTestedAt.initialize(repeating: -1, count: max(1, model.stopCount))
        order = Array(0..<model.stopCount)
        swapStar = SwapStarOperator(model: model)
    }

    deinit {
        routeModifiedAt.deallocate()
        stopTestedAt.deallocate()
    }

    /// Improves `state` until no operator finds an improving move, or until `deadline` has
    /// passed (checked between stops, so a runaway descent ends within a few moves of it).
    func run(_ state: SearchState, rng: inout SeededGenerator, deadline: SearchDeadline = .none) {
        rng.shuffle(&order)
        clock += 1
        for r in 0..<model.routeCount { routeModifiedAt[r] = clock }
        for s in 0..<model.stopCount { stopTestedAt[s] = -1 }
        var improved = true
        while improved {
            improved = false
            let emptyTargets = state.emptyRouteTargets()
            for u in order {
                if deadline.hasPassed { return }
                if state.routeOf[u] < 0 {
                    if insertUnserved(u, state, emptyTargets) { improved = true }
                    continue
                }
                let lastTested = stopTestedAt[u]
                stopTestedAt[u] = clock
                for v in model.neighbours[u] {
                    let targetIndex = state.routeOf[v]
                    if targetIndex < 0 || state.routeOf[u] < 0 { continue }
                    if max(routeModifiedAt[state.routeOf[u]], routeModifiedAt[targetIndex]) <= lastTested { continue }
                    let target = state.routes[targetIndex]
                    let position = state.positionOf[v]
                    if tryMoves(u, target, position, state) {
                        improved = true
                        continue
                    }
                    if position == 1 && tryMoves(u, target, 0, state) { improved = true }
                }
                if state.routeOf[u] >= 0 {
                    for target in emptyTargets where target.isEmpty {
                        if attempt(&relocate, u, target, 0, state) { improved = true; break }
                    }
                }
                if !model.isRequired[u] && state.routeOf[u] >= 0 && removeIfUnprofitable(u, state) { improved = true }
            }
            if !improved && model.stopCount > 2 {
                let before = clock
                improved = swapStar.run(state, routeModifiedAt: routeModifiedAt, clock: &clock)
                movesApplied += clock - before
            }
        }
    }

    @inline(__always)
    private func tryMoves(_ u: Int, _ target: SearchRoute, _ position: Int, _ state: SearchState) -> Bool {
        if attempt(&relocate, u, target, position, state) { return true }
        if attempt(&orOpt, u, target, position, state) { return true }
        if attempt(&swap, u, target, position, state) { return true }
        if attempt(&twoOptStar, u, target, position, state) { return true }
        if attempt(&twoOpt, u, target, position, state) { return true }
        return false
    }

    @inline(__always)
    private func attempt<Operator: LocalSearchOperator>(
        _ op: inout Operator, _ u: Int, _ target: SearchRoute, _ position: Int, _ state: SearchState
    ) -> Bool {
        let delta = op.evaluate(u, target, position, state)
        guard delta < -1e-7 else { return false }
        let source = state.routeOf[u]
        op.apply(u, target, position, state)
        clock += 1
        movesApplied += 1
        routeModifiedAt[source] = clock
        routeModifiedAt[target.index] = clock
        return true
    }

    /// Cheapest insertion of an unserved stop next to one of its neighbours or in an empty trip,
    /// if serving it costs less than leaving it out.
    private func insertUnserved(_ u: Int, _ state: SearchState, _ emptyTargets: [SearchRoute]) -> Bool {
        var bestDelta = -model.unservedCost[u]
        var best: (SearchRoute, Int)? = nil
        func consider(_ target: SearchRoute, _ position: Int) {
            guard state.canInsert(after: position, in: target), model.canServe(u, target.vehicle) else { return }
            var builder = TripBuilder(target, through: position, model: model)
            builder.add(stop: u, model: model)
            let delta = state.delta(target.index, builder.finish(withTailOf: target, from: position + 1, model: model))
                - model.unservedCost[u]
            if delta < bestDelta - 1e-7 {
                bestDelta = delta
                best = (target, position)
            }
        }
        for v in model.neighbours[u] where state.routeOf[v] >= 0 {
            let target = state.routes[state.routeOf[v]]
            consider(target, state.positionOf[v])
            consider(target, state.positionOf[v] - 1)
        }
        for target in emptyTargets { consider(target, target.isEmpty ? 0 : target.stopCount) }
        guard let (target, position) = best else { return false }
        target.stops.insert(u, at: position)
        state.refresh(target)
        clock += 1
        movesApplied += 1
        routeModifiedAt[target.index] = clock
        return true
    }

    private func removeIfUnprofitable(_ u: Int, _ state: SearchState) -> Bool {
        let route = state.routes[state.routeOf[u]]
        guard state.isMovable(route, state.positionOf[u]) else { return false }
        let delta = state.delta(route.index, state.removalEvaluation(of: u, from: route)) + model.unservedCost[u]
        guard delta < -1e-7 else { return false }
        route.stops.remove(at: state.positionOf[u] - 1)
        state.routeOf[u] = -1
        state.positionOf[u] = 0
        state.refresh(route)
        clock += 1
        movesApplied += 1
        routeModifiedAt[route.index] = clock
        return true
    }
}
