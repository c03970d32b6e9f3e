import Foundation

/// Where a point meets the network for one road user: the nearest point of a street segment
/// that user may travel.
public struct RoadSnap: Equatable, Sendable {
    /// Who the snap is for: another user may be snapped elsewhere (a wheelchair not onto steps).
    public let user: RoadUser
    /// The point on the street.
    public let point: RoadPoint
    /// The access leg in whole centimetres: great-circle distance from the asked point to `point`.
    public let centimetres: Int
    /// The street segment and how far along it (centimetres from its first node) the point lies.
    let segment: Int
    let position: Int

    /// The access leg in metres.
    public var distanceMetres: Double { Double(centimetres) / 100 }
}

/// Street segments filed by the grid cells their bounding box covers, so a snap looks at the
/// few cells around a point instead of every segment.
struct RoadSpatialGrid: Sendable {
    let originLatitude: Double, originLongitude: Double
    let cellLatitude: Double, cellLongitude: Double
    let columns: Int, rows: Int
    let cellStart: [Int32]
    let cellSegments: [Int32]

    init(network: RoadNetwork, cellMetres: Double = 100, maximumCells: Int = 4_000_000) {
        let bounds = network.bounds
        let latitudeCosine = max(0.01, cos((bounds.minLatitude + bounds.maxLatitude) / 2 * Double.pi / 180))
        let heightMetres = (bounds.maxLatitude - bounds.minLatitude) * RoadGeometry.metresPerDegree
        let widthMetres = (bounds.maxLongitude - bounds.minLongitude) * RoadGeometry.metresPerDegree * latitudeCosine
        let cell = max(cellMetres, ((heightMetres * widthMetres) / Double(maximumCells)).squareRoot())
        let cellLatitude = cell / RoadGeometry.metresPerDegree, cellLongitude = cellLatitude / latitudeCosine
        let rows = Int(heightMetres / cell) + 1, columns = Int(widthMetres / cell) + 1
        originLatitude = bounds.minLatitude
        originLongitude = bounds.minLongitude
        self.cellLatitude = cellLatitude
        self.cellLongitude = cellLongitude
        self.rows = rows
        self.columns = columns
        var start = [Int32](repeating: 0, count: rows * columns + 1)
        let nodes = network.nodes, segments = network.segments, unit = RoadNodeStore.unitsPerDegree
        func cells(_ segment: Int) -> (ClosedRange<Int>, ClosedRange<Int>) {
            let a = Int(segments.from[segment]), b = Int(segments.to[segment])
            func row(_ node: Int) -> Int {
                Int(((Double(nodes.latitudes[node]) / unit - bounds.minLatitude) / cellLatitude).rounded(.down))
            }
            func column(_ node: Int) -> Int {
                Int(((Double(nodes.longitudes[node]) / unit - bounds.minLongitude) / cellLongitude).rounded(.down))
            }
            return (max(0, min(row(a), row(b)))...min(rows - 1, max(row(a), row(b))),
                    max(0, min(column(a), column(b)))...min(columns - 1, max(column(a), column(b))))
        }
        for segment in 0..<segments.count {
            let (rowRange, columnRange) = cells(segment)
            for r in rowRange { for c in columnRange { start[r * columns + c + 1] += 1 } }
        }
        for index in 0..<(rows * columns) { start[index + 1] += start[index] }
        var filed = [Int32](repeating: 0, count: Int(start[rows * columns]))
        var next = start
        for segment in 0..<segments.count {
            let (rowRange, columnRange) = cells(segment)
            for r in rowRange {
                for c in columnRange {
                    filed[Int(next[r * columns + c])] = Int32(segment)
                    next[r * columns + c] += 1
                }
            }
        }
        cellStart = start
        cellSegments = filed
    }

    func row(_ latitude: Double) -> Int { Int(((latitude - originLatitude) / cellLatitude).rounded(.down)) }
    func column(_ longitude: Double) -> Int { Int(((longitude - originLongitude) / cellLongitude).rounded(.down)) }

    /// The nearest point, within `limitMetres`, of a segment `user` may travel in some direction.
    /// Cells are searched ring by ring outwards, stopping when no unseen segment can be nearer.
    func snap(_ point: RoadPoint, for user: RoadUser, limitMetres: Double, network: RoadNetwork) -> RoadSnap? {
        guard point.latitude.isFinite, point.longitude.isFinite else { return nil }
        let centreRow = row(point.latitude), centreColumn = column(point.longitude)
        let pointCosine = cos(point.latitude * Double.pi / 180)
        let ringMetres = min(cellLatitude, cellLongitude * pointCosine) * RoadGeometry.metresPerDegree * 0.999
        let scaleX = RoadGeometry.metresPerDegree * pointCosine, scaleY = RoadGeometry.metresPerDegree
        let nodes = network.nodes, segments = network.segments, unit = RoadNodeStore.unitsPerDegree
        var best: (squared: Double, segment: Int, fraction: Double)?
        var ring = 0
        while true {
            for r in (centreRow - ring)...(centreRow + ring) where r >= 0 && r < rows {
                let edge = r == centreRow - ring || r == centreRow + ring
                let step = edge ? 1 : 2 * ring
                var c = centreColumn - ring
                while c <= centreColumn + ring {
                    defer { c += max(1, step) }
                    guard c >= 0 && c < columns else { continue }
                    let cell = r * columns + c
                    for slot in Int(cellStart[cell])..<Int(cellStart[cell + 1]) {
                        let segment = Int(cellSegments[slot])
                        guard segments.users(segment) & user.bit != 0 else { continue }
                        let a = Int(segments.from[segment]), b = Int(segments.to[segment])
                        let ax = (Double(nodes.longitudes[a]) / unit - point.longitude) * scaleX
                        let ay = (Double(nodes.latitudes[a]) / unit - point.latitude) * scaleY
                        let bx = (Double(nodes.longitudes[b]) / unit - point.longitude) * scaleX
                        let by = (Double(nodes.latitudes[b]) / unit - point.latitude) * scaleY
                        let dx = bx - ax, dy = by - ay, lengthSquared = dx * dx + dy * dy
                        let fraction = lengthSquared > 0 ? min(1, max(0, -(ax * dx + ay * dy) / lengthSquared)) : 0
                        let x = ax + fraction * dx, y = ay + fraction * dy
                        let squared = x * x + y * y
                        if best == nil || squared < best!.squared || (squared == best!.squared && segment < best!.segment) {
                            best = (squared, segment, fraction)
                        }
                    }
                }
            }
            let cleared = Double(ring) * ringMetres
            if let best, best.squared <= cleared * cleared { break }
            if cleared > limitMetres * 1.01 { break }
            ring += 1
        }
        guard let best else { return nil }
        let a = nodes.point(Int(segments.from[best.segment])), b = nodes.point(Int(segments.to[best.segment]))
        let onStreet = RoadPoint(
            latitude: a.latitude + best.fraction * (b.latitude - a.latitude),
            longitude: a.longitude + best.fraction * (b.longitude - a.longitude))
        let centimetres = RoadGeometry.centimetres(RoadGeometry.haversineMetres(point, onStreet))
        guard Double(centimetres) <= limitMetres * 100 else { return nil }
        let position = Int((Double(segments.centimetres[best.segment]) * best.fraction).rounded())
        return RoadSnap(user: user, point: onStreet, centimetres: centimetres, segment: best.segment, position: position)
    }
}
