import MealCore

/// Every figure the planner assumes about travel and service. They are settings, not constants:
/// read from a JSON file (`--parameters FILE`), overridable on the command line, and stored with
/// each plan so a printed roster can always be explained.
public struct PlanningParameters: Codable, Equatable, Sendable {
    /// Road distance ÷ great-circle distance; 1.3 is typical of Chinese urban street grids.
    public var circuity: Double = 1.3
    /// The service circle, in seconds ("15 minutes").
    public var radiusSeconds: Int = 900
    /// Walking speed in m/s by mobility. Bedridden diners never walk.
    public var walkSpeed: [String: Double] = ["independent": 1.0, "walker": 0.7, "wheelchair": 0.8]
    /// Courier speed in m/s by vehicle.
    public var courierSpeed: [String: Double] = ["walk": 1.2, "bicycle": 3.5, "ebike": 4.5, "tricycle": 3.0, "car": 6.5]
    /// Time at each door: handing over the meal and a short welfare check.
    public var serviceSeconds: Int = 120
    /// Longest a meal may spend in the box between leaving the kitchen and reaching the door.
    public var maxInBoxSeconds: Int = 2_700
    /// When meals are ready to leave the kitchen.
    public var readySeconds: Int = 10 * 3600 + 45 * 60
    /// The delivery window of diners who have not asked for one.
    public var defaultWindowStart: Int = 11 * 3600
    public var defaultWindowEnd: Int = 12 * 3600 + 30 * 60
    /// Delivery-capacity estimate for assignment: the time one trip takes is
    /// `2 × tripLegSeconds + capacity × (serviceSeconds + stopGapSeconds)`.
    public var tripLegSeconds: Int = 300
    public var stopGapSeconds: Int = 60

    public init() {}

    public static let standard = PlanningParameters()

    public func walkingSpeed(for mobility: Mobility) -> Double? {
        mobility == .bedridden ? nil : walkSpeed[mobility.rawValue]
    }

    public func speed(of vehicle: VehicleKind) -> Double {
        courierSpeed[vehicle.rawValue] ?? 1.0
    }

    /// Checks that every speed is present and positive, so a hand-edited file fails early.
    public func validated() throws -> PlanningParameters {
        guard circuity >= 1, circuity < 5 else { throw DomainError(field: "circuity", "must be between 1 and 5", value: "\(circuity)") }
        guard radiusSeconds > 0 else { throw DomainError(field: "radius_s", "must be positive", value: "\(radiusSeconds)") }
        for mobility in Mobility.allCases where mobility != .bedridden {
            guard let speed = walkSpeed[mobility.rawValue], speed > 0 else {
                throw DomainError(field: "walk_speed", "needs a positive speed for \(mobility.rawValue)")
            }
        }
        for vehicle in VehicleKind.allCases {
            guard let speed = courierSpeed[vehicle.rawValue], speed > 0 else {
                throw DomainError(field: "courier_speed", "needs a positive speed for \(vehicle.rawValue)")
            }
        }
        guard defaultWindowStart < defaultWindowEnd else {
            throw DomainError(field: "default_window", "the start must be before the end")
        }
        return self
    }

    enum CodingKeys: String, CodingKey {
        case circuity
        case radiusSeconds = "radius_s"
        case walkSpeed = "walk_speed"
        case courierSpeed = "courier_speed"
        case serviceSeconds = "service_s"
        case maxInBoxSeconds = "max_in_box_s"
        case readySeconds = "ready_s"
        case defaultWindowStart = "default_window_start_s"
        case defaultWindowEnd = "default_window_end_s"
        case tripLegSeconds = "trip_leg_s"
        case stopGapSeconds = "stop_gap_s"
    }

    /// Missing keys keep their defaults, so a file only needs the figures it changes.
    public init(from decoder: any Decoder) throws {
        let defaults = PlanningParameters()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        circuity = try c.decodeIfPresent(Double.self, forKey: .circuity) ?? defaults.circuity
        radiusSeconds = try c.decodeIfPresent(Int.self, forKey: .radiusSeconds) ?? defaults.radiusSeconds
        walkSpeed = defaults.walkSpeed.merging(try c.decodeIfPresent([String: Double].self, forKey: .walkSpeed) ?? [:]) { $1 }
        courierSpeed = defaults.courierSpeed.merging(try c.decodeIfPresent([String: Double].self, forKey: .courierSpeed) ?? [:]) { $1 }
        serviceSeconds = try c.decodeIfPresent(Int.self, forKey: .serviceSeconds) ?? defaults.serviceSeconds
        maxInBoxSeconds = try c.decodeIfPresent(Int.self, forKey: .maxInBoxSeconds) ?? defaults.maxInBoxSeconds
        readySeconds = try c.decodeIfPresent(Int.self, forKey: .readySeconds) ?? defaults.readySeconds
        defaultWindowStart = try c.decodeIfPresent(Int.self, forKey: .defaultWindowStart) ?? defaults.defaultWindowStart
        defaultWindowEnd = try c.decodeIfPresent(Int.self, forKey: .defaultWindowEnd) ?? defaults.defaultWindowEnd
        tripLegSeconds = try c.decodeIfPresent(Int.self, forKey: .tripLegSeconds) ?? defaults.tripLegSeconds
        stopGapSeconds = try c.decodeIfPresent(Int.self, forKey: .stopGapSeconds) ?? defaults.stopGapSeconds
    }
}
