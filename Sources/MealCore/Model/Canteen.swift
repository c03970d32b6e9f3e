/// A dining session at a canteen: a time window with the canteen's seats available.
public struct Sitting: Hashable, Codable, Sendable, CustomStringConvertible {
    public let window: TimeWindow

    public init(window: TimeWindow) { self.window = window }

    public init(parsing text: String) throws {
        do { window = try TimeWindow(parsing: text) } catch let error as DomainError {
            throw DomainError(field: "sittings", error.message, value: text)
        }
    }

    public var description: String { window.description }

    /// Parses `HH:MM-HH:MM;HH:MM-HH:MM`; sittings must not overlap.
    public static func parseList(_ text: String) throws -> [Sitting] {
        var sittings: [Sitting] = []
        for part in text.split(separator: ";") where !part.trimmingSpaces.isEmpty {
            do { sittings.append(try Sitting(parsing: String(part))) } catch let error as DomainError {
                throw DomainError(field: "sittings", error.message, value: text)
            }
        }
        sittings.sort { $0.window.start < $1.window.start }
        for (earlier, later) in zip(sittings, sittings.dropFirst()) where later.window.start < earlier.window.end {
            throw DomainError(field: "sittings", "sittings \(earlier) and \(later) overlap", value: text)
        }
        return sittings
    }
}

/// A community canteen for the elderly (老年食堂).
public struct Canteen: Hashable, Sendable, Identifiable {
    public let id: CanteenID
    public var name: String
    public var community: String
    public var location: GeoPoint
    /// Seats available in each sitting.
    public var seats: Int
    public var sittings: [Sitting]
    /// Meals the kitchen can produce for one lunch service, all modes together.
    public var kitchenCapacity: Int
    /// Diet variants the kitchen makes; always contains `.regular`.
    public var diets: Set<DietTag>
    public var openDays: Weekdays
    public var phone: String

    public init(id: CanteenID, name: String, community: String = "", location: GeoPoint,
                seats: Int = 0, sittings: [Sitting] = [], kitchenCapacity: Int,
                diets: Set<DietTag> = [.regular], openDays: Weekdays = .everyDay, phone: String = "") throws {
        try Identifier.validate(id.rawValue, field: "id")
        guard !name.trimmingSpaces.isEmpty else { throw DomainError(field: "name", "a canteen needs a name") }
        guard Canteen.seatsRange.contains(seats) else { throw Canteen.seatsError("\(seats)") }
        guard Canteen.kitchenCapacityRange.contains(kitchenCapacity) else {
            throw Canteen.kitchenCapacityError("\(kitchenCapacity)")
        }
        if !sittings.isEmpty && seats == 0 {
            throw DomainError(field: "seats", "a canteen with sittings needs seats", value: "0")
        }
        let ordered = sittings.sorted { $0.window.start < $1.window.start }
        for (earlier, later) in zip(ordered, ordered.dropFirst()) where later.window.start < earlier.window.end {
            throw DomainError(field: "sittings", "sittings \(earlier) and \(later) overlap")
        }
        self.id = id
        self.name = name
        self.community = community
        self.location = location
        self.seats = seats
        self.sittings = ordered
        self.kitchenCapacity = kitchenCapacity
        self.diets = diets.union([.regular])
        self.openDays = openDays
        self.phone = phone
    }

    /// Seats in one sitting: a large community dining hall has a few hundred. The bound keeps
    /// the assignment's flow costs (seats × cost per seat, summed over sittings) far inside Int64.
    public static let seatsRange = 0...2_000
    /// Meals one kitchen cooks for one lunch, all services together.
    public static let kitchenCapacityRange = 0...10_000

    static func seatsError(_ value: String) -> DomainError {
        DomainError(field: "seats", "seats per sitting must be between \(seatsRange.lowerBound) and \(seatsRange.upperBound)",
                    value: value)
    }

    static func kitchenCapacityError(_ value: String) -> DomainError {
        DomainError(field: "kitchen_capacity", "meals per lunch must be between \(kitchenCapacityRange.lowerBound) and "
                    + "\(kitchenCapacityRange.upperBound)", value: value)
    }

    public var offersDineIn: Bool { !sittings.isEmpty && seats > 0 }

    public func makes(_ needed: Set<DietTag>) -> Bool { needed.isSubset(of: diets) }
}
