import MealCore

/// One canteen's day as operators print it: the sittings, the pickups, the delivery rounds and
/// what the kitchen must cook. Built from a stored plan and the registry; phone-like numbers in
/// every piece of people's text are masked unless the roster is made with `unmaskedPhones`.
///
/// Every meal of the plan at this canteen is listed, even where the registry has changed since
/// the plan was made (a sitting removed, a delivery on no trip): such meals are listed under
/// what the plan says, and `notices` says what no longer matches.
public struct CanteenRoster: Sendable {
    public struct DinerLine: Sendable, Equatable {
        public let dinerID: DinerID
        public let name: String
        public let diets: String
        public let allergies: String
        /// "独居 lives alone", emergency contact, checks the coordinator asked for.
        public let notes: String
    }

    public struct SittingBlock: Sendable, Equatable {
        public let sitting: String
        public let seats: Int
        public let diners: [DinerLine]
        /// False for a sitting the plan uses but the canteen no longer holds, or for dine-in
        /// meals the plan gives no sitting (`sitting` is then "-").
        public let inRegistry: Bool
    }
    public struct Stop: Sendable, Equatable {
        public let position: Int
        public let arrival: String
        public let diner: DinerLine
        public let address: String
        public let phone: String
    }

    public struct TripBlock: Sendable, Equatable {
        public let courierID: CourierID
        public let courierName: String
        public let vehicle: String
        public let trip: Int
        public let depart: String
        public let back: String
        public let stops: [Stop]
    }

    public struct KitchenLine: Sendable, Equatable {
        /// A diet combination cooked as one box variant, e.g. "低盐+软食".
        public let variant: String
        public let dineIn: Int
        public let pickup: Int
        public let delivery: Int
        public var total: Int { dineIn + pickup + delivery }
    }

    public let date: String
    public let version: Int
    public let status: DayPlan.Status
    public let canteen: Canteen
    public let sittings: [SittingBlock]
    public let pickups: [DinerLine]
    public let trips: [TripBlock]
    /// Delivery meals of the plan that are on none of this canteen's courier trips.
    public let deliveriesOnNoTrip: [DinerLine]
    public let kitchen: [KitchenLine]
    /// Meals needing each diet, however combined (a low-salt soft meal counts in both).
    public let dietTotals: [(label: String, count: Int)]
    /// Where the plan and today's registry disagree, one sentence each; empty when they match.
    public let notices: [String]
    /// Versions of the date newer than this one that nobody has published (set by whoever knows
    /// the other versions): the paper would miss the coordinators' latest changes.
    public var newerUnpublishedVersions: [Int] = []
    public var totalMeals: Int { kitchen.reduce(0) { $0 + $1.total } }
    public var dineInCount: Int { sittings.reduce(0) { $0 + $1.diners.count } }
    public var deliveryCount: Int { trips.reduce(0) { $0 + $1.stops.count } + deliveriesOnNoTrip.count }

    public init(plan: DayPlan, canteen: Canteen, diners: [DinerID: Diner], couriers: [CourierID: Courier],
                unmaskedPhones: Bool = false, notesByDiner: [DinerID: String] = [:]) {
        date = plan.date
        version = plan.version
        status = plan.status
        self.canteen = canteen
        let meals = plan.assignments.filter { $0.canteenID == canteen.id }
        let lines = RosterLines(diners: diners, notesByDiner: notesByDiner, unmaskedPhones: unmaskedPhones)
        var notices: [String] = []
        sittings = Self.sittingBlocks(meals: meals, canteen: canteen, lines: lines, version: plan.version, notices: &notices)
        pickups = meals.filter { $0.mode == .pickup }.map { lines.line($0.dinerID) }
        trips = Self.tripBlocks(plan: plan, canteen: canteen, couriers: couriers, lines: lines)
        let onTrips = Set(trips.flatMap { $0.stops.map(\.diner.dinerID) })
        deliveriesOnNoTrip = meals.filter { $0.mode == .delivery && !onTrips.contains($0.dinerID) }.map { lines.line($0.dinerID) }
        if !deliveriesOnNoTrip.isEmpty {
            let count = deliveriesOnNoTrip.count
            notices.append("\(count) delivery meal\(count == 1 ? " is" : "s are") on none of the courier trips; "
                + "listed under 'not on a trip' (replan, or move them onto a courier)")
        }
        self.notices = notices
        (kitchen, dietTotals) = Self.kitchenCount(meals: meals, diners: diners)
    }

    /// The box variant a diner gets: their diets joined in a fixed order, or regular.
    public static func variant(of diner: Diner) -> String {
        diner.diets.isEmpty ? DietTag.regular.label : diner.diets.sorted().map(\.label).joined(separator: "+")
    }
}

/// The diner's line on a roster, with the phone-like numbers of people's text masked.
struct RosterLines {
    let diners: [DinerID: Diner]
    let notesByDiner: [DinerID: String]
    let unmaskedPhones: Bool

    func shown(_ text: String) -> String { PhoneMask.shown(text, unmasked: unmaskedPhones) }

    func line(_ dinerID: DinerID) -> CanteenRoster.DinerLine {
        guard let diner = diners[dinerID] else {
            return CanteenRoster.DinerLine(dinerID: dinerID, name: "?", diets: "", allergies: "", notes: "")
        }
        var notes: [String] = []
        if let extra = notesByDiner[dinerID] { notes.append(extra) }
        if diner.livesAlone { notes.append("独居") }
        if diner.priority == .high { notes.append("重点关注") }
        return CanteenRoster.DinerLine(dinerID: dinerID, name: shown(diner.name), diets: CanteenRoster.variant(of: diner),
                                       allergies: diner.allergies.isEmpty ? "" : "过敏: " + shown(diner.allergies),
                                       notes: shown(notes.joined(separator: "; ")))
    }

    /// A delivery stop's line: the emergency contact joins the notes, the courier may need it.
    func stopLine(_ dinerID: DinerID) -> CanteenRoster.DinerLine {
        let base = line(dinerID)
        guard let contact = diners[dinerID]?.emergencyContact, !contact.isEmpty else { return base }
        return CanteenRoster.DinerLine(dinerID: base.dinerID, name: base.name, diets: base.diets, allergies: base.allergies,
                                       notes: ([base.notes, "紧急联系人 " + shown(contact)].filter { !$0.isEmpty }).joined(separator: "; "))
    }
}
