import MealCore

/// What became of a change in the store: a new version, or nothing when the change changed
/// nothing (locking a diner already locked, a replan that moves nobody), and whether the change
/// published the plan.
public struct StoredChange: Sendable {
    /// The new version, or the latest version as it was when nothing changed.
    public var plan: DayPlan
    /// False when the change changed nothing and no version was stored.
    public var isNewVersion: Bool
    /// The version published by this change, if it published one.
    public var published: Int?

    /// Whether `plan` holds exactly what `current` holds: the same meals, rounds and unserved diners.
    public static func isUnchanged(_ plan: DayPlan, from current: DayPlan) -> Bool {
        let byCourier = { (plan: DayPlan) in plan.rounds.sorted { $0.courierID < $1.courierID } }
        return PlanEditing.differingDiners(plan, current).isEmpty && byCourier(plan) == byCourier(current)
    }

    /// Stores `plan` as the version after `current`, published when asked, in one transaction;
    /// when it holds what `current` holds and declares nothing new, stores nothing (and publishes
    /// `current` when asked and not yet published).
    static func store(_ plan: DayPlan, over current: DayPlan, declaring declarations: [DayExceptions.Declaration] = [],
                      in database: AppDatabase, publish: Bool, note: PlanChangeNote) throws -> StoredChange {
        if declarations.isEmpty && isUnchanged(plan, from: current) {
            guard publish, current.status != .published else { return StoredChange(plan: current, isNewVersion: false) }
            let version = try database.publishPlan(date: current.date, version: current.version, by: note.by,
                                                   remark: "\(note.action) changed nothing")
            var published = current
            published.status = .published
            return StoredChange(plan: published, isNewVersion: false, published: version)
        }
        var plan = plan
        plan.status = publish ? .published : .draft
        var note = note
        if publish { note.summary += "; published" }
        let saved = try PlanEditing.saving(date: plan.date) {
            // Someone may have stored a version while this change was being worked out.
            try database.savePlan(plan, expectedLatest: current.version, declaring: declarations, note: note)
        }
        return StoredChange(plan: saved, isNewVersion: true, published: publish ? saved.version : nil)
    }
}
