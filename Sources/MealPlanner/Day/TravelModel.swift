import MealCore

/// How someone gets from one place to another.
public enum TravelMode: Hashable, Sendable {
    /// A diner on foot at their own pace.
    case walking(Mobility)
    case courier(VehicleKind)
}

/// Answers "how many seconds from A to B by this mode". The planner asks only this, so a model
/// backed by a road-network travel-time matrix (OSRM, Valhalla) can replace the default.
public protocol TravelModel: Sendable {
    /// Whole seconds, or nil when the mode cannot make the trip (a bedridden diner walking).
    func seconds(from origin: GeoPoint, to destination: GeoPoint, by mode: TravelMode) -> Int?
    /// Metres along the way, for reports.
    func metres(from origin: GeoPoint, to destination: GeoPoint) -> Double
}

/// The default model: great-circle distance × a circuity factor, at a constant speed per mode.
public struct GreatCircleTravelModel: TravelModel {
    public let parameters: PlanningParameters
    private let walkSpeeds: [Mobility: Double]
    private let courierSpeeds: [VehicleKind: Double]

    public init(parameters: PlanningParameters = .standard) {
        self.parameters = parameters
        var walk: [Mobility: Double] = [:]
        for mobility in Mobility.allCases { walk[mobility] = parameters.walkingSpeed(for: mobility) }
        walkSpeeds = walk
        courierSpeeds = Dictionary(uniqueKeysWithValues: VehicleKind.allCases.map { ($0, parameters.speed(of: $0)) })
    }

    public func metres(from origin: GeoPoint, to destination: GeoPoint) -> Double {
        origin.greatCircleMetres(to: destination) * parameters.circuity
    }

    public func seconds(from origin: GeoPoint, to destination: GeoPoint, by mode: TravelMode) -> Int? {
        let speed: Double?
        switch mode {
        case .walking(let mobility): speed = walkSpeeds[mobility]
        case .courier(let vehicle): speed = courierSpeeds[vehicle]
        }
        guard let speed, speed > 0 else { return nil }
        return Int((metres(from: origin, to: destination) / speed).rounded())
    }
}
