import Foundation

/// Travel on a road network: snapping places to the streets and bounded shortest-path searches.
/// Safe to share between threads: each search borrows its own workspace.
///
/// The search is plain Dijkstra with a binary heap, stopped once every destination is settled
/// or the time limit is passed (see docs/benchmarks.md for why nothing fancier is needed).
public final class RoadRouter: Sendable {
    public let network: RoadNetwork
    /// A place further than this from every way a user may take is not on that user's network.
    public let snapLimitMetres: Double
    let grid: RoadSpatialGrid
    let pool: RoadWorkspacePool

    public init(network: RoadNetwork, snapLimitMetres: Double = 300) {
        self.network = network
        self.snapLimitMetres = snapLimitMetres
        grid = RoadSpatialGrid(network: network)
        pool = RoadWorkspacePool(nodeCount: network.nodeCount)
    }

    /// The nearest point of a way `user` may take, within `snapLimitMetres`.
    public func snap(_ point: RoadPoint, for user: RoadUser) -> RoadSnap? {
        grid.snap(point, for: user, limitMetres: snapLimitMetres, network: network)
    }

    /// Journeys from one place to each of `destinations`, by one bounded search.
    public func journeys(
        from origin: RoadPoint, to destinations: [RoadPoint], user: RoadUser, metresPerSecond: Double,
        limitSeconds: Int? = nil
    ) -> [RoadJourney] {
        journeys(
            from: snap(origin, for: user), to: destinations.map { snap($0, for: user) }, user: user,
            metresPerSecond: metresPerSecond, limitSeconds: limitSeconds)
    }

    /// Journeys between places already snapped for `user` (nil: no usable way within the snap
    /// distance), so a place met by many searches is snapped once.
    public func journeys(
        from origin: RoadSnap?, to destinations: [RoadSnap?], user: RoadUser, metresPerSecond: Double,
        limitSeconds: Int? = nil
    ) -> [RoadJourney] {
        precondition(origin.map { $0.user == user } ?? true, "origin snapped for another road user")
        precondition(destinations.allSatisfy { $0.map { $0.user == user } ?? true }, "destination snapped for another road user")
        guard let origin else {
            return destinations.map { _ in .unreached(.originNotNearRoad(user: user, limitMetres: snapLimitMetres)) }
        }
        let model = RoadCostModel(user: user, metresPerSecond: metresPerSecond)
        return pool.withSearch { state in
            let targets = markTargets(destinations, state, user)
            let bound = model.bound(limitSeconds: limitSeconds) - model.access(origin.centimetres)
            let wasCut = targets > 0 ? search(from: origin, &state, model, bound: bound, targets: targets) : false
            return destinations.map { destination in
                guard let destination else {
                    return .unreached(.destinationNotNearRoad(user: user, limitMetres: snapLimitMetres))
                }
                return journey(origin, destination, state, model, limitSeconds: limitSeconds, wasCut: wasCut)
            }
        }
    }

    /// Stamps the nodes from which each destination's segment leads to it; returns how many.
    func markTargets(_ destinations: [RoadSnap?], _ state: RoadSearchState, _ user: RoadUser) -> Int {
        var count = 0
        func mark(_ node: Int32) {
            if state.target[Int(node)] != state.stamp {
                state.target[Int(node)] = state.stamp
                count += 1
            }
        }
        let segments = network.segments
        for case let destination? in destinations {
            let (fromStart, fromEnd) = entries(destination, user)
            if fromStart { mark(segments.from[destination.segment]) }
            if fromEnd { mark(segments.to[destination.segment]) }
        }
        return count
    }

    /// From which ends of its segment a place may be reached: an end the direction allows, and
    /// the node the place stands on.
    func entries(_ place: RoadSnap, _ user: RoadUser) -> (fromStart: Bool, fromEnd: Bool) {
        let segments = network.segments, segment = place.segment
        return (segments.forward[segment] & user.bit != 0 || place.position == 0,
                segments.backward[segment] & user.bit != 0 || place.position == Int(segments.centimetres[segment]))
    }

