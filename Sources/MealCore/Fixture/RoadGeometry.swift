import Foundation

/// A point in the road generator's street frame: metres from the district centre along the axes
/// of the street grid, which is turned `RoadFrame.angle` from east–north (towns lay their grids
/// along the river, not along the meridian).
struct GridPoint: Hashable, Sendable {
    var x: Double
    var y: Double

    static func - (a: GridPoint, b: GridPoint) -> GridPoint { GridPoint(x: a.x - b.x, y: a.y - b.y) }
    static func + (a: GridPoint, b: GridPoint) -> GridPoint { GridPoint(x: a.x + b.x, y: a.y + b.y) }
    static func * (a: GridPoint, k: Double) -> GridPoint { GridPoint(x: a.x * k, y: a.y * k) }

    var length: Double { (x * x + y * y).squareRoot() }

    func distance(to other: GridPoint) -> Double { (self - other).length }

    /// The point `fraction` of the way from `self` to `other`.
    func toward(_ other: GridPoint, _ fraction: Double) -> GridPoint { self + (other - self) * fraction }
}

/// Turns the street frame into the generator's east–north plane and into degrees.
enum RoadFrame {
    /// About 14°: the grid runs east-north-east, roughly along the Xin River.
    static let angle = 0.24
    static let cosine = cos(angle)
    static let sine = sin(angle)

    static func grid(_ point: PlanePoint) -> GridPoint {
        GridPoint(x: point.east * cosine + point.north * sine, y: -point.east * sine + point.north * cosine)
    }

    static func plane(_ point: GridPoint) -> PlanePoint {
        PlanePoint(east: point.x * cosine - point.y * sine, north: point.x * sine + point.y * cosine)
    }

    /// Where a generated home or canteen is, back on the plane it was drawn on.
    static func grid(_ point: GeoPoint) -> GridPoint {
        grid(PlanePoint(east: (point.longitude - YuehuGeography.centreLongitude) * YuehuGeography.metresPerDegreeLongitude,
                        north: (point.latitude - YuehuGeography.centreLatitude) * YuehuGeography.metresPerDegreeLatitude))
    }

    /// Latitude and longitude rounded to 1e-7 degrees, the precision OpenStreetMap stores.
    static func degrees(_ point: GridPoint) -> (latitude: Double, longitude: Double) {
        let plane = plane(point)
        let latitude = YuehuGeography.centreLatitude + plane.north / YuehuGeography.metresPerDegreeLatitude
        let longitude = YuehuGeography.centreLongitude + plane.east / YuehuGeography.metresPerDegreeLongitude
        return ((latitude * 1e7).rounded() / 1e7, (longitude * 1e7).rounded() / 1e7)
    }
}

enum RoadGeometry {
    /// The fraction along `a`–`b` at which it properly crosses `c`–`d` (touching at an end does
    /// not count), with the sine of the angle between them; nil when they do not cross.
    static func crossing(_ a: GridPoint, _ b: GridPoint, _ c: GridPoint, _ d: GridPoint)
        -> (fraction: Double, sine: Double)? {
        let r = b - a, s = d - c
        let denominator = r.x * s.y - r.y * s.x
        guard abs(denominator) > 1e-9 else { return nil }
        let q = c - a
        let t = (q.x * s.y - q.y * s.x) / denominator
        let u = (q.x * r.y - q.y * r.x) / denominator
        guard t > 1e-9, t < 1 - 1e-9, u > 1e-9, u < 1 - 1e-9 else { return nil }
        return (t, abs(denominator) / (r.length * s.length))
    }

    /// The nearest point of segment `a`–`b` to `p`, as a fraction along it, and its distance.
    static func nearest(on a: GridPoint, _ b: GridPoint, to p: GridPoint) -> (fraction: Double, distance: Double) {
        let r = b - a
        let squared = r.x * r.x + r.y * r.y
        guard squared > 0 else { return (0, p.distance(to: a)) }
        let t = min(1, max(0, ((p.x - a.x) * r.x + (p.y - a.y) * r.y) / squared))
        return (t, p.distance(to: a.toward(b, t)))
    }
}

/// A river or railway drawn as a polyline whose x only increases, so that the few of its
/// segments near a street are found by bisection instead of a scan.
struct Barrier: Sendable {
    var points: [GridPoint]

    /// Where `a`–`b` crosses the barrier: fraction along `a`–`b`, the barrier segment crossed and
    /// the sine of the crossing angle, in order along `a`–`b`.
    func crossings(from a: GridPoint, to b: GridPoint) -> [(fraction: Double, segment: Int, sine: Double)] {
        let low = min(a.x, b.x), high = max(a.x, b.x)
        var found: [(fraction: Double, segment: Int, sine: Double)] = []
        var index = firstSegment(reaching: low)
        while index < points.count - 1, points[index].x <= high {
            if let hit = RoadGeometry.crossing(a, b, points[index], points[index + 1]) {
                found.append((hit.fraction, index, hit.sine))
            }
            index += 1
        }
        return found.sorted { $0.fraction < $1.fraction }
    }

    func crosses(_ a: GridPoint, _ b: GridPoint) -> Bool { !crossings(from: a, to: b).isEmpty }

    /// The barrier's y at `x` (clamped to its ends).
    func y(at x: Double) -> Double {
        let index = min(firstSegment(reaching: x), points.count - 2)
        let a = points[index], b = points[index + 1]
        let t = min(1, max(0, (x - a.x) / (b.x - a.x)))
        return a.y + (b.y - a.y) * t
    }

    /// Distance from `p` to the barrier, looking only at segments within `reach` in x.
    func distance(to p: GridPoint, reach: Double) -> Double {
        var best = Double.infinity
        var index = firstSegment(reaching: p.x - reach)
        while index < points.count - 1, points[index].x <= p.x + reach {
            best = min(best, RoadGeometry.nearest(on: points[index], points[index + 1], to: p).distance)
            index += 1
        }
        return best
    }

    /// The first segment whose far end reaches `x`.
    private func firstSegment(reaching x: Double) -> Int {
        var low = 0, high = max(0, points.count - 2)
        while low < high {
            let middle = (low + high) / 2
            if points[middle + 1].x < x { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
