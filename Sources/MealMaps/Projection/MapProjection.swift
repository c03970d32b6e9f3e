import Foundation

/// A point in the map's drawing units (SVG user units): x to the east, y to the south.
public struct MapPoint: Equatable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A box in drawing units.
public struct MapBox: Equatable, Sendable {
    public var minX: Double, minY: Double, maxX: Double, maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        (self.minX, self.minY, self.maxX, self.maxY) = (minX, minY, maxX, maxY)
    }

    /// The smallest box around `points`; nil for none.
    public init?(around points: [MapPoint]) {
        guard let first = points.first else { return nil }
        var box = MapBox(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
        for point in points.dropFirst() {
            box.minX = min(box.minX, point.x)
            box.minY = min(box.minY, point.y)
            box.maxX = max(box.maxX, point.x)
            box.maxY = max(box.maxY, point.y)
        }
        self = box
    }

    public var width: Double { maxX - minX }
    public var height: Double { maxY - minY }

    /// Grown by `margin` units on every side, and to at least `minimum` units across.
    public func padded(_ margin: Double, minimum: Double = 0) -> MapBox {
        let growX = max(margin, (minimum - width) / 2), growY = max(margin, (minimum - height) / 2)
        return MapBox(minX: minX - growX, minY: minY - growY, maxX: maxX + growX, maxY: maxY + growY)
    }

    /// `x y width height`, as SVG's `viewBox` reads it.
    public var viewBox: String {
        [minX, minY, width, height].map(MapNumber.text).joined(separator: " ")
    }
}

/// Latitude and longitude to drawing units by a local equirectangular projection: true to scale
/// around the district's centre (a district is a few kilometres across, where the error is far
/// below a dot's size), north up, one unit `metresPerUnit` metres.
public struct MapProjection: Sendable {
    public let centreLatitude: Double
    public let centreLongitude: Double
    public let metresPerUnit: Double
    private let metresPerDegreeLatitude: Double
    private let metresPerDegreeLongitude: Double

    static let earthRadiusMetres = 6_371_008.8

    /// Fits the box of `latitudes`/`longitudes` into `across` units along its longer side.
    public init(minLatitude: Double, maxLatitude: Double, minLongitude: Double, maxLongitude: Double, across: Double = 1000) {
        centreLatitude = (minLatitude + maxLatitude) / 2
        centreLongitude = (minLongitude + maxLongitude) / 2
        metresPerDegreeLatitude = Self.earthRadiusMetres * Double.pi / 180
        metresPerDegreeLongitude = metresPerDegreeLatitude * cos(centreLatitude * Double.pi / 180)
        let widthMetres = (maxLongitude - minLongitude) * metresPerDegreeLongitude
        let heightMetres = (maxLatitude - minLatitude) * metresPerDegreeLatitude
        // A single place still gets a map a kilometre across.
        metresPerUnit = max(widthMetres, heightMetres, 1000) / across
    }

    public func point(latitude: Double, longitude: Double) -> MapPoint {
        MapPoint(x: (longitude - centreLongitude) * metresPerDegreeLongitude / metresPerUnit,
                 y: (centreLatitude - latitude) * metresPerDegreeLatitude / metresPerUnit)
    }

    /// Drawing units for a distance on the ground.
    public func units(metres: Double) -> Double { metres / metresPerUnit }

    /// Latitude and longitude of a drawing point (for the graticule's labels).
    public func location(of point: MapPoint) -> (latitude: Double, longitude: Double) {
        (centreLatitude - point.y * metresPerUnit / metresPerDegreeLatitude,
         centreLongitude + point.x * metresPerUnit / metresPerDegreeLongitude)
    }
}

/// Numbers as the page writes them: one decimal of a drawing unit (a metre or two on a district
/// map), without a trailing `.0`, which keeps the city's map small.
public enum MapNumber {
    public static func text(_ value: Double) -> String { MapPathData.tenthsText(tenths(value)) }

    public static func tenths(_ value: Double) -> Int { Int((value * 10).rounded()) }
}

/// The `d` attribute of an SVG path, made of numbers only: an absolute move to each line's
/// start, then relative steps in tenths of a unit (rounded once, so the errors never add up).
public struct MapPathData: Sendable {
    public private(set) var text = ""

    public init() {}

    /// Adds a line through `points`; `closed` joins the last point to the first. Points that
    /// round to the same tenth as the one before are dropped.
    public mutating func add(_ points: [MapPoint], closed: Bool = false) {
        guard let first = points.first else { return }
        var previous = (MapNumber.tenths(first.x), MapNumber.tenths(first.y))
        var steps = ""
        for point in points.dropFirst() {
            let current = (MapNumber.tenths(point.x), MapNumber.tenths(point.y))
            if current == previous { continue }
            steps += (steps.isEmpty ? "l" : " ") + Self.tenthsText(current.0 - previous.0) + " " + Self.tenthsText(current.1 - previous.1)
            previous = current
        }
        guard !steps.isEmpty || closed else { return }
        text += "M" + Self.tenthsText(MapNumber.tenths(first.x)) + " " + Self.tenthsText(MapNumber.tenths(first.y)) + steps
        if closed { text += "z" }
    }

    public var isEmpty: Bool { text.isEmpty }

    static func tenthsText(_ tenths: Int) -> String {
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
