import Foundation

/// Builds a `RoadNetwork` from an extract's elements as they stream past: node coordinates are
/// kept compactly, ways only when some road user may use them (with their access already read),
/// and the graph is made once at the end.
public struct RoadNetworkBuilder: OSMElementSink {
    private let rules: RoadProfiles.Compiled
    private var nodes = RoadNodeStore()
    private var osmNodeCount = 0
    private var osmWayCount = 0
    /// Kept ways' node ids, one after another; `wayEnds[i]` is where way i's ids end.
    private var wayNodeIDs: [Int64] = []
    private var wayEnds: [Int] = []
    private var wayAccess: [RoadWayAccess] = []

    public init(profiles: RoadProfiles = .standard) {
        rules = RoadProfiles.Compiled(profiles)
    }

    public mutating func receive(_ node: OSMNode) throws {
        osmNodeCount += 1
        nodes.append(node)
    }

    public mutating func receive(_ way: OSMWay) throws {
        osmWayCount += 1
        guard way.nodeIDs.count >= 2, let access = rules.access(way) else { return }
        wayNodeIDs.append(contentsOf: way.nodeIDs)
        wayEnds.append(wayNodeIDs.count)
        wayAccess.append(access)
    }

    /// The routable network. Ways referring to nodes the extract lacks (clipped at its edge) keep
    /// the runs of consecutive nodes it has.
    public mutating func build() throws -> RoadNetwork {
        nodes.prepareForLookups()
        guard nodes.count < Int(Int32.max) else { throw RoadNetworkError.tooLarge(nodes: nodes.count) }
        var segments = RoadNetwork.Segments()
        var missingReferences = 0
        var wayStart = 0
        for (way, wayEnd) in wayEnds.enumerated() {
            var previous: Int?
            for position in wayStart..<wayEnd {
                guard let current = nodes.index(of: wayNodeIDs[position]) else {
                    missingReferences += 1
                    previous = nil
                    continue
                }
                if let previous, previous != current {
                    segments.append(from: Int32(previous), to: Int32(current), access: wayAccess[way])
                }
                previous = current
            }
            wayStart = wayEnd
        }
        guard segments.count > 0 else { throw RoadNetworkError.noUsableRoads(osmWays: osmWayCount) }
        let graphNodes = renumberUsedNodes(&segments)
        for index in 0..<segments.count {
            let from = graphNodes.point(Int(segments.from[index])), to = graphNodes.point(Int(segments.to[index]))
            let centimetres = RoadGeometry.centimetres(RoadGeometry.haversineMetres(from, to))
            guard centimetres < Int(Int32.max) else { throw RoadNetworkError.tooLarge(nodes: nodes.count) }
            segments.centimetres.append(Int32(centimetres))
        }
        let counts = RoadNetwork.SourceCounts(
            osmNodes: osmNodeCount, osmWays: osmWayCount, keptWays: wayEnds.count,
            missingNodeReferences: missingReferences)
        return RoadNetwork(counts: counts, nodes: graphNodes, segments: segments)
    }

    /// Keeps only the nodes some segment touches, in ascending OSM id, and points the segments at them.
    private func renumberUsedNodes(_ segments: inout RoadNetwork.Segments) -> RoadNodeStore {
        var graphIndex = [Int32](repeating: -1, count: nodes.count)
        for index in 0..<segments.count {
            graphIndex[Int(segments.from[index])] = 0
            graphIndex[Int(segments.to[index])] = 0
        }
        var used = RoadNodeStore()
        var next: Int32 = 0
        for index in 0..<nodes.count where graphIndex[index] == 0 {
            graphIndex[index] = next
            next += 1
            used.appendFixed(id: nodes.ids[index], latitude: nodes.latitudes[index], longitude: nodes.longitudes[index])
        }
        for index in 0..<segments.count {
            segments.from[index] = graphIndex[Int(segments.from[index])]
            segments.to[index] = graphIndex[Int(segments.to[index])]
        }
        return used
    }
}
