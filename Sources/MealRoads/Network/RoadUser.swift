import Foundation

/// Who travels on the streets. Each has its own rules (see `RoadProfiles`).
/// - `foot`: an independent diner, the pickup pace, a courier on foot;
/// - `walker`: a diner with a walking frame (never on steps);
/// - `wheelchair`: a diner in a wheelchair (never on steps, nor on ways tagged `wheelchair=no`);
/// - `cycle`: bicycle, e-bike and tricycle couriers;
/// - `car`: car couriers.
public enum RoadUser: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable {
    case foot, walker, wheelchair, cycle, car

    /// This user's bit in a segment's per-direction access mask.
    @inlinable public var bit: UInt8 {
        switch self {
        case .foot: 1
        case .walker: 2
        case .wheelchair: 4
        case .cycle: 8
        case .car: 16
        }
    }

    /// How an operator reads this user in a sentence ("a wheelchair user").
    public var wording: String {
        switch self {
        case .foot: "on foot"
        case .walker: "with a walking frame"
        case .wheelchair: "in a wheelchair"
        case .cycle: "by bicycle"
        case .car: "by car"
        }
    }
}

/// A place given by latitude and longitude in degrees (WGS 84, as in OpenStreetMap).
public struct RoadPoint: Equatable, Hashable, Codable, Sendable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// The smallest latitude/longitude box holding a network's nodes.
public struct RoadBounds: Equatable, Codable, Sendable {
    public var minLatitude: Double
    public var minLongitude: Double
    public var maxLatitude: Double
    public var maxLongitude: Double

    public init(minLatitude: Double, minLongitude: Double, maxLatitude: Double, maxLongitude: Double) {
        self.minLatitude = minLatitude
        self.minLongitude = minLongitude
        self.maxLatitude = maxLatitude
        self.maxLongitude = maxLongitude
    }

    public func contains(_ point: RoadPoint) -> Bool {
        point.latitude >= minLatitude && point.latitude <= maxLatitude
            && point.longitude >= minLongitude && point.longitude <= maxLongitude
    }
}

/// Distances on the Earth. The same sphere as the straight-line travel model, so a network and
/// the ruler agree on what a metre is.
public enum RoadGeometry {
    /// Mean Earth radius (IUGG), metres.
    public static let earthRadiusMetres = 6_371_008.8
    static let metresPerDegree = earthRadiusMetres * Double.pi / 180

    /// Great-circle distance in metres (haversine).
    public static func haversineMetres(_ a: RoadPoint, _ b: RoadPoint) -> Double {
        let toRadians = Double.pi / 180
        let dLat = (b.latitude - a.latitude) * toRadians
        let dLon = (b.longitude - a.longitude) * toRadians
        let sinLat = sin(dLat / 2), sinLon = sin(dLon / 2)
        let h = sinLat * sinLat + cos(a.latitude * toRadians) * cos(b.latitude * toRadians) * sinLon * sinLon
        return 2 * earthRadiusMetres * asin(min(1, h.squareRoot()))
    }

    /// Metres rounded to whole centimetres, the unit every network length is kept in.
    public static func centimetres(_ metres: Double) -> Int {
        Int((metres * 100).rounded())
    }
}
