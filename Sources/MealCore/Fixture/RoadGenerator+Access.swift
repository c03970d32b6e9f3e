import MealRoads
import MealRouting

/// Driveways to canteens and lanes to homes that no street passes near: in a real district
/// every house has a way to its door, except a few farmsteads out past the edge of the map.
extension StreetBuilder {
    /// A canteen farther than this from a street gets a driveway.
    static let canteenReach = 30.0
    /// A home farther than this from a street gets a lane, track or path.
    static let homeReach = 150.0
    /// Homes at least this far from every canteen are out past the district's edge; most get no lane.
    static let remoteMetres = 4_500.0
    static let remoteWithoutLane = 0.6

    static let walkableClasses: Set<String> = [
        "primary", "secondary", "tertiary", "unclassified", "residential", "living_street", "service",
        "pedestrian", "footway", "path", "track",
    ]

    /// Whether a lane may join this way: a street anyone may walk, not a bridge or a flight of steps.
    static func joinable(_ way: PlannedWay) -> Bool {
        guard let highway = way.tag("highway"), walkableClasses.contains(highway) else { return false }
        return way.tag("foot") != "no" && way.tag("access") != "private" && way.tag("bridge") == nil
    }

    mutating func connectHomes(_ rng: inout SeededGenerator) {
        var index = SegmentIndex()
        for way in plan.ways.indices where Self.joinable(plan.ways[way]) { index.insert(way: way, plan.ways[way], plan) }
        var insertions: [Int: [(position: Int, fraction: Double, point: Int32)]] = [:]
        for canteen in layout.canteens {
            connect(canteen, reach: Self.canteenReach, stopShort: 8, &index, &insertions) { _ in
                [OSMTag("highway", "service"), OSMTag("service", "driveway")]
            }
        }
        for home in layout.diners {
            guard index.nearby(home, within: Self.homeReach, plan).isEmpty else { continue }
            let remote = layout.canteens.allSatisfy { $0.distance(to: home) >= Self.remoteMetres }
            if remote && rng.chance(Self.remoteWithoutLane) { continue }
            connect(home, reach: Self.homeReach, stopShort: 12, &index, &insertions) { zone in
                Self.laneTags(zone: zone, &rng)
            }
        }
        for (way, list) in insertions {
            var nodes = plan.ways[way].nodes
            for insertion in list.sorted(by: { ($0.position, $0.fraction) > ($1.position, $1.fraction) }) {
                nodes.insert(insertion.point, at: insertion.position + 1)
            }
            plan.ways[way].nodes = nodes
        }
    }

    static func laneTags(zone: AnchorIndex.Zone, _ rng: inout SeededGenerator) -> [OSMTag] {
        let draw = rng.unit()
        if zone == .town { return [OSMTag("highway", draw < 0.6 ? "service" : "footway")] }
        if draw < 0.65 { return [OSMTag("highway", "track"), OSMTag("tracktype", rng.pick(["grade3", "grade4", "grade5"]))] }
        return [OSMTag("highway", draw < 0.8 ? "path" : "service")]
    }

    /// Lays a lane from the nearest street that can be reached without crossing the river, the
    /// railway or another street, to `stopShort` metres from `place`; nothing if a street is within `reach`.
    mutating func connect(_ place: GridPoint, reach: Double, stopShort: Double, _ index: inout SegmentIndex,
                          _ insertions: inout [Int: [(position: Int, fraction: Double, point: Int32)]],
                          tags: (AnchorIndex.Zone) -> [OSMTag]) {
        guard index.nearby(place, within: reach, plan).isEmpty else { return }
        for radius in [400.0, 1_000.0, 3_500.0] {
            for candidate in index.nearby(place, within: radius, plan).prefix(60) {
                let (way, position) = index.segments[candidate.segment]
                let a = plan.points[Int(plan.ways[way].nodes[position])]
                let b = plan.points[Int(plan.ways[way].nodes[position + 1])]
                let join = a.toward(b, candidate.fraction)
                let end = place.toward(join, stopShort / candidate.distance)
                guard !river.crosses(join, end), !rail.crosses(join, end),
                      !index.crossesAny(join, end, except: candidate.segment, plan) else { continue }
                let length = a.distance(to: b)
                let joinPoint: Int32
                if candidate.fraction * length < 1 {
                    joinPoint = plan.ways[way].nodes[position]
                } else if (1 - candidate.fraction) * length < 1 {
                    joinPoint = plan.ways[way].nodes[position + 1]
                } else {
                    joinPoint = plan.add(join)
                    insertions[way, default: []].append((position, candidate.fraction, joinPoint))
                }
                var nodes = [joinPoint]
                let bends = Int(join.distance(to: end) / 150)
                if bends > 0 {
                    for step in 1...bends { nodes.append(plan.add(join.toward(end, Double(step) / Double(bends + 1)))) }
                }
                nodes.append(plan.add(end))
                plan.ways.append(PlannedWay(nodes: nodes, tags: tags(anchors.zone(at: end))))
                index.insert(way: plan.ways.count - 1, plan.ways[plan.ways.count - 1], plan)
                return
            }
        }
    }
}

