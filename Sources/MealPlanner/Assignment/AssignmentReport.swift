import MealCore

/// The day's assignment as JSON (`assign --format json`, docs/formats.md): the same figures as the
/// text table, per canteen, and every unserved diner. Names and details are people's text, so
/// phone-like numbers are masked.
public struct AssignmentReport: Encodable, Sendable {
    public struct SittingLoad: Encodable, Sendable {
        public var sitting: String
        public var used: Int
        public var seats: Int
    }

    public struct CanteenLoad: Encodable, Sendable {
        public var canteen: String
        public var name: String
        /// False when the canteen is closed that day and nobody is placed there.
        public var open: Bool
        public var sittings: [SittingLoad]
        public var dineIn: Int
        public var pickup: Int
        public var delivery: Int
        /// Meals the canteen's couriers can deliver, estimated before routing.
        public var deliveryCapacity: Int
        public var meals: Int
        public var kitchenCapacity: Int

        enum CodingKeys: String, CodingKey {
            case canteen, name, open, sittings, pickup, delivery, meals
            case dineIn = "dine_in", deliveryCapacity = "delivery_capacity", kitchenCapacity = "kitchen_capacity"
        }
    }

    public struct UnservedDiner: Encodable, Sendable {
        public var diner: String
        public var name: String
        public var community: String
        public var reason: UnservedReason
        public var detail: String
    }

    /// Nil when the preview was for no particular day.
    public var date: String?
    public var served: Int
    public var unserved: Int
    public var canteens: [CanteenLoad]
    public var unservedDiners: [UnservedDiner]

    enum CodingKeys: String, CodingKey {
        case date, served, unserved, canteens
        case unservedDiners = "unserved_diners"
    }

    public init(_ assignment: Assignment, canteens: [Canteen]) {
        date = assignment.day.date
        served = assignment.servedCount
        unserved = assignment.unserved.count
        let byCanteen = Dictionary(grouping: assignment.placements, by: { $0.canteen.id })
        self.canteens = canteens.map { canteen in
            let placements = byCanteen[canteen.id] ?? []
            let count = { (mode: ServiceMode) in placements.filter { $0.kind == mode }.count }
            return CanteenLoad(
                canteen: canteen.id.rawValue, name: PhoneMask.mask(canteen.name),
                open: !placements.isEmpty || (assignment.day.isoWeekday.map(canteen.openDays.contains) ?? true),
                sittings: canteen.sittings.map { sitting in
                    SittingLoad(sitting: sitting.description, used: placements.filter { $0.sitting == sitting }.count, seats: canteen.seats)
                },
                dineIn: count(.dineIn), pickup: count(.pickup), delivery: count(.delivery),
                deliveryCapacity: assignment.deliveryCapacity[canteen.id] ?? 0, meals: placements.count,
                kitchenCapacity: canteen.kitchenCapacity)
        }
        unservedDiners = assignment.unserved.map { entry in
            UnservedDiner(diner: entry.diner.id.rawValue, name: PhoneMask.mask(entry.diner.name),
                          community: PhoneMask.mask(entry.diner.community), reason: entry.reason, detail: PhoneMask.mask(entry.detail))
        }
    }
}
