import Foundation
import MealRoads

/// The base layer: the stored streets, one SVG path per kind (major roads widest, paths
/// thinnest). Segments are joined into lines through nodes where only two meet, and each line is
/// simplified (Douglas–Peucker) to the precision the page writes, which keeps a city's streets
/// to a few megabytes.
public struct StreetLayer: Sendable {
    /// Path data per street kind, paths first so major roads are drawn on top.
    public let paths: [(kind: RoadStreetKind, data: MapPathData)]

    /// - Parameter tolerance: how far, in drawing units, a simplified line may stray.
    public init(network: RoadNetwork, projection: MapProjection, tolerance: Double = 0.25) {
        let all = network.streetSegments
        let points = (0..<network.nodeCount).map { node -> MapPoint in
            let place = network.point(ofNode: node)
            return projection.point(latitude: place.latitude, longitude: place.longitude)
        }
        paths = RoadStreetKind.allCases.compactMap { kind -> (kind: RoadStreetKind, data: MapPathData)? in
            var data = MapPathData()
            for line in Self.lines(all.filter { $0.kind == kind }, nodeCount: network.nodeCount) {
                data.add(Self.simplified(line.map { points[$0] }, tolerance: tolerance))
            }
            return data.isEmpty ? nil : (kind, data)
        }
    }

    /// The segments joined into lines of nodes: each line runs between nodes where other than
    /// two segments meet; rings of such nodes become closed lines.
    static func lines(_ segments: [RoadStreetSegment], nodeCount: Int) -> [[Int]] {
        var start = [Int](repeating: 0, count: nodeCount + 1)
        for segment in segments {
            start[segment.from + 1] += 1
            start[segment.to + 1] += 1
        }
        for node in 0..<nodeCount { start[node + 1] += start[node] }
        var incident = [Int](repeating: 0, count: segments.count * 2), next = start
        for (index, segment) in segments.enumerated() {
            incident[next[segment.from]] = index
            next[segment.from] += 1
            incident[next[segment.to]] = index
            next[segment.to] += 1
        }
        var used = [Bool](repeating: false, count: segments.count)
        var lines: [[Int]] = []
        func walk(from node: Int, along first: Int) {
            var line = [node], current = node, segment = first
            while true {
                used[segment] = true
                let other = segments[segment].from == current ? segments[segment].to : segments[segment].from
                line.append(other)
                current = other
                guard start[current + 1] - start[current] == 2,
                      let following = incident[start[current]..<start[current + 1]].first(where: { !used[$0] }) else { break }
                segment = following
            }
            lines.append(line)
        }
        // Lines from the ends and crossings first, then what is left: rings.
        for node in 0..<nodeCount where start[node + 1] - start[node] != 2 {
            for index in start[node]..<start[node + 1] where !used[incident[index]] { walk(from: node, along: incident[index]) }
        }
        for (index, segment) in segments.enumerated() where !used[index] { walk(from: segment.from, along: index) }
        return lines
    }

    /// Douglas–Peucker: the fewest of `points` (ends kept) with every dropped one within
    /// `tolerance` of the line kept.
    static func simplified(_ points: [MapPoint], tolerance: Double) -> [MapPoint] {
        guard points.count > 2 else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        var spans = [(0, points.count - 1)]
        while let (first, last) = spans.popLast() {
            guard last > first + 1 else { continue }
            var farthest = first, distance = 0.0
            for index in (first + 1)..<last {
                let away = Self.distance(points[index], fromLine: points[first], points[last])
                if away > distance {
                    distance = away
                    farthest = index
                }
            }
            if distance > tolerance {
                keep[farthest] = true
                spans.append((first, farthest))
                spans.append((farthest, last))
            }
        }
        return zip(points, keep).compactMap { $1 ? $0 : nil }
    }

    static func distance(_ point: MapPoint, fromLine a: MapPoint, _ b: MapPoint) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0 else { return ((point.x - a.x) * (point.x - a.x) + (point.y - a.y) * (point.y - a.y)).squareRoot() }
        return abs(dy * (point.x - a.x) - dx * (point.y - a.y)) / length
    }

    /// The layer's markup: one path per kind.
    public var markup: Markup {
        .el(.g, [.class("streets")], paths.map { kind, data -> Markup in
            Markup.el(.path, [.class("street", "street-\(Self.className(kind))"), MarkupAttribute(.d, data.text)])
        })
    }

    static func className(_ kind: RoadStreetKind) -> String {
        switch kind {
        case .path: "path"
        case .street: "minor"
        case .major: "major"
        }
    }
}

/// The base layer without streets: light lines every round fraction of a degree, labelled.
public enum Graticule {
    public static func markup(box: MapBox, projection: MapProjection) -> Markup {
        let corner = projection.location(of: MapPoint(x: box.minX, y: box.maxY))
        let opposite = projection.location(of: MapPoint(x: box.maxX, y: box.minY))
        let span = max(opposite.latitude - corner.latitude, opposite.longitude - corner.longitude)
        let step = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1].first { span / $0 <= 12 } ?? 1
        var data = MapPathData()
        var labels: [Markup] = []
        var latitude = (corner.latitude / step).rounded(.up) * step
        while latitude <= opposite.latitude {
            let west = projection.point(latitude: latitude, longitude: corner.longitude)
            let east = projection.point(latitude: latitude, longitude: opposite.longitude)
            data.add([west, east])
            labels.append(label(String(format: "%.3f°N", latitude), at: west))
            latitude += step
        }
        var longitude = (corner.longitude / step).rounded(.up) * step
        while longitude <= opposite.longitude {
            let south = projection.point(latitude: corner.latitude, longitude: longitude)
            let north = projection.point(latitude: opposite.latitude, longitude: longitude)
            data.add([south, north])
            labels.append(label(String(format: "%.3f°E", longitude), at: south))
            longitude += step
        }
        return .el(.g, [.class("graticule")], [.el(.path, [MarkupAttribute(.d, data.text)])] + labels)
    }

    private static func label(_ text: String, at point: MapPoint) -> Markup {
        .el(.text, [MarkupAttribute(.x, MapNumber.text(point.x + 2)), MarkupAttribute(.y, MapNumber.text(point.y - 2))], text: text)
    }
}
