import Foundation

/// What a street is on a map: the network keeps who may use a way and the car speed, not the
/// `highway` tag, so the kind is read from those.
public enum RoadStreetKind: Int, CaseIterable, Comparable, Sendable {
    /// No car may use it: footways, paths, steps, pedestrian streets.
    case path
    /// Cars may use it at under 40 km/h: residential and service streets.
    case street
    /// Cars may use it at 40 km/h or more: tertiary roads and above.
    case major

    public static func < (lhs: RoadStreetKind, rhs: RoadStreetKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One street segment for drawing: its two graph nodes and its kind.
public struct RoadStreetSegment: Equatable, Sendable {
    public var from: Int
    public var to: Int
    public var kind: RoadStreetKind

    public init(from: Int, to: Int, kind: RoadStreetKind) {
        self.from = from
        self.to = to
        self.kind = kind
    }
}

extension RoadNetwork {
    /// Every street segment with its kind, in the network's order (a map's base layer).
    public var streetSegments: [RoadStreetSegment] {
        let car = RoadUser.car.bit
        return (0..<segments.count).map { index in
            let kind: RoadStreetKind = segments.users(index) & car == 0 ? .path : segments.carKmh[index] >= 40 ? .major : .street
            return RoadStreetSegment(from: Int(segments.from[index]), to: Int(segments.to[index]), kind: kind)
        }
    }
}
