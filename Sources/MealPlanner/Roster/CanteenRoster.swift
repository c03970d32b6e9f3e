import MealCore

/// One canteen's day as operators print it: the sittings, the pickups, the delivery rounds and
/// what the kitchen must cook. Built from a stored plan and the registry; phone numbers are
/// masked unless the roster is made with `unmaskedPhones`.
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
    public let kitchen: [KitchenLine]
    /// Meals needing each diet, however combined (a low-salt soft meal counts in both).
    public let dietTotals: [(label: String, count: Int)]
    public var totalMeals: Int { kitchen.reduce(0) { $0 + $1.total } }

    public init(plan: DayPlan, canteen: Canteen, diners: [DinerID: Diner], couriers: [CourierID: Courier],
                unmaskedPhones: Bool = false, notesByDiner: [DinerID: String] = [:]) {
        date = plan.date
        version = plan.version
        status = plan.status
        self.canteen = canteen
        let meals = plan.assignments.filter { $0.canteenID == canteen.id }

        func line(_ dinerID: DinerID) -> DinerLine {
            guard let diner = diners[dinerID] else {
                return DinerLine(dinerID: dinerID, name: "?", diets: "", allergies: "", notes: "")
            }
            var notes: [String] = []
            if let extra = notesByDiner[dinerID] { notes.append(extra) }
            if diner.livesAlone { notes.append("独居") }
            if diner.priority == .high { notes.append("重点关注") }
            return DinerLine(dinerID: dinerID, name: diner.name, diets: Self.variant(of: diner),
                             allergies: diner.allergies.isEmpty ? "" : "过敏: " + diner.allergies,
                             notes: notes.joined(separator: "; "))
        }

        sittings = canteen.sittings.map { sitting in
            let seated = meals.filter { $0.mode == .dineIn && $0.sitting == sitting.window }
                .sorted { (diners[$0.dinerID]?.name ?? "", $0.dinerID) < (diners[$1.dinerID]?.name ?? "", $1.dinerID) }
            return SittingBlock(sitting: sitting.description, seats: canteen.seats, diners: seated.map { line($0.dinerID) })
        }
        pickups = meals.filter { $0.mode == .pickup }.map { line($0.dinerID) }

        var trips: [TripBlock] = []
        for round in plan.rounds where round.canteenID == canteen.id {
            let courier = couriers[round.courierID]
            for (index, trip) in round.trips.enumerated() {
                let stops = trip.stops.enumerated().map { position, stop in
                    let diner = diners[stop.dinerID]
                    var base = line(stop.dinerID)
                    if let contact = diner?.emergencyContact, !contact.isEmpty {
                        let shown = unmaskedPhones ? contact : PhoneMask.mask(contact)
                        base = DinerLine(dinerID: base.dinerID, name: base.name, diets: base.diets, allergies: base.allergies,
                                         notes: ([base.notes, "紧急联系人 " + shown].filter { !$0.isEmpty }).joined(separator: "; "))
                    }
                    let phone = diner?.phone ?? ""
                    return Stop(position: position + 1, arrival: OperatorText.minuteClock(stop.arrivalSeconds), diner: base,
                                address: diner?.address ?? "", phone: unmaskedPhones ? phone : PhoneMask.mask(phone))
                }
                trips.append(TripBlock(courierID: round.courierID, courierName: courier?.name ?? round.courierID.rawValue,
                                       vehicle: courier?.vehicle.label ?? "", trip: index + 1,
                                       depart: OperatorText.minuteClock(trip.departSeconds), back: OperatorText.minuteClock(trip.returnSeconds),
                                       stops: stops))
            }
        }
        self.trips = trips

        var counts: [String: (dineIn: Int, pickup: Int, delivery: Int)] = [:]
        var totals: [DietTag: Int] = [:]
        for meal in meals {
            let diner = diners[meal.dinerID]
            let variant = diner.map(Self.variant(of:)) ?? DietTag.regular.label
            var entry = counts[variant] ?? (0, 0, 0)
            switch meal.mode {
            case .dineIn: entry.dineIn += 1
            case .pickup: entry.pickup += 1
            case .delivery: entry.delivery += 1
            }
            counts[variant] = entry
            for diet in diner?.diets ?? [] { totals[diet, default: 0] += 1 }
        }
        kitchen = counts.map { KitchenLine(variant: $0.key, dineIn: $0.value.dineIn, pickup: $0.value.pickup, delivery: $0.value.delivery) }
            .sorted { lhs, rhs in
                // Regular first, then single diets, then combinations, each in a fixed order.
                let l = lhs.variant.split(separator: "+").count, r = rhs.variant.split(separator: "+").count
                if (lhs.variant == DietTag.regular.label) != (rhs.variant == DietTag.regular.label) {
                    return lhs.variant == DietTag.regular.label
                }
                return (l, lhs.variant) < (r, rhs.variant)
            }
        dietTotals = DietTag.allCases.filter { $0 != .regular }.compactMap { diet in
            totals[diet].map { (diet.label, $0) }
        }
    }

    /// The box variant a diner gets: their diets joined in a fixed order, or regular.
    public static func variant(of diner: Diner) -> String {
        diner.diets.isEmpty ? DietTag.regular.label : diner.diets.sorted().map(\.label).joined(separator: "+")
    }
}
