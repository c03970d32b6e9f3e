import Foundation

/// The parts of GeoJSON (RFC 7946) the engine writes for GIS programs and maps: positions
/// `[longitude, latitude]` in WGS-84, the geometries it draws, and features whose properties are
/// a Codable type of the caller's (one struct per export, so every key is spelled once).
public enum GeoJSON {
    /// One position, `[longitude, latitude]`, rounded to 6 decimals (about 0.1 m): more digits
    /// say nothing about a home's place and only make the file larger.
    public struct Position: Codable, Equatable, Hashable, Sendable {
        public let longitude: Double
        public let latitude: Double

        public init(longitude: Double, latitude: Double) {
            self.longitude = Self.rounded(longitude)
            self.latitude = Self.rounded(latitude)
        }

        public init(_ point: GeoPoint) {
            self.init(longitude: point.longitude, latitude: point.latitude)
        }

        private static func rounded(_ degrees: Double) -> Double { (degrees * 1e6).rounded() / 1e6 }

        public init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            let longitude = try container.decode(Double.self)
            self.init(longitude: longitude, latitude: try container.decode(Double.self))
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            try container.encode(longitude)
            try container.encode(latitude)
        }
    }

    /// A geometry as `{"type": ..., "coordinates": ...}`, the nesting its type requires.
    public enum Geometry: Codable, Equatable, Sendable {
        case point(Position)
        case lineString([Position])
        case multiLineString([[Position]])
        /// The outer ring first; each ring closed (its last position is its first).
        case polygon([[Position]])

        public var type: String {
            switch self {
            case .point: "Point"
            case .lineString: "LineString"
            case .multiLineString: "MultiLineString"
            case .polygon: "Polygon"
            }
        }

        enum CodingKeys: String, CodingKey { case type, coordinates }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let type = try container.decode(String.self, forKey: .type)
            switch type {
            case "Point": self = .point(try container.decode(Position.self, forKey: .coordinates))
            case "LineString": self = .lineString(try container.decode([Position].self, forKey: .coordinates))
            case "MultiLineString": self = .multiLineString(try container.decode([[Position]].self, forKey: .coordinates))
            case "Polygon": self = .polygon(try container.decode([[Position]].self, forKey: .coordinates))
            default:
                throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "unknown geometry \(type)")
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(type, forKey: .type)
            switch self {
            case .point(let position): try container.encode(position, forKey: .coordinates)
            case .lineString(let line): try container.encode(line, forKey: .coordinates)
            case .multiLineString(let lines), .polygon(let lines): try container.encode(lines, forKey: .coordinates)
            }
        }

        public static func point(at location: GeoPoint) -> Geometry { .point(Position(location)) }

        /// A polygon of `sides` corners at `metres` around `centre` (a local flat approximation,
        /// exact enough for a circle of a few kilometres), closed, corners anticlockwise as
        /// RFC 7946 asks of an outer ring.
        public static func circle(around centre: GeoPoint, metres: Double, sides: Int = 64) -> Geometry {
            let metresPerDegree = 111_320.0
            let latitudeStep = metres / metresPerDegree
            let longitudeStep = latitudeStep / max(cos(centre.latitude * .pi / 180), 1e-6)
            var ring = (0..<sides).map { corner -> Position in
                let angle = 2 * Double.pi * Double(corner) / Double(sides)
                return Position(longitude: centre.longitude + longitudeStep * cos(angle),
                                latitude: centre.latitude + latitudeStep * sin(angle))
            }
            ring.append(ring[0])
            return .polygon([ring])
        }
    }

    public struct Feature<Properties: Codable & Equatable & Sendable>: Codable, Equatable, Sendable {
        public var type = "Feature"
        public var geometry: Geometry
        public var properties: Properties

        public init(geometry: Geometry, properties: Properties) {
            self.geometry = geometry
            self.properties = properties
        }
    }

    /// A FeatureCollection without foreign members (a document that has some, such as the reach
    /// circle's `summary`, declares its own top level with `Feature` inside).
    public struct FeatureCollection<Properties: Codable & Equatable & Sendable>: Codable, Equatable, Sendable {
        public var type = "FeatureCollection"
        public var features: [Feature<Properties>]

        public init(features: [Feature<Properties>]) { self.features = features }

        /// Pretty-printed with sorted keys, ending in a newline, as every JSON export.
        public func json() throws -> [UInt8] {
            Array(try JSONEncoder.sortedKeys(pretty: true).encode(self)) + Array("\n".utf8)
        }
    }
}