/// Segments of the ways lanes may join, bucketed on a 250 m grid.
struct SegmentIndex {
    private static let bucket = 250.0
    var segments: [(way: Int, position: Int)] = []
    private var buckets: [Int64: [Int]] = [:]

    private static func cell(_ value: Double) -> Int { Int((value / bucket).rounded(.down)) }
    private static func key(_ column: Int, _ row: Int) -> Int64 { Int64(column) << 32 | Int64(UInt32(bitPattern: Int32(row))) }

    mutating func insert(way: Int, _ planned: PlannedWay, _ plan: RoadPlan) {
        for position in 0..<(planned.nodes.count - 1) {
            let a = plan.points[Int(planned.nodes[position])], b = plan.points[Int(planned.nodes[position + 1])]
            segments.append((way, position))
            for column in Self.cell(min(a.x, b.x))...Self.cell(max(a.x, b.x)) {
                for row in Self.cell(min(a.y, b.y))...Self.cell(max(a.y, b.y)) {
                    buckets[Self.key(column, row), default: []].append(segments.count - 1)
                }
            }
        }
    }

    private func segmentIDs(from low: GridPoint, to high: GridPoint) -> [Int] {
        var ids: [Int] = []
        for column in Self.cell(low.x)...Self.cell(high.x) {
            for row in Self.cell(low.y)...Self.cell(high.y) { ids.append(contentsOf: buckets[Self.key(column, row)] ?? []) }
        }
        // A segment is in every bucket it passes through: keep each once, in a fixed order.
        ids.sort()
        var unique: [Int] = []
        unique.reserveCapacity(ids.count)
        for id in ids where unique.last != id { unique.append(id) }
        return unique
    }

    private func ends(_ segment: Int, _ plan: RoadPlan) -> (GridPoint, GridPoint) {
        let (way, position) = segments[segment]
        let nodes = plan.ways[way].nodes
        return (plan.points[Int(nodes[position])], plan.points[Int(nodes[position + 1])])
    }

    /// Segments within `radius` of `point`, nearest first.
    func nearby(_ point: GridPoint, within radius: Double, _ plan: RoadPlan)
        -> [(segment: Int, fraction: Double, distance: Double)] {
        let corner = GridPoint(x: radius, y: radius)
        var found: [(segment: Int, fraction: Double, distance: Double)] = []
        for id in segmentIDs(from: point - corner, to: point + corner) {
            let (a, b) = ends(id, plan)
            let nearest = RoadGeometry.nearest(on: a, b, to: point)
            if nearest.distance <= radius { found.append((id, nearest.fraction, nearest.distance)) }
        }
        return found.sorted { ($0.distance, $0.segment) < ($1.distance, $1.segment) }
    }

    /// Whether `a`–`b` properly crosses an indexed segment other than `except`.
    func crossesAny(_ a: GridPoint, _ b: GridPoint, except: Int, _ plan: RoadPlan) -> Bool {
        let low = GridPoint(x: min(a.x, b.x), y: min(a.y, b.y)), high = GridPoint(x: max(a.x, b.x), y: max(a.y, b.y))
        return segmentIDs(from: low, to: high).contains { id in
            guard id != except else { return false }
            let (c, d) = ends(id, plan)
            return RoadGeometry.crossing(a, b, c, d) != nil
        }
    }
}
