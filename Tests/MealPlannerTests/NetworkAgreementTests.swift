import XCTest
import MealCore
import MealRouting
import MealRoads
@testable import MealPlanner

/// The required independent check (issue 13): on the bundled district's streets, 1,000 random
/// pairs of network nodes per pedestrian pace, the network model's seconds equal those of a plain
/// Dijkstra written here over the parsed OSM ways, with its own reading of the pedestrian rules
/// (issue 13 and docs/planning.md "Road network"), its own haversine (R = 6,371,008.8 m) and
/// whole-centimetre lengths. Nothing of MealRoads' search is used on this side.
final class NetworkAgreementTests: XCTestCase {
    /// Pedestrian rules as docs/planning.md states them.
    enum Pace: String, CaseIterable {
        case independent, walker, wheelchair, pickup

        var metresPerSecond: Double {
            switch self {
            case .independent, .pickup: 1.0
            case .walker: 0.7
            case .wheelchair: 0.8
            }
        }

        var traveller: Traveller { Traveller(rawValue: rawValue)! }

        func mayWalk(_ tags: [String: String]) -> Bool {
            guard let highway = tags["highway"] else { return false }
            let usual: Set = ["footway", "path", "pedestrian", "steps", "living_street", "residential", "service",
                              "unclassified", "track", "road", "tertiary", "tertiary_link", "secondary",
                              "secondary_link", "primary", "primary_link"]
            let whenAllowed: Set = ["cycleway", "bridleway", "trunk", "trunk_link"]
            if self == .walker || self == .wheelchair, highway == "steps" { return false }
            if self == .wheelchair, tags["wheelchair"] == "no" { return false }
            if let access = tags["foot"] ?? tags["access"] {
                if ["no", "private", "agricultural", "forestry", "use_sidepath", "dismount"].contains(access) { return false }
                if ["yes", "designated", "permissive", "destination", "delivery", "customers", "official"].contains(access) {
                    return usual.contains(highway) || whenAllowed.contains(highway)
                }
            }
            return usual.contains(highway)
        }
    }

    static func haversineCentimetres(_ a: (Double, Double), _ b: (Double, Double)) -> Int {
        let radius = 6_371_008.8, rad = Double.pi / 180
        let dLat = (b.0 - a.0) * rad, dLon = (b.1 - a.1) * rad
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(a.0 * rad) * cos(b.0 * rad) * sin(dLon / 2) * sin(dLon / 2)
        return Int((2 * radius * asin(min(1, h.squareRoot())) * 100).rounded())
    }

    /// Undirected graph of the ways one pace may walk: node id → [(neighbour id, centimetres)].
    static func graph(_ extract: OSMExtract, _ pace: Pace) -> [Int64: [(Int64, Int)]] {
        // Coordinates at 1e-7°, as an .osm.pbf stores them.
        var places: [Int64: (Double, Double)] = [:]
        for node in extract.nodes {
            places[node.id] = ((node.latitude * 1e7).rounded() / 1e7, (node.longitude * 1e7).rounded() / 1e7)
        }
        var edges: [Int64: [(Int64, Int)]] = [:]
        for way in extract.ways {
            let tags = Dictionary(way.tags.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            guard pace.mayWalk(tags) else { continue }
            for (a, b) in zip(way.nodeIDs, way.nodeIDs.dropFirst()) where a != b {
                guard let pa = places[a], let pb = places[b] else { continue }
                let length = haversineCentimetres(pa, pb)
                edges[a, default: []].append((b, length))
                edges[b, default: []].append((a, length))
            }
        }
        return edges
    }

    /// Plain Dijkstra (a binary heap of (centimetres, node)) from `origin` until every target is settled.
    static func centimetres(from origin: Int64, to targets: Set<Int64>, in edges: [Int64: [(Int64, Int)]]) -> [Int64: Int] {
        var best: [Int64: Int] = [origin: 0]
        var done: Set<Int64> = []
        var heap: [(Int, Int64)] = [(0, origin)]
        func less(_ x: (Int, Int64), _ y: (Int, Int64)) -> Bool { x.0 < y.0 || (x.0 == y.0 && x.1 < y.1) }
        func push(_ item: (Int, Int64)) {
            heap.append(item)
            var child = heap.count - 1
            while child > 0, less(heap[child], heap[(child - 1) / 2]) {
                heap.swapAt(child, (child - 1) / 2)
                child = (child - 1) / 2
            }
        }
        func pop() -> (Int, Int64) {
            let top = heap[0]
            heap[0] = heap[heap.count - 1]
            heap.removeLast()
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < heap.count, less(heap[left], heap[smallest]) { smallest = left }
                if right < heap.count, less(heap[right], heap[smallest]) { smallest = right }
                if smallest == parent { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
            return top
        }
        var remaining = targets.count
        while !heap.isEmpty, remaining > 0 {
            let (distance, node) = pop()
            guard !done.contains(node) else { continue }
            done.insert(node)
            if targets.contains(node) { remaining -= 1 }
            for (next, length) in edges[node] ?? [] where !done.contains(next) {
                if distance + length < best[next] ?? .max {
                    best[next] = distance + length
                    push((distance + length, next))
                }
            }
        }
        return best.filter { done.contains($0.key) }
    }

    func testTheModelAgreesWithAPlainDijkstraOnTheBundledStreetsForEveryPedestrianPace() throws {
        let generated = RoadGenerator(.yuehu).generate()
        var parsed = OSMExtract()
        try OSMFileReader.read(data: try OSMWriter.pbfData(generated), source: "yuehu.osm.pbf", into: &parsed)
        var builder = RoadNetworkBuilder()
        for node in parsed.nodes { try builder.receive(node) }
        for way in parsed.ways { try builder.receive(way) }
        let model = NetworkTravelModel(roads: NetworkRoads(network: try builder.build()))
        let coordinates = Dictionary(parsed.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var random = SeededGenerator(seed: 13)
        var checked = 0, unreachable = 0
        for pace in Pace.allCases {
            let edges = Self.graph(parsed, pace)
            let nodes = edges.keys.sorted()
            // 25 origins × 40 destinations = 1,000 pairs per pace.
            for _ in 0..<25 {
                let origin = nodes[Int.random(in: 0..<nodes.count, using: &random)]
                let destinations = (0..<40).map { _ in nodes[Int.random(in: 0..<nodes.count, using: &random)] }
                let expected = Self.centimetres(from: origin, to: Set(destinations), in: edges)
                let place = { (id: Int64) in
                    try GeoPoint(latitude: (coordinates[id]!.latitude * 1e7).rounded() / 1e7,
                                 longitude: (coordinates[id]!.longitude * 1e7).rounded() / 1e7)
                }
                let points = try destinations.map(place)
                let seconds = model.seconds(from: try place(origin), toEach: points, by: pace.traveller.mode, within: nil)
                let back = model.seconds(fromEach: points, to: try place(origin), by: pace.traveller.mode, within: nil)
                for (index, destination) in destinations.enumerated() {
                    let want = expected[destination].map { Int((Double($0) / 100 / pace.metresPerSecond).rounded()) }
                    XCTAssertEqual(seconds[index], want, "\(pace) from node \(origin) to node \(destination)")
                    XCTAssertEqual(back[index], want, "\(pace) from node \(destination) to node \(origin)")
                    checked += 1
                    if want == nil { unreachable += 1 }
                }
            }
        }
        XCTAssertEqual(checked, 4_000)
        XCTAssertLessThan(unreachable, checked / 10, "most pairs are joined by some street")
    }
}
