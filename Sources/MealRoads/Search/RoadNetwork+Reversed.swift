import Foundation

extension RoadNetwork {
    /// The same streets with every direction turned round: a search from a place on it gives
    /// the times of the original streets *towards* that place, so many origins to one
    /// destination is one search even on one-way streets. Same segments in the same order, each
    /// still measured from the same end (a snap on one is a snap on the other), same lengths,
    /// road speeds and digest; only the allowed directions are swapped.
    public func reversed() -> RoadNetwork {
        var turned = segments
        turned.forward = segments.backward
        turned.backward = segments.forward
        return RoadNetwork(counts: counts, nodes: nodes, segments: turned, digest: digest)
    }
}
