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

    /// Checks every figure against its range (`Ranges`, documented in docs/planning.md), naming
    /// the key of the first one outside it, so a hand-edited file fails early and the planner's
    /// sums of seconds and meals stay far inside the integers.
    public func validated() throws -> PlanningParameters {
        typealias R = Ranges
        try R.check(circuity, R.circuity, key: CodingKeys.circuity, "a road-distance factor")
        try R.check(radiusSeconds, R.radiusSeconds, key: .radiusSeconds)
        for mobility in Mobility.allCases where mobility != .bedridden {
            let key = "walk_speed.\(mobility.rawValue)"
            guard let speed = walkSpeed[mobility.rawValue] else { throw DomainError(field: key, "a walking speed is needed") }
            try R.check(speed, R.walkSpeed, field: key, "a speed in m/s")
        }
        for vehicle in VehicleKind.allCases {
            let key = "courier_speed.\(vehicle.rawValue)"
            guard let speed = courierSpeed[vehicle.rawValue] else { throw DomainError(field: key, "a courier speed is needed") }
            try R.check(speed, R.courierSpeed, field: key, "a speed in m/s")
        }
        try R.check(serviceSeconds, R.serviceSeconds, key: .serviceSeconds)
        try R.check(maxInBoxSeconds, R.maxInBoxSeconds, key: .maxInBoxSeconds)
        try R.check(readySeconds, R.clockSeconds, key: .readySeconds, "a time of day in seconds")
        try R.check(defaultWindowStart, R.clockSeconds, key: .defaultWindowStart, "a time of day in seconds")
        try R.check(defaultWindowEnd, R.clockSeconds, key: .defaultWindowEnd, "a time of day in seconds")
        guard defaultWindowStart < defaultWindowEnd else {
            throw DomainError(field: CodingKeys.defaultWindowEnd.rawValue, "the default window must end after it starts at "
                              + "\(defaultWindowStart)", value: "\(defaultWindowEnd)")
        }
        try R.check(tripLegSeconds, R.tripLegSeconds, key: .tripLegSeconds)
        try R.check(stopGapSeconds, R.stopGapSeconds, key: .stopGapSeconds)
        return self
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
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

    /// Missing keys keep their defaults, so a file only needs the figures it changes; a key the
    /// planner does not know, or a value outside its range, is refused naming the key.
    public init(from decoder: any Decoder) throws {
        let defaults = PlanningParameters()
        let all = try decoder.container(keyedBy: ParameterKey.self)
        for key in all.allKeys where CodingKeys(stringValue: key.stringValue) == nil {
            throw DomainError(field: key.stringValue, "unknown parameter; the parameters are "
                              + CodingKeys.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        circuity = try c.value(Double.self, .circuity) ?? defaults.circuity
        radiusSeconds = try c.value(Int.self, .radiusSeconds) ?? defaults.radiusSeconds
        walkSpeed = defaults.walkSpeed.merging(try c.speeds(.walkSpeed, known: Mobility.allCases.filter { $0 != .bedridden })) { $1 }
        courierSpeed = defaults.courierSpeed.merging(try c.speeds(.courierSpeed, known: VehicleKind.allCases)) { $1 }
        serviceSeconds = try c.value(Int.self, .serviceSeconds) ?? defaults.serviceSeconds
        maxInBoxSeconds = try c.value(Int.self, .maxInBoxSeconds) ?? defaults.maxInBoxSeconds
        readySeconds = try c.value(Int.self, .readySeconds) ?? defaults.readySeconds
        defaultWindowStart = try c.value(Int.self, .defaultWindowStart) ?? defaults.defaultWindowStart
        defaultWindowEnd = try c.value(Int.self, .defaultWindowEnd) ?? defaults.defaultWindowEnd
        tripLegSeconds = try c.value(Int.self, .tripLegSeconds) ?? defaults.tripLegSeconds
        stopGapSeconds = try c.value(Int.self, .stopGapSeconds) ?? defaults.stopGapSeconds
        _ = try validated()
    }
}
