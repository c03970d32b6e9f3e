import Foundation

/// A directed edge someone may travel, packed for the search loop (12 bytes).
struct RoadArc: Sendable {
    var target: Int32
    var centimetres: Int32
    /// `RoadUser.bit`s of the users who may travel it.
    var users: UInt8
    var carKmh: UInt8
}

/// Counts a network reports about itself: what the extract held and what was kept.
public struct RoadNetworkStatistics: Equatable, Codable, Sendable {
    /// Nodes and ways the extract held.
    public var osmNodes: Int
    public var osmWays: Int
    /// Ways some road user may use.
    public var keptWays: Int
    /// References of kept ways to nodes the extract lacks (ways clipped at its edge).
    public var missingNodeReferences: Int
    /// Nodes of the routable graph (every node of a kept way).
    public var graphNodes: Int
    /// Street segments between two consecutive nodes of a kept way.
    public var segments: Int
    /// Directed edges each user may travel (a two-way segment counts twice).
    public var edgesPerUser: [RoadUser: Int]
}

public enum RoadNetworkError: Error, LocalizedError, Equatable {
    /// The extract has no way any road user may take.
    case noUsableRoads(osmWays: Int)
    /// More nodes or longer segments than a network holds.
    case tooLarge(nodes: Int)
    /// A stored network that is not whole (truncated, changed, or not a network at all).
    case damaged(String)
    /// A stored network written by a newer or older format.
    case unsupportedVersion(found: Int, supported: Int)

    public var errorDescription: String? {
        switch self {
        case .noUsableRoads(let ways):
            "the extract has no road any traveller may use (\(ways) ways read, none with a usable highway tag)"
        case .tooLarge(let nodes):
            "the extract is too large for a road network (\(nodes) nodes)"
        case .damaged(let what):
            "the stored road network is damaged (\(what)); import the roads again"
        case .unsupportedVersion(let found, let supported):
            "the stored road network has format version \(found), this program reads version \(supported); import the roads again"
        }
    }
}

/// A routable street network: nodes, street segments with their length and who may travel them
/// in which direction, and the adjacency lists searches walk.
///
/// Lengths are whole centimetres of great-circle distance (haversine, Earth radius 6,371,008.8 m)
/// between the segment's two nodes, rounded to nearest.
public struct RoadNetwork: Sendable {
    struct SourceCounts: Equatable, Sendable {
        var osmNodes: Int, osmWays: Int, keptWays: Int, missingNodeReferences: Int
    }

    /// Street segments, one entry per pair of consecutive way nodes.
    struct Segments: Equatable, Sendable {
        var from: [Int32] = [], to: [Int32] = [], centimetres: [Int32] = []
        /// `RoadUser.bit`s allowed from `from` to `to`, and from `to` to `from`.
        var forward: [UInt8] = [], backward: [UInt8] = []
        var carKmh: [UInt8] = []

        var count: Int { from.count }

        mutating func append(from a: Int32, to b: Int32, access: RoadWayAccess) {
            from.append(a)
            to.append(b)
            forward.append(access.forward)
            backward.append(access.backward)
            carKmh.append(access.carKmh)
        }

        func users(_ index: Int) -> UInt8 { forward[index] | backward[index] }
    }

    let counts: SourceCounts
    let nodes: RoadNodeStore
    let segments: Segments
    /// Directed edges someone may travel, grouped by tail node: edges of node n are
    /// `arcStart[n]..<arcStart[n+1]`.
    let arcStart: [Int32]
    let arcs: [RoadArc]
    /// The street segment each arc travels.
    let arcSegment: [Int32]

    public let statistics: RoadNetworkStatistics
    /// The box of the graph's nodes.
    public let bounds: RoadBounds
    /// Stable hex fingerprint of the serialized network (FNV-1a 64): plans record which network they used.
    public let digest: String

    init(counts: SourceCounts, nodes: RoadNodeStore, segments: Segments, digest: String? = nil) {
        self.counts = counts
        self.nodes = nodes
        self.segments = segments
        var start = [Int32](repeating: 0, count: nodes.count + 1)
        for index in 0..<segments.count {
            if segments.forward[index] != 0 { start[Int(segments.from[index]) + 1] += 1 }
            if segments.backward[index] != 0 { start[Int(segments.to[index]) + 1] += 1 }
        }
        for node in 0..<nodes.count { start[node + 1] += start[node] }
        let arcCount = Int(start[nodes.count])
        var arcs = [RoadArc](repeating: RoadArc(target: 0, centimetres: 0, users: 0, carKmh: 0), count: arcCount)
        var segment = [Int32](repeating: 0, count: arcCount)
        var next = start
        func add(_ tail: Int32, _ head: Int32, _ mask: UInt8, _ index: Int) {
            let slot = Int(next[Int(tail)])
            next[Int(tail)] += 1
            arcs[slot] = RoadArc(target: head, centimetres: segments.centimetres[index], users: mask, carKmh: segments.carKmh[index])
            segment[slot] = Int32(index)
        }
        for index in 0..<segments.count {
            if segments.forward[index] != 0 { add(segments.from[index], segments.to[index], segments.forward[index], index) }
            if segments.backward[index] != 0 { add(segments.to[index], segments.from[index], segments.backward[index], index) }
        }
        arcStart = start
        self.arcs = arcs
        arcSegment = segment
        var edges: [RoadUser: Int] = [:]
        for user in RoadUser.allCases { edges[user] = arcs.reduce(0) { $0 + ($1.users & user.bit != 0 ? 1 : 0) } }
        statistics = RoadNetworkStatistics(
            osmNodes: counts.osmNodes, osmWays: counts.osmWays, keptWays: counts.keptWays,
            missingNodeReferences: counts.missingNodeReferences, graphNodes: nodes.count,
            segments: segments.count, edgesPerUser: edges)
        let unit = RoadNodeStore.unitsPerDegree
        bounds = RoadBounds(
            minLatitude: Double(nodes.latitudes.min() ?? 0) / unit, minLongitude: Double(nodes.longitudes.min() ?? 0) / unit,
            maxLatitude: Double(nodes.latitudes.max() ?? 0) / unit, maxLongitude: Double(nodes.longitudes.max() ?? 0) / unit)
        self.digest = digest ?? Self.digest(of: Self.encode(counts: counts, nodes: nodes, segments: segments))
    }

    /// Number of graph nodes.
    public var nodeCount: Int { nodes.count }

    /// Where graph node `index` lies.
    public func point(ofNode index: Int) -> RoadPoint { nodes.point(index) }

    /// The OpenStreetMap id of graph node `index`.
    public func osmID(ofNode index: Int) -> Int64 { nodes.ids[index] }

    /// The graph node of OpenStreetMap node `id`, if the network kept it.
    public func node(osmID id: Int64) -> Int? { nodes.index(of: id) }
}
