import MealCore

/// How someone gets from one place to another.
public enum TravelMode: Hashable, Sendable {
    /// A diner on foot at their own pace.
    case walking(Mobility)
    case courier(VehicleKind)
}

/// Where a place joins the travel model for one mode.
public enum TravelPlacement: Sendable, Equatable {
    /// The place joins the ways usable by the mode `snapMetres` away (0 on the straight line).
    case onNetwork(snapMetres: Double)
    /// No way usable by the mode lies within `limitMetres` of the place: nobody of that mode
    /// can start or end a trip there.
    case offNetwork(limitMetres: Double)

    public var isOnNetwork: Bool {
        if case .onNetwork = self { return true }
        return false
    }
}

/// Answers "how many seconds from A to B by this mode". The planner asks only this, so a model
/// backed by a road network (issue 13) can replace the default.
///
/// The batched requirements exist because a network model answers a one-to-many question with
/// one search, while the same question asked pair by pair costs one search per pair. Their
/// default implementations ask `seconds(from:to:by:)` pair by pair in the same direction, so a
/// model that does not implement them gives exactly the same figures.
public protocol TravelModel: Sendable {
    /// Which model this is, as plans record it.
    var identity: TravelModelIdentity { get }
    /// Whole seconds, or nil when the mode cannot make the trip (a bedridden diner walking, a
    /// place with no usable way nearby, no path).
    func seconds(from origin: GeoPoint, to destination: GeoPoint, by mode: TravelMode) -> Int?
    /// Metres along the way, for reports.
    func metres(from origin: GeoPoint, to destination: GeoPoint) -> Double

    /// `seconds(from: origin, to: destinations[i], by: mode)` for each i. A trip longer than
    /// `limitSeconds` may come back nil (a bounded search stops there), or with its seconds.
    func seconds(from origin: GeoPoint, toEach destinations: [GeoPoint], by mode: TravelMode,
                 within limitSeconds: Int?) -> [Int?]
    /// `seconds(from: origins[i], to: destination, by: mode)` for each i: diners walking to one
    /// canteen, couriers' return legs. A network model answers it with one search from the
    /// destination: pedestrians may walk every way both ways, so their times are symmetric; a
    /// vehicle needs the search on the reversed one-way streets. Same limit rule as above.
    func seconds(fromEach origins: [GeoPoint], to destination: GeoPoint, by mode: TravelMode,
                 within limitSeconds: Int?) -> [Int?]
    /// Row i, column j: `seconds(from: points[i], to: points[j], by: mode)`; one row per search.
    /// A canteen's routing matrix (the canteen and its delivery diners).
    func secondsMatrix(among points: [GeoPoint], by mode: TravelMode) -> [[Int?]]
    /// Where `point` joins the ways usable by `mode`; a home off the network is reported to
    /// the operator with that reason rather than silently served or dropped.
    func placement(of point: GeoPoint, by mode: TravelMode) -> TravelPlacement
    /// Metres as the crow flies that no trip by `mode` of at most `seconds` can exceed, so a
    /// batched question can leave out places farther away; nil when the model cannot say.
    func crowFliesLimitMetres(within seconds: Int, by mode: TravelMode) -> Double?
}

extension TravelModel {
    public func seconds(from origin: GeoPoint, toEach destinations: [GeoPoint], by mode: TravelMode,
                        within limitSeconds: Int? = nil) -> [Int?] {
        destinations.map { seconds(from: origin, to: $0, by: mode) }
    }

    public func seconds(fromEach origins: [GeoPoint], to destination: GeoPoint, by mode: TravelMode,
                        within limitSeconds: Int? = nil) -> [Int?] {
        origins.map { seconds(from: $0, to: destination, by: mode) }
    }

    public func secondsMatrix(among points: [GeoPoint], by mode: TravelMode) -> [[Int?]] {
        points.map { seconds(from: $0, toEach: points, by: mode, within: nil) }
    }

    /// Every place is on the straight line.
    public func placement(of point: GeoPoint, by mode: TravelMode) -> TravelPlacement { .onNetwork(snapMetres: 0) }

    public func crowFliesLimitMetres(within seconds: Int, by mode: TravelMode) -> Double? { nil }
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

    public var identity: TravelModelIdentity { .straight }

    public func metres(from origin: GeoPoint, to destination: GeoPoint) -> Double {
        origin.greatCircleMetres(to: destination) * parameters.circuity
    }

    /// Metres per second of `mode`; nil or 0 when the mode cannot travel (a bedridden diner).
    public func speed(of mode: TravelMode) -> Double? {
        switch mode {
        case .walking(let mobility): walkSpeeds[mobility]
        case .courier(let vehicle): courierSpeeds[vehicle]
        }
    }

    public func seconds(from origin: GeoPoint, to destination: GeoPoint, by mode: TravelMode) -> Int? {
        guard let speed = speed(of: mode), speed > 0 else { return nil }
        return Int((metres(from: origin, to: destination) / speed).rounded())
    }
}
