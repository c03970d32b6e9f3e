import Foundation
import MealCore

/// Who makes a trip, as an operator names them: a diner at their pace, the pickup pace (a family
/// member collecting), or a courier by vehicle.
public enum Traveller: String, CaseIterable, Sendable, Codable {
    case independent, walker, wheelchair, bedridden, pickup, walk, bicycle, ebike, tricycle, car

    public var mode: TravelMode {
        switch self {
        case .independent: .walking(.independent)
        case .walker: .walking(.walker)
        case .wheelchair: .walking(.wheelchair)
        case .bedridden: .walking(.bedridden)
        case .pickup: .walking(.independent)
        case .walk: .courier(.walk)
        case .bicycle: .courier(.bicycle)
        case .ebike: .courier(.ebike)
        case .tricycle: .courier(.tricycle)
        case .car: .courier(.car)
        }
    }

    /// Who, in a sentence: "a walker user on foot", "a courier by ebike".
    public var words: String {
        switch self {
        case .independent: "an independent diner on foot"
        case .walker: "a diner with a walker"
        case .wheelchair: "a diner in a wheelchair"
        case .bedridden: "a bedridden diner"
        case .pickup: "someone collecting a meal on foot"
        case .walk: "a courier on foot"
        case .bicycle, .ebike, .tricycle, .car: "a courier by \(rawValue)"
        }
    }
}

/// One trip as `mealcli travel` reports it. JSON (docs/formats.md): `seconds`, `meters`,
/// `model`, `snap_from_m`, `snap_to_m`, `reason`; `seconds` and `meters` are null with a
/// `reason` when the trip cannot be made, and `reason` is null when it can.
public struct TravelAnswer: Sendable, Equatable, Codable {
    public var seconds: Int?
    public var meters: Double?
    public var model: TravelModelKind
    /// How far each end is from the way the trip starts or ends on (0 on the straight line).
    public var snapFromMetres: Double
    public var snapToMetres: Double
    public var reason: String?

    enum CodingKeys: String, CodingKey {
        case seconds, meters, model, reason
        case snapFromMetres = "snap_from_m"
        case snapToMetres = "snap_to_m"
    }

    // Every field is written, null included, so programs read the same shape either way.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(seconds, forKey: .seconds)
        try container.encode(meters, forKey: .meters)
        try container.encode(model, forKey: .model)
        try container.encode(snapFromMetres, forKey: .snapFromMetres)
        try container.encode(snapToMetres, forKey: .snapToMetres)
        try container.encode(reason, forKey: .reason)
    }

    /// Asks `model` for the trip and says why not when it cannot be made.
    public init(from origin: GeoPoint, to destination: GeoPoint, as traveller: Traveller, model: any TravelModel) {
        if let network = model as? NetworkTravelModel {
            self.init(from: origin, to: destination, as: traveller, network: network)
        } else {
            self.init(from: origin, to: destination, as: traveller, anyModel: model)
        }
    }

    /// Any model, through the protocol: off-network ends, then the time.
    init(from origin: GeoPoint, to destination: GeoPoint, as traveller: Traveller, anyModel model: any TravelModel) {
        self.model = model.identity.kind
        let mode = traveller.mode
        let start = model.placement(of: origin, by: mode), end = model.placement(of: destination, by: mode)
        snapFromMetres = Self.snap(start)
        snapToMetres = Self.snap(end)
        seconds = nil
        meters = nil
        if case .offNetwork(let limit) = start {
            reason = "no street usable by \(traveller.words) within \(Int(limit.rounded())) m of the start"
        } else if case .offNetwork(let limit) = end {
            reason = "no street usable by \(traveller.words) within \(Int(limit.rounded())) m of the destination"
        } else if let seconds = model.seconds(from: origin, to: destination, by: mode) {
            self.seconds = seconds
            meters = (model.metres(from: origin, to: destination) * 10).rounded() / 10
            reason = nil
        } else if traveller == .bedridden {
            reason = "a bedridden diner does not walk; meals come by courier"
        } else {
            reason = "no way usable by \(traveller.words) joins the two places"
        }
    }

    /// The trip on the streets: metres along them, the snap legs, and the search's own reason
    /// when it cannot be made.
    init(from origin: GeoPoint, to destination: GeoPoint, as traveller: Traveller, network: NetworkTravelModel) {
        model = .network
        snapFromMetres = 0
        snapToMetres = 0
        guard let journey = network.journey(from: origin, to: destination, by: traveller.mode) else {
            reason = "a bedridden diner does not walk; meals come by courier"
            return
        }
        switch journey {
        case .reached(let seconds, let metres, let snapFrom, let snapTo):
            self.seconds = seconds
            meters = (metres * 10).rounded() / 10
            snapFromMetres = (snapFrom * 10).rounded() / 10
            snapToMetres = (snapTo * 10).rounded() / 10
            reason = nil
        case .unreached(let why):
            let mode = traveller.mode
            snapFromMetres = Self.snap(network.placement(of: origin, by: mode))
            snapToMetres = Self.snap(network.placement(of: destination, by: mode))
            reason = why.description
        }
    }

    /// The answer as an operator reads it.
    public func text(from: GeoPoint, to: GeoPoint, as traveller: Traveller, model identity: TravelModelIdentity) -> String {
        let trip = "\(from.latitude),\(from.longitude) → \(to.latitude),\(to.longitude) as \(traveller.rawValue)"
        guard let seconds else {
            return "\(trip): cannot be made — \(reason ?? "no way")\nmodel: \(identity.description)"
        }
        return "\(trip): \(OperatorText.duration(seconds)) (\(seconds) s), " + String(format: "%.0f m", meters ?? 0)
            + String(format: "\nsnap: %.0f m at the start, %.0f m at the end", snapFromMetres, snapToMetres)
            + "\nmodel: \(identity.description)"
    }

    static func snap(_ placement: TravelPlacement) -> Double {
        switch placement {
        case .onNetwork(let metres): (metres * 10).rounded() / 10
        case .offNetwork: 0
        }
    }
}
