import Foundation
import MealCore

/// The figures a coordinator reads after planning a day.
public struct PlanSummary: Sendable {
    public var date: String
    public var version: Int
    public var planned: Int
    public var dineIn: Int
    public var pickup: Int
    public var delivery: Int
    public var unservedByReason: [(reason: UnservedReason, count: Int)]
    public var couriersUsed: Int
    public var trips: Int
    /// Sum over all trips of the courier's travel, seconds (depot → stops → depot, minus service).
    public var courierTravelSeconds: Int
    /// The longest time between a trip leaving the canteen and a meal reaching its door.
    public var longestInBoxSeconds: Int
    /// Canteen sittings filled above 90% of their seats: (canteen, sitting, used, seats).
    public var crowdedSittings: [(canteen: CanteenID, sitting: String, used: Int, seats: Int)]
    /// Diners with a previous planned day whose canteen changed, and delivery diners whose courier changed.
    public var canteenChanged: Int
    public var courierChanged: Int
    /// Delivery diners with a previous delivery: how many kept their courier, and how many
    /// arrive within 15 minutes of last time.
    public var deliveryWithHistory: Int
    public var keptCourier: Int
    public var arrivalWithin15Minutes: Int
    /// Names of the canteens whose rounds the time guard cut short.
    public var cutShortCanteens: [String]
    /// Every unserved diner by id, with the registry name (the id when the registry lacks it).
    public var unservedDiners: [(dinerID: DinerID, name: String, reason: UnservedReason, detail: String)]
    /// The travel model the plan was made with.
    public var travel: TravelModelIdentity
    /// How many unserved diners the text names; the rest are counted.
    public static let unservedNamed = 20

    public init(plan: DayPlan, canteens: [Canteen], previous: [DinerID: PlannedMeal],
                courierTravelSeconds: Int, diners: [Diner] = []) {
        date = plan.date
        version = plan.version
        travel = plan.travel
        planned = plan.assignments.count
        dineIn = plan.assignments.filter { $0.mode == .dineIn }.count
        pickup = plan.assignments.filter { $0.mode == .pickup }.count
        delivery = plan.assignments.filter { $0.mode == .delivery }.count
        let reasons = Dictionary(grouping: plan.unserved, by: \.reason).mapValues(\.count)
        unservedByReason = reasons.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        let names = Dictionary(diners.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        unservedDiners = plan.unserved.sorted { $0.dinerID < $1.dinerID }.map { entry in
            (entry.dinerID, names[entry.dinerID] ?? entry.dinerID.rawValue, entry.reason, entry.detail)
        }
        couriersUsed = plan.rounds.filter { !$0.trips.isEmpty }.count
        trips = plan.rounds.reduce(0) { $0 + $1.trips.count }
        cutShortCanteens = plan.searchCutShort.map { id in canteens.first { $0.id == id }.map { "\($0.name) (\(id))" } ?? id.rawValue }
        self.courierTravelSeconds = courierTravelSeconds
        longestInBoxSeconds = plan.rounds.flatMap(\.trips).flatMap { trip in
            trip.stops.map { $0.arrivalSeconds - trip.departSeconds }
        }.max() ?? 0
        var crowded: [(CanteenID, String, Int, Int)] = []
        for canteen in canteens where canteen.seats > 0 {
            for sitting in canteen.sittings {
                let used = plan.assignments.filter { $0.canteenID == canteen.id && $0.sitting == sitting.window }.count
                if Double(used) > 0.9 * Double(canteen.seats) { crowded.append((canteen.id, sitting.description, used, canteen.seats)) }
            }
        }
        crowdedSittings = crowded
        var canteenChanged = 0, courierChanged = 0, withHistory = 0, kept = 0, onTime = 0
        for meal in plan.assignments {
            guard let last = previous[meal.dinerID] else { continue }
            if last.canteenID != meal.canteenID { canteenChanged += 1 }
            if meal.mode == .delivery, last.mode == .delivery {
                withHistory += 1
                if last.courierID == meal.courierID { kept += 1 } else { courierChanged += 1 }
                if let a = last.arrivalSeconds, let b = meal.arrivalSeconds, abs(a - b) <= 900 { onTime += 1 }
            }
        }
        self.canteenChanged = canteenChanged
        self.courierChanged = courierChanged
        deliveryWithHistory = withHistory
        keptCourier = kept
        arrivalWithin15Minutes = onTime
    }

    public var unservedCount: Int { unservedByReason.reduce(0) { $0 + $1.count } }

    /// The figures as the coordinator reads them; `whereToSeeAll` says where the unserved diners
    /// past the first `unservedNamed` are listed (the caller knows its own commands).
    public func text(whereToSeeAll: String? = nil) -> String {
        func clock(_ seconds: Int) -> String { String(format: "%d min %02d s", seconds / 60, seconds % 60) }
        var lines: [String] = []
        lines.append("\(date) v\(version): \(planned) diners planned (dine-in \(dineIn), pickup \(pickup), delivery \(delivery)), "
                     + "\(unservedCount) unserved")
        if !unservedByReason.isEmpty {
            lines.append("  unserved by reason: " + unservedByReason.map { "\($0.reason.rawValue) \($0.count)" }.joined(separator: ", "))
            lines += unservedLines(whereToSeeAll: whereToSeeAll)
        }
        lines.append("  couriers used \(couriersUsed) on \(trips) trips; total courier travel "
                     + String(format: "%.1f h", Double(courierTravelSeconds) / 3600)
                     + "; longest time in the box \(clock(longestInBoxSeconds))")
        lines.append("  travel times: \(travel.description)")
        lines.append("  sittings over 90% of seats: " + (crowdedSittings.isEmpty ? "none"
            : crowdedSittings.map { "\($0.canteen) \($0.sitting) \($0.used)/\($0.seats)" }.joined(separator: ", ")))
        lines.append("  since the last planned day: canteen changed for \(canteenChanged), courier changed for \(courierChanged)")
        if deliveryWithHistory > 0 {
            lines.append(String(format: "  continuity of deliveries: %.1f%% keep their courier, %.1f%% arrive within 15 min of last time",
                                100 * Double(keptCourier) / Double(deliveryWithHistory),
                                100 * Double(arrivalWithin15Minutes) / Double(deliveryWithHistory)))
        }
        if !cutShortCanteens.isEmpty {
            lines.append("  rounds cut short by the time limit (planning again may give other rounds): "
                         + cutShortCanteens.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `    王秀英 (D00012): outside_circle — nearest canteen 1.8 km`, the first `unservedNamed`,
    /// then how many more. Names and details are people's text: phone-like numbers masked.
    func unservedLines(whereToSeeAll: String?) -> [String] {
        var lines = ["  unserved diners:"]
        for entry in unservedDiners.prefix(Self.unservedNamed) {
            lines.append("    \(PhoneMask.mask(entry.name)) (\(entry.dinerID)): \(entry.reason.rawValue)"
                         + (entry.detail.isEmpty ? "" : " — \(PhoneMask.mask(entry.detail))"))
        }
        if unservedDiners.count > Self.unservedNamed {
            lines.append("    … and \(unservedDiners.count - Self.unservedNamed) more" + (whereToSeeAll.map { ": see \($0)" } ?? ""))
        }
        return lines
    }
}
