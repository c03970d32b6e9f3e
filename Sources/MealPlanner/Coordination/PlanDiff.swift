import MealCore

/// What changed for one diner between two versions of a day's plan, in the words a coordinator
/// phones the diner or the canteen with.
public struct DinerChange: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// Planned in the new version only.
        case added
        /// Planned in the old version only.
        case removed
        /// Planned in both, differently.
        case changed
    }

    public var dinerID: DinerID
    /// The registry name, or the id when the registry no longer has the diner.
    public var dinerName: String
    public var kind: Kind
    /// Each difference as a phrase: "courier 张建国 → 李志华", "arrival 11:20 → 11:35",
    /// "added (pickup at 梅园街道长者食堂)", "cancelled (hospitalized)".
    public var items: [String]
    /// Whether the replan's change-count rule counts this diner (see `PlanDiff.changedDiners`);
    /// a small move of the arrival or a new sitting is shown but not counted.
    public var counted: Bool
    /// Whether someone must phone the diner (see `PlanDiff.mustTell`).
    public var mustTell: Bool
    /// The placement in the older and the newer version (nil where the diner is not planned).
    public var before: PlannedMeal?
    public var after: PlannedMeal?

    public init(dinerID: DinerID, dinerName: String, kind: Kind, items: [String], counted: Bool, mustTell: Bool = false,
                before: PlannedMeal? = nil, after: PlannedMeal? = nil) {
        self.dinerID = dinerID
        self.dinerName = dinerName
        self.kind = kind
        self.items = items
        self.counted = counted
        self.mustTell = mustTell
        self.before = before
        self.after = after
    }

    /// Whether the change concerns `canteen`: the diner ate there in either version.
    public func involves(canteen: CanteenID) -> Bool { before?.canteenID == canteen || after?.canteenID == canteen }

    /// Whether the change concerns `courier`: the courier delivered to the diner in either version.
    public func involves(courier: CourierID) -> Bool { before?.courierID == courier || after?.courierID == courier }

    /// `王秀英 (D00012): courier 张建国 → 李志华, arrival 11:20 → 11:35`.
    public var description: String { "\(dinerName) (\(dinerID)): " + items.joined(separator: ", ") }
}

/// The diner-by-diner differences between two versions of a day's plan: who was added, who
/// lost their place and why, and who moved canteen, service, sitting, courier or arrival.
/// Diners unserved in both versions are left out: nothing about their lunch changed.
public struct PlanDiff: Sendable {
    /// An arrival moved by more than this many seconds counts as a change for the replan.
    public static let arrivalToleranceSeconds = 900
    /// An arrival moved by this many seconds or more is phoned through to the diner.
    public static let arrivalToTellSeconds = 900

    /// One entry per diner whose placement differs, ordered by diner id.
    public var changes: [DinerChange]

    /// Compares `from` (the older version) with `to`. The registries give names; an id missing
    /// from them is printed as the id.
    public init(from: DayPlan, to: DayPlan, diners: [DinerID: Diner], couriers: [CourierID: Courier],
                canteens: [CanteenID: Canteen]) {
        let before = Self.placements(from), after = Self.placements(to)
        let unservedAfter = Dictionary(to.unserved.map { ($0.dinerID, $0) }, uniquingKeysWith: { first, _ in first })
        let unservedBefore = Dictionary(from.unserved.map { ($0.dinerID, $0) }, uniquingKeysWith: { first, _ in first })
        let words = Wording(couriers: couriers, canteens: canteens)

        changes = Set(before.keys).union(after.keys).sorted().compactMap { id in
            let name = diners[id]?.name ?? id.rawValue
            let counted = Self.counts(before[id], after[id])
            let tell = Self.mustTell(before[id], after[id], unserved: unservedAfter[id])
            switch (before[id], after[id]) {
            case (nil, let new?):
                let was = unservedBefore[id].map { "; was unserved: \($0.reason.rawValue)" } ?? ""
                return DinerChange(dinerID: id, dinerName: name, kind: .added,
                                   items: ["added (\(words.placement(new))\(was))"], counted: counted, mustTell: tell, after: new)
            case (_?, nil):
                // A cancellation's detail is the coordinator's reason (`hospitalized`); any other
                // reason is the planner's failure to place the diner, said as such.
                let why = unservedAfter[id].map { entry in
                    entry.reason == .cancelled
                        ? "cancelled" + (entry.detail.isEmpty ? "" : " (\(entry.detail))")
                        : "unserved (\(entry.reason.rawValue)" + (entry.detail.isEmpty ? "" : ": \(entry.detail)") + ")"
                } ?? "removed (no longer in version \(to.version))"
                return DinerChange(dinerID: id, dinerName: name, kind: .removed, items: [why], counted: counted, mustTell: tell,
                                   before: before[id])
            case (let old?, let new?):
                let items = words.differences(old, new)
                guard !items.isEmpty else { return nil }
                return DinerChange(dinerID: id, dinerName: name, kind: .changed, items: items, counted: counted, mustTell: tell,
                                   before: old, after: new)
            case (nil, nil):
                return nil
            }
        }
    }

