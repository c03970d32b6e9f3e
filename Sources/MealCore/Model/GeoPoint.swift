import Foundation

/// A WGS84 position in decimal degrees.
public struct GeoPoint: Hashable, Codable, Sendable {
    public let latitude: Double
    public let longitude: Double

    public init(latitude: Double, longitude: Double) throws {
        guard latitude.isFinite, (-90.0...90.0).contains(latitude) else {
            throw DomainError(field: "lat", "latitude must be between -90 and 90", value: "\(latitude)")
        }
        guard longitude.isFinite, (-180.0...180.0).contains(longitude) else {
            throw DomainError(field: "lon", "longitude must be between -180 and 180", value: "\(longitude)")
        }
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Mean Earth radius (IUGG), the figure the travel model is specified with.
    public static let earthRadiusMetres = 6_371_008.8

    /// Great-circle distance by the haversine formula.
    public func greatCircleMetres(to other: GeoPoint) -> Double {
        let toRadians = Double.pi / 180
        let phi1 = latitude * toRadians, phi2 = other.latitude * toRadians
        let dPhi = (other.latitude - latitude) * toRadians
        let dLambda = (other.longitude - longitude) * toRadians
        let a = sin(dPhi / 2) * sin(dPhi / 2) + cos(phi1) * cos(phi2) * sin(dLambda / 2) * sin(dLambda / 2)
        return 2 * GeoPoint.earthRadiusMetres * asin(min(1, a.squareRoot()))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(latitude: container.decode(Double.self, forKey: .latitude),
                      longitude: container.decode(Double.self, forKey: .longitude))
    }
}
