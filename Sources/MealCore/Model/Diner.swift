/// How far and how a diner can move on their own; it sets the walking pace and who may dine in.
public enum Mobility: String, CaseIterable, Codable, Sendable {
    case independent, walker, wheelchair, bedridden

    public var label: String {
        switch self {
        case .independent: "自理"
        case .walker: "助行器"
        case .wheelchair: "轮椅"
        case .bedridden: "卧床"
        }
    }
}

public enum DinerStatus: String, CaseIterable, Codable, Sendable {
    case active, paused, hospitalized, deceased

    public var label: String {
        switch self {
        case .active: "在册"
        case .paused: "暂停"
        case .hospitalized: "住院"
        case .deceased: "去世"
        }
    }
}

/// Who is served first when capacity is short.
public enum Priority: Int, CaseIterable, Codable, Sendable, Comparable {
    case normal = 0, elevated = 1, high = 2

    public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// An elderly person registered with the meal programme. Personal data: phone and address are
/// masked in output unless the operator asks otherwise.
public struct Diner: Hashable, Sendable, Identifiable {
    public let id: DinerID
    public var name: String
    public var community: String
    /// The street-level grid (网格) the community workers use to organise visits.
    public var grid: String
    public var location: GeoPoint
    public var address: String
    public var phone: String
    public var birthYear: Int?
    public var mobility: Mobility
    public var mode: ServicePreference
    public var diets: Set<DietTag>
    public var allergies: String
    public var priority: Priority
    /// Free tags such as `alone`, `low_income`, `age80`, `disabled`.
    public var tags: [String]
    public var days: Weekdays
    /// When a delivery may arrive; nil means the service default.
    public var window: TimeWindow?
    public var preferredCanteenID: CanteenID?
    public var status: DinerStatus
    public var emergencyContact: String

    public init(id: DinerID, name: String, community: String = "", grid: String = "", location: GeoPoint,
                address: String = "", phone: String = "", birthYear: Int? = nil,
                mobility: Mobility = .independent, mode: ServicePreference = .auto, diets: Set<DietTag> = [],
                allergies: String = "", priority: Priority = .normal, tags: [String] = [],
                days: Weekdays = .everyDay, window: TimeWindow? = nil, preferredCanteenID: CanteenID? = nil,
                status: DinerStatus = .active, emergencyContact: String = "") throws {
        try Identifier.validate(id.rawValue, field: "id")
        guard !name.trimmingSpaces.isEmpty else { throw DomainError(field: "name", "a diner needs a name") }
        if let birthYear, !(1900...2010).contains(birthYear) {
            throw DomainError(field: "birth_year", "birth year must be between 1900 and 2010", value: "\(birthYear)")
        }
        if mobility == .bedridden && (mode == .dineIn || mode == .pickup) {
            throw DomainError(field: "mode", "a bedridden diner cannot have mode \(mode.rawValue); use delivery or auto",
                              value: mode.rawValue)
        }
        if let preferredCanteenID { try Identifier.validate(preferredCanteenID.rawValue, field: "preferred_canteen") }
        for tag in tags {
            // Bytes, not `contains(String)`: Foundation's substring search was 4 % of a large import.
            guard !tag.isEmpty, !tag.utf8.contains(where: { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") }) else {
                throw DomainError(field: "tags", "a tag cannot be empty or contain ';' or ','", value: tag)
            }
        }
        self.id = id
        self.name = name
        self.community = community
        self.grid = grid
        self.location = location
        self.address = address
        self.phone = phone
        self.birthYear = birthYear
        self.mobility = mobility
        self.mode = mode
        self.diets = diets.subtracting([.regular])
        self.allergies = allergies
        self.priority = priority
        self.tags = tags
        self.days = days
        self.window = window
        self.preferredCanteenID = preferredCanteenID
        self.status = status
        self.emergencyContact = emergencyContact
    }

    public var livesAlone: Bool { tags.contains("alone") }

    /// Whether the diner eats on that ISO weekday (1 = Monday) given subscription and status.
    public func eats(onISOWeekday day: Int) -> Bool { status == .active && days.contains(day) }
}
