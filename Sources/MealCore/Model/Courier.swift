/// How a courier travels; each kind has its own speed in the travel model.
public enum VehicleKind: String, CaseIterable, Codable, Sendable {
    case walk, bicycle, ebike, tricycle, car

    public var label: String {
        switch self {
        case .walk: "步行"
        case .bicycle: "自行车"
        case .ebike: "电动车"
        case .tricycle: "三轮车"
        case .car: "汽车"
        }
    }
}

/// A staff member or volunteer who delivers meals from one canteen.
public struct Courier: Hashable, Sendable, Identifiable {
    public let id: CourierID
    public var name: String
    public var canteenID: CanteenID
    public var vehicle: VehicleKind
    /// Meals one trip can carry (the insulated box).
    public var capacity: Int
    public var shift: TimeWindow
    public var days: Weekdays
    public var phone: String

    public init(id: CourierID, name: String, canteenID: CanteenID, vehicle: VehicleKind, capacity: Int,
                shift: TimeWindow, days: Weekdays = .everyDay, phone: String = "") throws {
        try Identifier.validate(id.rawValue, field: "id")
        guard !name.trimmingSpaces.isEmpty else { throw DomainError(field: "name", "a courier needs a name") }
        try Identifier.validate(canteenID.rawValue, field: "canteen_id")
        guard Courier.capacityRange.contains(capacity) else { throw Courier.capacityError("\(capacity)") }
        self.id = id
        self.name = name
        self.canteenID = canteenID
        self.vehicle = vehicle
        self.capacity = capacity
        self.shift = shift
        self.days = days
        self.phone = phone
    }

    /// Meals in one insulated box: a walking courier carries a handful, a van a couple of hundred.
    public static let capacityRange = 1...200

    static func capacityError(_ value: String) -> DomainError {
        DomainError(field: "capacity", "meals per trip must be between \(capacityRange.lowerBound) and \(capacityRange.upperBound)",
                    value: value)
    }

    public func works(onISOWeekday day: Int) -> Bool { days.contains(day) }
}
