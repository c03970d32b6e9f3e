import Foundation
import MealCore

/// A circle on the streets as GeoJSON (RFC 7946, coordinates `[lon, lat]`): one LineString per
/// street stretch with `from_seconds`/`to_seconds`, one Point per diner inside (`id`, `mobility`,
/// `seconds`), and the canteen as a Point. Documented in docs/formats.md.
public struct CircleReachGeoJSON: Codable, Equatable, Sendable {
    public struct Geometry: Codable, Equatable, Sendable {
        public var type: String
        /// `[lon, lat]` for a Point; a list of them for a LineString (decoded as such).
        public var coordinates: Coordinates

        public enum Coordinates: Codable, Equatable, Sendable {
            case point([Double])
            case line([[Double]])

            public init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let line = try? container.decode([[Double]].self) {
                    self = .line(line)
                } else {
                    self = .point(try container.decode([Double].self))
                }
            }

            public func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                switch self {
                case .point(let point): try container.encode(point)
                case .line(let line): try container.encode(line)
                }
            }
        }
    }

    public struct Properties: Codable, Equatable, Sendable {
        /// `street`, `diner` or `canteen`.
        public var kind: String
        public var fromSeconds: Int?
        public var toSeconds: Int?
        public var id: String?
        public var mobility: String?
        public var seconds: Int?

        enum CodingKeys: String, CodingKey {
            case kind, id, mobility, seconds
            case fromSeconds = "from_seconds"
            case toSeconds = "to_seconds"
        }
    }

    public struct Feature: Codable, Equatable, Sendable {
        public var type = "Feature"
        public var geometry: Geometry
        public var properties: Properties
    }

    public struct Summary: Codable, Equatable, Sendable {
        public var canteen: String
        public var pace: String
        public var radiusSeconds: Int
        public var model: TravelModelIdentity
        public var segments: Int
        public var streetKm: Double
        public var diners: Int
        public var reason: String?

        enum CodingKeys: String, CodingKey {
            case canteen, pace, model, segments, diners, reason
            case radiusSeconds = "radius_seconds"
            case streetKm = "street_km"
        }
    }

    public var type = "FeatureCollection"
    /// What the collection shows (a foreign member, which GeoJSON readers ignore).
    public var summary: Summary
    public var features: [Feature]

    public init(_ reach: CircleReach) {
        summary = Summary(
            canteen: reach.canteen.id.rawValue, pace: reach.traveller.rawValue, radiusSeconds: reach.radiusSeconds,
            model: reach.identity, segments: reach.streets.count,
            streetKm: (reach.streetKilometres * 1000).rounded() / 1000, diners: reach.diners.count, reason: reach.reason)
        var features = [Feature(
            geometry: Self.point(reach.canteen.location),
            properties: Properties(kind: "canteen", id: reach.canteen.id.rawValue))]
        for street in reach.streets {
            features.append(Feature(
                geometry: Geometry(type: "LineString", coordinates: .line([Self.position(street.from), Self.position(street.to)])),
                properties: Properties(kind: "street", fromSeconds: street.fromSeconds, toSeconds: street.toSeconds)))
        }
        for diner in reach.diners {
            features.append(Feature(
                geometry: Self.point(diner.location),
                properties: Properties(kind: "diner", id: diner.id.rawValue, mobility: diner.mobility.rawValue,
                                       seconds: diner.seconds)))
        }
        self.features = features
    }

    static func position(_ point: GeoPoint) -> [Double] { [point.longitude, point.latitude] }

    static func point(_ location: GeoPoint) -> Geometry {
        Geometry(type: "Point", coordinates: .point(position(location)))
    }
}
