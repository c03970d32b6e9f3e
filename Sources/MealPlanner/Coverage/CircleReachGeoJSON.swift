import Foundation
import MealCore

/// A circle on the streets as GeoJSON (RFC 7946, coordinates `[lon, lat]`): one LineString per
/// street stretch with `from_seconds`/`to_seconds`, one Point per diner inside (`id`, `mobility`,
/// `seconds`), and the canteen as a Point. Documented in docs/formats.md.
public struct CircleReachGeoJSON: Codable, Equatable, Sendable {
    public typealias Geometry = GeoJSON.Geometry
    public typealias Feature = GeoJSON.Feature<Properties>

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
            geometry: .point(at: reach.canteen.location),
            properties: Properties(kind: "canteen", id: reach.canteen.id.rawValue))]
        for street in reach.streets {
            features.append(Feature(
                geometry: .lineString([GeoJSON.Position(street.from), GeoJSON.Position(street.to)]),
                properties: Properties(kind: "street", fromSeconds: street.fromSeconds, toSeconds: street.toSeconds)))
        }
        for diner in reach.diners {
            features.append(Feature(
                geometry: .point(at: diner.location),
                properties: Properties(kind: "diner", id: diner.id.rawValue, mobility: diner.mobility.rawValue,
                                       seconds: diner.seconds)))
        }
        self.features = features
    }
}
