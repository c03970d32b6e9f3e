import Foundation
@testable import MealCore
import MealRoads

/// Plane geometry on an extract, written independently of the generator: coordinates projected
/// to metres around Yuehu's centre (equirectangular, exact enough at city scale).
struct ExtractGeometry {
    struct Point { var x: Double; var y: Double }
    struct Segment { var a: Point; var b: Point; var from: Int64; var to: Int64; var way: Int }

    let extract: OSMExtract
    let positions: [Int64: Point]

    init(_ extract: OSMExtract) {
        self.extract = extract
        var positions: [Int64: Point] = [:]
        for node in extract.nodes { positions[node.id] = Self.project(latitude: node.latitude, longitude: node.longitude) }
        self.positions = positions
    }

    static func project(latitude: Double, longitude: Double) -> Point {
        let metresPerDegree = 6_371_008.8 * Double.pi / 180
        return Point(x: (longitude - 117.03) * metresPerDegree * cos(28.24 * Double.pi / 180),
                     y: (latitude - 28.24) * metresPerDegree)
    }

    static func project(_ point: GeoPoint) -> Point { project(latitude: point.latitude, longitude: point.longitude) }

    func segments(where include: (OSMWay) -> Bool) -> [Segment] {
        var result: [Segment] = []
        for (index, way) in extract.ways.enumerated() where include(way) {
            for (from, to) in zip(way.nodeIDs, way.nodeIDs.dropFirst()) {
                result.append(Segment(a: positions[from]!, b: positions[to]!, from: from, to: to, way: index))
            }
        }
        return result
    }

    /// Whether the two segments cross at a point inside both (touching ends do not count).
    static func properlyCross(_ s: Segment, _ t: Segment) -> Bool {
        func side(_ p: Point, _ q: Point, _ r: Point) -> Double { (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x) }
        let d1 = side(t.a, t.b, s.a), d2 = side(t.a, t.b, s.b)
        let d3 = side(s.a, s.b, t.a), d4 = side(s.a, s.b, t.b)
        return d1 * d2 < 0 && d3 * d4 < 0
    }

    static func distance(from p: Point, to s: Segment) -> Double {
        let dx = s.b.x - s.a.x, dy = s.b.y - s.a.y
        let squared = dx * dx + dy * dy
        let t = squared == 0 ? 0 : min(1, max(0, ((p.x - s.a.x) * dx + (p.y - s.a.y) * dy) / squared))
        let x = s.a.x + t * dx - p.x, y = s.a.y + t * dy - p.y
        return (x * x + y * y).squareRoot()
    }

    /// Ways a person on foot may use, by the rules of the issue (plus primary, unclassified and
    /// track, which pedestrians use in China).
    static func walkable(_ way: OSMWay) -> Bool {
        let classes: Set = ["primary", "secondary", "tertiary", "unclassified", "residential", "living_street",
                            "service", "pedestrian", "footway", "path", "track", "steps"]
        guard let highway = way.tag("highway"), classes.contains(highway) else { return false }
        return way.tag("foot") != "no" && !["no", "private"].contains(way.tag("access") ?? "")
    }
}

/// Segments bucketed on a square grid so that crossing and distance checks stay quick.
struct SegmentBuckets {
    let size: Double
    let segments: [ExtractGeometry.Segment]
    private var buckets: [Int64: [Int]] = [:]

    init(_ segments: [ExtractGeometry.Segment], size: Double = 250) {
        self.size = size
        self.segments = segments
        for (index, segment) in segments.enumerated() {
            for key in keys(segment.a, segment.b) { buckets[key, default: []].append(index) }
        }
    }

    private func keys(_ a: ExtractGeometry.Point, _ b: ExtractGeometry.Point) -> [Int64] {
        var result: [Int64] = []
        for column in Int((min(a.x, b.x) / size).rounded(.down))...Int((max(a.x, b.x) / size).rounded(.down)) {
            for row in Int((min(a.y, b.y) / size).rounded(.down))...Int((max(a.y, b.y) / size).rounded(.down)) {
                result.append(Int64(column) << 32 | Int64(UInt32(bitPattern: Int32(row))))
            }
        }
        return result
    }

    /// Indexed segments whose buckets touch the box around `a` and `b`, widened by `margin`.
    func near(_ a: ExtractGeometry.Point, _ b: ExtractGeometry.Point, margin: Double = 0) -> [ExtractGeometry.Segment] {
        let low = ExtractGeometry.Point(x: min(a.x, b.x) - margin, y: min(a.y, b.y) - margin)
        let high = ExtractGeometry.Point(x: max(a.x, b.x) + margin, y: max(a.y, b.y) + margin)
        return Set(keys(low, high).flatMap { buckets[$0] ?? [] }).sorted().map { segments[$0] }
    }

    /// Distance from `p` to the nearest indexed segment, looking no farther than `limit`.
    func nearestDistance(to p: ExtractGeometry.Point, limit: Double) -> Double {
        near(p, p, margin: limit).map { ExtractGeometry.distance(from: p, to: $0) }.min() ?? .infinity
    }
}

/// Counts what a streamed extract holds, checking order as it goes, without keeping it.
struct CountingSink: OSMElementSink {
    var nodes = 0
    var ways = 0
    var wayNodes = 0
    var lastNodeID: Int64 = 0
    var nodesInOrder = true
    var nodeAfterWay = false
    var maximumReference: Int64 = 0
    var highwayValues: Set<String> = []

    mutating func receive(_ node: OSMNode) throws {
        if node.id <= lastNodeID { nodesInOrder = false }
        if ways > 0 { nodeAfterWay = true }
        lastNodeID = node.id
        nodes += 1
    }

    mutating func receive(_ way: OSMWay) throws {
        ways += 1
        wayNodes += way.nodeIDs.count
        maximumReference = max(maximumReference, way.nodeIDs.max() ?? 0)
        if let highway = way.tag("highway") { highwayValues.insert(highway) }
    }
}