    /// Dijkstra from the origin's point on its segment, never past `bound`, until `targets` marked
    /// nodes are settled (0: until the bound). Returns whether the bound cut any path short.
    func search(
        from origin: RoadSnap, _ state: inout RoadSearchState, _ model: RoadCostModel, bound: Int, targets: Int
    ) -> Bool {
        let segments = network.segments, bit = model.user.bit
        let segment = origin.segment, length = Int(segments.centimetres[segment]), kmh = segments.carKmh[segment]
        var wasCut = false
        func seed(_ node: Int32, _ centimetres: Int) {
            let key = model.along(centimetres, kmh: kmh)
            if key <= bound { state.offer(Int(node), key: key, centimetres: centimetres) } else { wasCut = true }
        }
        // Standing on a node, every street there may be taken, whatever the segment's direction.
        if segments.forward[segment] & bit != 0 || origin.position == length { seed(segments.to[segment], length - origin.position) }
        if segments.backward[segment] & bit != 0 || origin.position == 0 { seed(segments.from[segment], origin.position) }
        var remaining = targets
        let stamp = state.stamp
        network.arcStart.withUnsafeBufferPointer { arcStart in
            network.arcs.withUnsafeBufferPointer { arcs in
                while let entry = state.popMin() {
                    let node = Int(entry & 0xffff_ffff), key = Int(entry >> 32)
                    guard state.settle(node) else { continue }
                    state.settledOrder.append(Int32(node))
                    if state.target[node] == stamp {
                        remaining -= 1
                        if remaining == 0 { break }
                    }
                    let along = state.along(node)
                    for arc in arcs[Int(arcStart[node])..<Int(arcStart[node + 1])] where arc.users & bit != 0 {
                        let head = Int(arc.target)
                        let centimetres = Int(arc.centimetres)
                        let next = key + model.along(centimetres, kmh: arc.carKmh)
                        if next > bound {
                            wasCut = true
                            continue
                        }
                        state.offer(head, key: next, centimetres: along + centimetres)
                    }
                }
            }
        }
        return wasCut
    }

    /// The best way onto a destination's segment: from either end the direction allows, or
    /// straight along the segment when the origin is on it too.
    private func journey(
        _ origin: RoadSnap, _ destination: RoadSnap, _ state: RoadSearchState, _ model: RoadCostModel,
        limitSeconds: Int?, wasCut: Bool
    ) -> RoadJourney {
        let best = bestEntry(origin, destination, state, model)
        guard let best else {
            if let limitSeconds, wasCut { return .unreached(.beyondLimit(limitSeconds: limitSeconds)) }
            return .unreached(.noPath(user: model.user))
        }
        let key = model.access(origin.centimetres) + best.key + model.access(destination.centimetres)
        let centimetres = origin.centimetres + best.centimetres + destination.centimetres
        let seconds = model.seconds(key: key, centimetres: centimetres)
        if let limitSeconds, seconds > limitSeconds { return .unreached(.beyondLimit(limitSeconds: limitSeconds)) }
        return .reached(
            seconds: seconds, metres: Double(centimetres) / 100, snapFromMetres: origin.distanceMetres,
            snapToMetres: destination.distanceMetres)
    }

    /// The cheapest way the search found onto the destination's segment (ties: fewer
    /// centimetres): through one of its ends (`node`), or straight along a segment both places
    /// are on (`node` nil). Nil when there is none. Timing and drawing (`path`) share it, so the
    /// line drawn is the journey timed.
    func bestEntry(_ origin: RoadSnap, _ destination: RoadSnap, _ state: RoadSearchState,
                   _ model: RoadCostModel) -> (key: Int, centimetres: Int, node: Int?)? {
        let segments = network.segments, segment = destination.segment, bit = model.user.bit
        let length = Int(segments.centimetres[segment]), kmh = segments.carKmh[segment]
        var best: (key: Int, centimetres: Int, node: Int?)?
        func consider(_ key: Int, _ centimetres: Int, _ node: Int?) {
            if best == nil || key < best!.key || (key == best!.key && centimetres < best!.centimetres) {
                best = (key, centimetres, node)
            }
        }
        func fromEnd(_ node: Int32, _ centimetres: Int) {
            let node = Int(node)
            guard state.isSettled(node) else { return }
            consider(state.key(node) + model.along(centimetres, kmh: kmh), state.along(node) + centimetres, node)
        }
        let (fromStart, fromFinish) = entries(destination, model.user)
        if fromStart { fromEnd(segments.from[segment], destination.position) }
        if fromFinish { fromEnd(segments.to[segment], length - destination.position) }
        if origin.segment == segment {
            let gap = destination.position - origin.position
            let forward = segments.forward[segment] & bit != 0, backward = segments.backward[segment] & bit != 0
            if gap >= 0 && forward || gap <= 0 && backward { consider(model.along(abs(gap), kmh: kmh), abs(gap), nil) }
        }
        return best
    }
}