    /// The diners the coordinators' replan counts as changed: planned in one version and not the
    /// other, or planned in both with a different canteen, mode or courier, or an arrival moved
    /// by more than `arrivalToleranceSeconds`.
    public static func changedDiners(from: DayPlan, to: DayPlan) -> Set<DinerID> {
        let before = placements(from), after = placements(to)
        return Set(Set(before.keys).union(after.keys).filter { counts(before[$0], after[$0]) })
    }

    /// Whether the diner must be phoned: their canteen, service, sitting or courier changed, or
    /// the arrival moved by `arrivalToTellSeconds` or more; they are newly planned; or they lost
    /// their meal for a reason other than a cancellation (which came from them or their family).
    /// A new lock, or a new trip of the same courier at nearly the same time, is nothing to call about.
    public static func mustTell(_ old: PlannedMeal?, _ new: PlannedMeal?, unserved: UnservedDiner?) -> Bool {
        switch (old, new) {
        case (nil, nil): return false
        case (nil, _?): return true
        case (_?, nil): return unserved?.reason != .cancelled
        case (let old?, let new?):
            if old.canteenID != new.canteenID || old.mode != new.mode || old.courierID != new.courierID { return true }
            if old.mode == .dineIn && old.sitting != new.sitting { return true }
            switch (old.arrivalSeconds, new.arrivalSeconds) {
            case (let a?, let b?): return abs(a - b) >= arrivalToTellSeconds
            case (nil, nil): return false
            default: return true
            }
        }
    }

    static func placements(_ plan: DayPlan) -> [DinerID: PlannedMeal] {
        Dictionary(plan.assignments.map { ($0.dinerID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func counts(_ old: PlannedMeal?, _ new: PlannedMeal?) -> Bool {
        guard let old, let new else { return (old == nil) != (new == nil) }
        if old.canteenID != new.canteenID || old.mode != new.mode || old.courierID != new.courierID { return true }
        switch (old.arrivalSeconds, new.arrivalSeconds) {
        case (let a?, let b?): return abs(a - b) > arrivalToleranceSeconds
        case (nil, nil): return false
        default: return true
        }
    }
}

/// Turns placements into coordinators' phrases, naming canteens and couriers.
private struct Wording {
    let couriers: [CourierID: Courier]
    let canteens: [CanteenID: Canteen]

    func canteen(_ id: CanteenID) -> String { canteens[id]?.name ?? id.rawValue }
    func courier(_ id: CourierID?) -> String { id.map { couriers[$0]?.name ?? $0.rawValue } ?? "none" }
    /// Arrivals to the nearest minute: the diner waits at the door by the minute, and a move of
    /// a few seconds is not news to them.
    func arrival(_ seconds: Int?) -> String { seconds.map { OperatorText.clock(($0 + 30) / 60 * 60) } ?? "none" }

    /// The service without the canteen: "dine-in 11:00-11:45", "pickup", "delivery".
    func service(_ meal: PlannedMeal) -> String {
        switch meal.mode {
        case .dineIn: "dine-in" + (meal.sitting.map { " \($0)" } ?? "")
        case .pickup: "pickup"
        case .delivery: "delivery"
        }
    }

    /// The whole placement, for a diner who was not planned before.
    func placement(_ meal: PlannedMeal) -> String {
        switch meal.mode {
        case .dineIn: "\(service(meal)) at \(canteen(meal.canteenID))"
        case .pickup: "pickup at \(canteen(meal.canteenID))"
        case .delivery:
            "delivery from \(canteen(meal.canteenID))"
                + (meal.courierID.map { " by \(courier($0))" } ?? "")
                + (meal.arrivalSeconds == nil ? "" : " at \(arrival(meal.arrivalSeconds))")
        }
    }

    func differences(_ old: PlannedMeal, _ new: PlannedMeal) -> [String] {
        var items: [String] = []
        if old.canteenID != new.canteenID { items.append("canteen \(canteen(old.canteenID)) → \(canteen(new.canteenID))") }
        if old.mode != new.mode {
            items.append("\(service(old)) → \(service(new))")
            if new.mode == .delivery {
                // The new courier and time are what the diner needs to hear.
                if let courierID = new.courierID { items.append("courier \(courier(courierID))") }
                if new.arrivalSeconds != nil { items.append("arrival \(arrival(new.arrivalSeconds))") }
            }
        } else if old.mode == .dineIn, old.sitting != new.sitting {
            items.append("sitting \(old.sitting.map(\.description) ?? "none") → \(new.sitting.map(\.description) ?? "none")")
        } else if old.mode == .delivery {
            if old.courierID != new.courierID {
                items.append("courier \(courier(old.courierID)) → \(courier(new.courierID))")
            } else if let oldTrip = old.trip, let newTrip = new.trip, oldTrip != newTrip {
                items.append("trip \(oldTrip) → \(newTrip)")
            }
            if arrival(old.arrivalSeconds) != arrival(new.arrivalSeconds) {
                items.append("arrival \(arrival(old.arrivalSeconds)) → \(arrival(new.arrivalSeconds))")
            }
        }
        if old.locked != new.locked { items.append(new.locked ? "now locked" : "no longer locked") }
        return items
    }
}
