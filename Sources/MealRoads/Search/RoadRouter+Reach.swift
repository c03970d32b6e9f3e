import Foundation

extension RoadRouter {
    /// The street segments within `limitSeconds` of a place, with the seconds at each end: what
    /// a map draws as the true 15-minute area. A segment only partly inside ends where the limit
    /// falls. The stretches between the origin's own point on the street and its segment's ends
    /// come first.
    public func reach(from origin: RoadPoint, user: RoadUser, metresPerSecond: Double, limitSeconds: Int) -> RoadReach {
        guard let snap = snap(origin, for: user) else {
            return RoadReach(origin: nil, segments: [], reason: .originNotNearRoad(user: user, limitMetres: snapLimitMetres))
        }
        let model = RoadCostModel(user: user, metresPerSecond: metresPerSecond)
        return pool.withSearch { state in
            let start = model.access(snap.centimetres)
            _ = search(from: snap, &state, model, bound: model.bound(limitSeconds: limitSeconds) - start, targets: 0)
            let reached = ReachedNodes(state: state, model: model, start: start, origin: snap, limitSeconds: limitSeconds)
            var segments = originStretches(snap, reached)
            for node in state.settledOrder { segments += stretches(leaving: Int(node), reached) }
            return RoadReach(origin: snap, segments: segments, reason: nil)
        }
    }

    /// Seconds at the nodes a reach search settled, by the seconds rule.
    struct ReachedNodes {
        let state: RoadSearchState
        let model: RoadCostModel
        /// Key of the origin's access leg.
        let start: Int
        let origin: RoadSnap
        let limitSeconds: Int

        func seconds(_ node: Int) -> Int? {
            guard state.isSettled(node) else { return nil }
            let seconds = model.seconds(
                key: start + state.key(node), centimetres: origin.centimetres + state.along(node))
            return seconds <= limitSeconds ? seconds : nil
        }

        /// The fraction of a stretch costing `cost` that fits after `key` before the limit.
        func fraction(afterKey key: Int, cost: Int) -> Double {
            guard cost > 0 else { return 1 }
            let limitKey = model.key(atSeconds: Double(limitSeconds)) - Double(start)
            return min(1, max(0, (limitKey - Double(key)) / Double(cost)))
        }
    }

    private func originStretches(_ snap: RoadSnap, _ reached: ReachedNodes) -> [RoadReachSegment] {
        let segments = network.segments, segment = snap.segment, bit = reached.model.user.bit
        let length = Int(segments.centimetres[segment]), kmh = segments.carKmh[segment]
        let startSeconds = reached.model.seconds(key: reached.start, centimetres: snap.centimetres)
        guard startSeconds <= reached.limitSeconds else { return [] }
        // When both ends are inside, the whole segment is listed from its nodes; so is every
        // segment at the origin's node when the origin stands on one (else listed twice).
        let ends = [segments.from[segment], segments.to[segment]]
        if ends.allSatisfy({ reached.seconds(Int($0)) != nil }) { return [] }
        if snap.position == 0 || snap.position == length { return [] }
        var stretches: [RoadReachSegment] = []
        func toward(_ node: Int32, _ centimetres: Int) {
            guard centimetres > 0 else { return }
            let end = network.point(ofNode: Int(node))
            if let seconds = reached.seconds(Int(node)) {
                stretches.append(RoadReachSegment(from: snap.point, to: end, fromSeconds: startSeconds, toSeconds: seconds))
            } else {
                let part = reached.fraction(afterKey: 0, cost: reached.model.along(centimetres, kmh: kmh))
                guard part > 0 else { return }
                stretches.append(RoadReachSegment(
                    from: snap.point, to: Self.between(snap.point, end, part), fromSeconds: startSeconds,
                    toSeconds: reached.limitSeconds))
            }
        }
        if segments.forward[segment] & bit != 0 { toward(segments.to[segment], length - snap.position) }
        if segments.backward[segment] & bit != 0 { toward(segments.from[segment], snap.position) }
        return stretches
    }

    /// Segments leaving a reached node: whole when their other end is reached too (listed once),
    /// cut where the limit falls when it is not.
    private func stretches(leaving node: Int, _ reached: ReachedNodes) -> [RoadReachSegment] {
        guard let seconds = reached.seconds(node) else { return [] }
        let segments = network.segments, bit = reached.model.user.bit
        var stretches: [RoadReachSegment] = []
        let from = network.point(ofNode: node)
        for arc in Int(network.arcStart[node])..<Int(network.arcStart[node + 1]) where network.arcs[arc].users & bit != 0 {
            let head = Int(network.arcs[arc].target), segment = Int(network.arcSegment[arc])
            let to = network.point(ofNode: head)
            if let headSeconds = reached.seconds(head) {
                let isForward = Int(segments.from[segment]) == node
                let returns = (isForward ? segments.backward[segment] : segments.forward[segment]) & bit != 0
                if node < head || !returns {
                    stretches.append(RoadReachSegment(from: from, to: to, fromSeconds: seconds, toSeconds: headSeconds))
                }
            } else {
                let cost = reached.model.along(Int(network.arcs[arc].centimetres), kmh: segments.carKmh[segment])
                let part = reached.fraction(afterKey: reached.state.key(node), cost: cost)
                guard part > 0 else { continue }
                stretches.append(RoadReachSegment(
                    from: from, to: Self.between(from, to, part), fromSeconds: seconds, toSeconds: reached.limitSeconds))
            }
        }
        return stretches
    }

    static func between(_ a: RoadPoint, _ b: RoadPoint, _ fraction: Double) -> RoadPoint {
        RoadPoint(
            latitude: a.latitude + fraction * (b.latitude - a.latitude),
            longitude: a.longitude + fraction * (b.longitude - a.longitude))
    }
}
