import XCTest
@testable import MealRoads

/// The router against a plain Dijkstra written here over the extract's ways (no shared code),
/// on a jittered street grid with one-way streets, steps and slow streets: the same seconds and
/// metres between every pair of sampled nodes.
final class RoadSearchAgreementTests: XCTestCase {
    private struct Street { var tags: [String: String] }

    private static let kinds: [[String: String]] = [
        ["highway": "residential"], ["highway": "residential", "oneway": "yes"], ["highway": "residential", "oneway": "-1"],
        ["highway": "footway"], ["highway": "steps"], ["highway": "tertiary"], ["highway": "living_street"],
        ["highway": "service", "maxspeed": "10"], ["highway": "residential"],
    ]

    /// A 10 × 10 grid about 80 m apart, jittered, coordinates on OSM's 1e-7 degree grid.
    private func jitteredGrid() -> OSMExtract {
        var state: UInt64 = 2026
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(UInt64(1) << 53)
        }
        var extract = OSMExtract()
        let side = 10
        for row in 0..<side {
            for column in 0..<side {
                let point = HandMadeMap.point(east: Double(column) * 80 + next() * 30, north: Double(row) * 80 + next() * 30)
                extract.nodes.append(OSMNode(
                    id: Int64(row * side + column + 1), latitude: (point.latitude * 1e7).rounded() / 1e7,
                    longitude: (point.longitude * 1e7).rounded() / 1e7))
            }
        }
        var wayID: Int64 = 1
        for horizontal in [true, false] {
            for line in 0..<side {
                var start = 0
                while start < side - 1 {
                    let end = min(side - 1, start + 1 + Int(next() * 3))
                    let ids = (start...end).map { Int64(horizontal ? line * side + $0 + 1 : $0 * side + line + 1) }
                    let tags = Self.kinds[Int(next() * Double(Self.kinds.count))]
                    extract.ways.append(OSMWay(id: wayID, nodeIDs: ids, tags: tags.map { OSMTag($0.key, $0.value) }))
                    wayID += 1
                    start = end
                }
            }
        }
        return extract
    }

    private func haversine(_ a: OSMNode, _ b: OSMNode) -> Double {
        let r = 6_371_008.8, rad = Double.pi / 180
        let h = pow(sin((b.latitude - a.latitude) * rad / 2), 2)
            + cos(a.latitude * rad) * cos(b.latitude * rad) * pow(sin((b.longitude - a.longitude) * rad / 2), 2)
        return 2 * r * asin(min(1, sqrt(h)))
    }

    /// Edges (to, cost, centimetres) by the rules of this test's small tag set.
    private func edges(_ extract: OSMExtract, car: Bool, steps: Bool, speed: Double) -> [Int64: [(Int64, Int, Int)]] {
        let nodes = Dictionary(uniqueKeysWithValues: extract.nodes.map { ($0.id, $0) })
        var edges: [Int64: [(Int64, Int, Int)]] = [:]
        for way in extract.ways {
            let highway = way.tag("highway")!
            if car && ["footway", "steps"].contains(highway) { continue }
            if !car && !steps && highway == "steps" { continue }
            let roadKmh: Double = highway == "living_street" || highway == "service" ? 10 : 25
            let carSpeed = min(roadKmh / 3.6, speed)
            for (a, b) in zip(way.nodeIDs, way.nodeIDs.dropFirst()) {
                let centimetres = Int((haversine(nodes[a]!, nodes[b]!) * 100).rounded())
                let cost = car ? Int((Double(centimetres) / 100 / carSpeed * 1000).rounded()) : centimetres
                if !car || way.tag("oneway") != "-1" { edges[a, default: []].append((b, cost, centimetres)) }
                if !car || way.tag("oneway") != "yes" { edges[b, default: []].append((a, cost, centimetres)) }
            }
        }
        return edges
    }

    private func dijkstra(_ edges: [Int64: [(Int64, Int, Int)]], from origin: Int64) -> [Int64: (Int, Int)] {
        var best: [Int64: (Int, Int)] = [origin: (0, 0)]
        var done: Set<Int64> = []
        while let (node, label) = best.filter({ !done.contains($0.key) }).min(by: { $0.value < $1.value }) {
            done.insert(node)
            for (next, cost, centimetres) in edges[node] ?? [] {
                let candidate = (label.0 + cost, label.1 + centimetres)
                if let known = best[next], known <= candidate { continue }
                best[next] = candidate
            }
        }
        return best
    }

    private func assertAgreement(user: RoadUser, speed: Double, car: Bool, steps: Bool, limit: Int?) throws {
        let extract = jitteredGrid()
        let router = try extract.roadRouter()
        let graph = edges(extract, car: car, steps: steps, speed: speed)
        let sample = extract.nodes.filter { graph[$0.id] != nil }.enumerated().filter { $0.offset % 4 == 0 }.map(\.element)
        let points = sample.map { RoadPoint(latitude: $0.latitude, longitude: $0.longitude) }
        var compared = 0
        for (index, origin) in sample.enumerated() {
            let expected = dijkstra(graph, from: origin.id)
            let journeys = router.journeys(from: points[index], to: points, user: user, metresPerSecond: speed, limitSeconds: limit)
            for (destination, journey) in zip(sample, journeys) {
                let seconds = expected[destination.id].map {
                    car ? Int((Double($0.0) / 1000).rounded()) : Int((Double($0.1) / 100 / speed).rounded())
                }
                if let seconds, limit.map({ seconds <= $0 }) ?? true {
                    XCTAssertEqual(journey.seconds, seconds, "\(user) \(origin.id) → \(destination.id)")
                    XCTAssertEqual(journey.metres, Double(expected[destination.id]!.1) / 100, "\(user) \(origin.id) → \(destination.id)")
                    compared += 1
                } else {
                    XCTAssertNil(journey.seconds, "\(user) \(origin.id) → \(destination.id)")
                }
            }
        }
        XCTAssertGreaterThan(compared, 50)
    }

    func testPedestriansAgreeWithAPlainDijkstra() throws {
        try assertAgreement(user: .foot, speed: 1.0, car: false, steps: true, limit: nil)
        try assertAgreement(user: .walker, speed: 0.7, car: false, steps: false, limit: nil)
        try assertAgreement(user: .foot, speed: 1.0, car: false, steps: true, limit: 300)
    }

    func testCarsAgreeWithAPlainDijkstra() throws {
        try assertAgreement(user: .car, speed: 6.5, car: true, steps: false, limit: nil)
        try assertAgreement(user: .car, speed: 6.5, car: true, steps: false, limit: 60)
    }
}
