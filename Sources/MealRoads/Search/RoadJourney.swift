import Foundation

/// Why a journey has no time.
public enum RoadUnreachedReason: Equatable, Sendable, CustomStringConvertible {
    /// The origin has no way this user may take within the snap distance.
    case originNotNearRoad(user: RoadUser, limitMetres: Double)
    /// The destination has no way this user may take within the snap distance.
    case destinationNotNearRoad(user: RoadUser, limitMetres: Double)
    /// Both ends are on the network but no path joins them (a river without a bridge this user may cross).
    case noPath(user: RoadUser)
    /// The destination is further than the time limit of the search.
    case beyondLimit(limitSeconds: Int)

    public var description: String {
        switch self {
        case .originNotNearRoad(let user, let limit):
            "the origin has no way usable \(user.wording) within \(Self.metres(limit)) m"
        case .destinationNotNearRoad(let user, let limit):
            "the destination has no way usable \(user.wording) within \(Self.metres(limit)) m"
        case .noPath(let user):
            "no street path \(user.wording) joins the two places"
        case .beyondLimit(let limit):
            "more than \(limit) s away on the streets"
        }
    }

    private static func metres(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

/// A journey on the streets between two places, or why there is none.
public enum RoadJourney: Equatable, Sendable {
    /// Seconds door to door; metres = access leg at the origin + along the ways + access leg at
    /// the destination (each in whole centimetres).
    case reached(seconds: Int, metres: Double, snapFromMetres: Double, snapToMetres: Double)
    case unreached(RoadUnreachedReason)

    public var seconds: Int? {
        if case .reached(let seconds, _, _, _) = self { return seconds }
        return nil
    }

    public var metres: Double? {
        if case .reached(_, let metres, _, _) = self { return metres }
        return nil
    }

    public var reason: RoadUnreachedReason? {
        if case .unreached(let reason) = self { return reason }
        return nil
    }
}

/// A street segment inside a time limit, with the seconds at each end. A segment only partly
/// inside ends where the limit is reached, with the limit as its time.
public struct RoadReachSegment: Equatable, Sendable {
    public var from: RoadPoint
    public var to: RoadPoint
    public var fromSeconds: Int
    public var toSeconds: Int

    public init(from: RoadPoint, to: RoadPoint, fromSeconds: Int, toSeconds: Int) {
        self.from = from
        self.to = to
        self.fromSeconds = fromSeconds
        self.toSeconds = toSeconds
    }
}

/// What lies within a time limit of a place on the streets.
public struct RoadReach: Equatable, Sendable {
    /// Where the origin met the streets; nil when it has no usable way within the snap distance.
    public var origin: RoadSnap?
    public var segments: [RoadReachSegment]
    /// Why nothing is reached, when the origin is off the network.
    public var reason: RoadUnreachedReason?
}
