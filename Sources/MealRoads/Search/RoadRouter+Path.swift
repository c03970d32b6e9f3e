import Foundation

extension RoadRouter {
    /// The way a shortest journey takes on the streets, for drawing it: the origin's point on the
    /// street, the nodes passed, the destination's point on the street. Nil when either place is
    /// off this user's streets or no path joins them. Same search and tie rule as `journeys`, so
    /// the line drawn is the journey timed.
    public func path(from origin: RoadPoint, to destination: RoadPoint, user: RoadUser, metresPerSecond: Double) -> [RoadPoint]? {
        guard let from = snap(origin, for: user), let to = snap(destination, for: user) else { return nil }
        return path(from: from, to: to, user: user, metresPerSecond: metresPerSecond)
    }

    /// The same for places already snapped for `user`.
    public func path(from origin: RoadSnap, to destination: RoadSnap, user: RoadUser, metresPerSecond: Double) -> [RoadPoint]? {
        precondition(origin.user == user && destination.user == user, "places snapped for another road user")
        let model = RoadCostModel(user: user, metresPerSecond: metresPerSecond)
        return pool.withSearch { state -> [RoadPoint]? in
            let targets = markTargets([destination], state, user)
            if targets > 0 {
                _ = search(from: origin, &state, model, bound: model.bound(limitSeconds: nil), targets: targets)
            }
            guard let entry = bestEntry(origin, destination, state, model) else { return nil }
            guard let node = entry.node else { return [origin.point, destination.point] }
            guard let nodes = nodesBack(from: node, origin, state, model) else { return nil }
            return [origin.point] + nodes.reversed().map(network.point(ofNode:)) + [destination.point]
        }
    }

    /// The nodes from `end` back to the one the search started at, each reached from the next
    /// by a street this user may take whose cost is exactly the difference of their keys.
    private func nodesBack(from end: Int, _ origin: RoadSnap, _ state: RoadSearchState, _ model: RoadCostModel) -> [Int]? {
        let segments = network.segments, bit = model.user.bit
        let length = Int(segments.centimetres[origin.segment]), kmh = segments.carKmh[origin.segment]
        let forward = segments.forward[origin.segment] & bit != 0 || origin.position == length
        let backward = segments.backward[origin.segment] & bit != 0 || origin.position == 0
        // The search's first nodes: the ends of the origin's segment it may leave by (`search`).
        func isStart(_ node: Int) -> Bool {
            forward && node == Int(segments.to[origin.segment]) && state.key(node) == model.along(length - origin.position, kmh: kmh)
                || backward && node == Int(segments.from[origin.segment]) && state.key(node) == model.along(origin.position, kmh: kmh)
        }
        var nodes = [end], visited: Set<Int> = [end], node = end
        while !isStart(node) {
            guard let previous = predecessor(of: node, state, model, bit, visited) else { return nil }
            nodes.append(previous)
            visited.insert(previous)
            node = previous
        }
        return nodes
    }

    /// A settled node from which a street leads to `node` at exactly its key. Streets are listed
    /// by the node they leave, so the street back is looked up first (every street someone may
    /// take both ways); a street nobody may take back is found by looking through the settled nodes.
    private func predecessor(of node: Int, _ state: RoadSearchState, _ model: RoadCostModel, _ bit: UInt8,
                             _ visited: Set<Int>) -> Int? {
        let segments = network.segments
        func leadsHere(_ other: Int, _ segment: Int) -> Bool {
            let towards = Int(segments.from[segment]) == other ? segments.forward[segment] : segments.backward[segment]
            guard towards & bit != 0, state.isSettled(other), !visited.contains(other) else { return false }
            let cost = model.along(Int(segments.centimetres[segment]), kmh: segments.carKmh[segment])
            return state.key(other) + cost == state.key(node)
        }
        for arc in Int(network.arcStart[node])..<Int(network.arcStart[node + 1]) {
            let other = Int(network.arcs[arc].target)
            if leadsHere(other, Int(network.arcSegment[arc])) { return other }
        }
        for other in state.settledOrder.lazy.map({ Int($0) }) {
            for arc in Int(network.arcStart[other])..<Int(network.arcStart[other + 1])
            where Int(network.arcs[arc].target) == node && leadsHere(other, Int(network.arcSegment[arc])) {
                return other
            }
        }
        return nil
    }
}
