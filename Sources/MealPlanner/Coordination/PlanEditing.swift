import Foundation
import GRDB
import MealCore

/// Runs a coordinator's change against the database: on the latest version of the date,
/// refusing it when someone else changed the same diners since the version the coordinator
/// looked at, and storing the result as a new version with the change log entry, all in one
/// transaction.
public enum PlanEditing {
    /// A change made on an out-of-date version that collides with what happened since.
    public struct Conflict: Error, CustomStringConvertible {
        public var date: String
        public var baseVersion: Int
        public var latestVersion: Int
        public var collisions: [String]
        public var since: [String]

        public var description: String {
            var text = "\(date): your change was made on version \(baseVersion), but the plan is now at version "
                + "\(latestVersion) and \(collisions.joined(separator: ", ")) changed since; nothing was written."
            if !since.isEmpty { text += "\nChanges since version \(baseVersion):\n" + since.map { "  " + $0 }.joined(separator: "\n") }
            return text + "\nLook at `mealcli diff --date \(date)` and make the change again on version \(latestVersion)."
        }
    }

    /// The context an edit works in, read from the latest version.
    public struct Context: Sendable {
        public var plan: DayPlan
        public var canteens: [Canteen]
        public var couriers: [Courier]
        public var diners: [Diner]
        public var parameters: PlanningParameters
        public var day: ServiceDay
    }

    public static func context(date: String, _ db: Database) throws -> Context {
        guard let latest = try PlanStore.latestVersion(date: date, db) else { throw PlanStore.Failure.noPlan(date: date) }
        let plan = try PlanStore.load(date: date, version: latest, db)
        var day = try ServiceDay(date: date)
        day.exceptions = try DayExceptions.load(date: date, db)
        let parameters = (try? JSONDecoder().decode(PlanningParameters.self, from: Data(plan.parametersJSON.utf8))) ?? .standard
        // The same weighing as planning: a diner nobody answered for yesterday counts higher.
        let diners = DailyPlanning.raisingPriority(
            of: try Diner.fetchAll(db), checkInPerson: try WelfareAlerts.dinersToCheckInPerson(planning: date, db))
        return Context(plan: plan, canteens: try Canteen.fetchAll(db), couriers: try Courier.fetchAll(db),
                       diners: diners, parameters: parameters, day: day)
    }

    /// Diners whose meal differs in any way between two versions (placement, round, time,
    /// lock, or served versus not).
    static func differingDiners(_ a: DayPlan, _ b: DayPlan) -> Set<String> {
        let mealsA = Dictionary(uniqueKeysWithValues: a.assignments.map { ($0.dinerID, $0) })
        let mealsB = Dictionary(uniqueKeysWithValues: b.assignments.map { ($0.dinerID, $0) })
        let unservedA = Dictionary(uniqueKeysWithValues: a.unserved.map { ($0.dinerID, $0) })
        let unservedB = Dictionary(uniqueKeysWithValues: b.unserved.map { ($0.dinerID, $0) })
        let ids = Set(mealsA.keys).union(mealsB.keys).union(unservedA.keys).union(unservedB.keys)
        return ids.filter { mealsA[$0] != mealsB[$0] || unservedA[$0] != unservedB[$0] }
    }

    /// Applies `edit` to the latest version of `date` and stores the result.
    /// - Parameter baseVersion: the version the coordinator was looking at (nil: the latest).
    @discardableResult
    public static func apply(date: String, in database: AppDatabase, by user: String, baseVersion: Int?,
                             action: String, subject: String, _ edit: (inout PlanEditor) throws -> Void) throws -> (plan: DayPlan, editor: PlanEditor) {
        let (context, base) = try database.writer.read { db -> (Context, DayPlan?) in
            let context = try PlanEditing.context(date: date, db)
            guard let baseVersion, baseVersion != context.plan.version else { return (context, nil) }
            guard baseVersion < context.plan.version else { throw PlanStore.Failure.noVersion(date: date, version: baseVersion) }
            return (context, try PlanStore.load(date: date, version: baseVersion, db))
        }
        var editor = PlanEditor(plan: context.plan, canteens: context.canteens, couriers: context.couriers,
                                diners: context.diners, parameters: context.parameters, day: context.day)
        try edit(&editor)
        if let base {
            let changedSince = differingDiners(base, context.plan)
            let collisions = editor.touched.intersection(changedSince)
            if !collisions.isEmpty {
                let since = try database.writer.read { db in try history(date: date, afterVersion: base.version, db) }
                throw Conflict(date: date, baseVersion: base.version, latestVersion: context.plan.version,
                               collisions: collisions.sorted(), since: since)
            }
        }
        let result = editor.result(from: context.plan, note: "\(action) \(subject)", by: user)
        let stored = try database.writer.write { db -> DayPlan in
            // Someone may have stored a version while this change was being worked out.
            let latest = try PlanStore.latestVersion(date: date, db) ?? 0
            guard latest == context.plan.version else {
                throw Conflict(date: date, baseVersion: context.plan.version, latestVersion: latest,
                               collisions: ["the plan"], since: try history(date: date, afterVersion: context.plan.version, db))
            }
            try record(from: context.day.exceptions, to: editor.day.exceptions, date: date, by: user, db)
            let saved = try PlanStore.save(result, db)
            try AppDatabase.logChange(db, by: user, action: action, subject: "\(date) \(subject)",
                                      detail: "version \(saved.version): " + editor.log.joined(separator: "; "))
            return saved
        }
        return (stored, editor)
    }

    static func record(from old: DayExceptions, to new: DayExceptions, date: String, by user: String, _ db: Database) throws {
        for id in new.absentCouriers.subtracting(old.absentCouriers) {
            try DayExceptions.record(.courierAbsent, subject: id, date: date, by: user, db)
        }
        for id in new.closedCanteens.subtracting(old.closedCanteens) {
            try DayExceptions.record(.canteenClosed, subject: id, date: date, by: user, db)
        }
        for (id, reason) in new.cancelledMeals where old.cancelledMeals[id] != reason {
            try DayExceptions.record(.mealCancelled, subject: id, reason: reason, date: date, by: user, db)
        }
        for id in new.extraMeals.subtracting(old.extraMeals) {
            try DayExceptions.record(.extraMeal, subject: id, date: date, by: user, db)
        }
    }

    /// Change-log lines about `date` that made versions after `version`, oldest first.
    public static func history(date: String, afterVersion version: Int, _ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: """
            SELECT at, by, action, detail FROM change_log WHERE subject = ? OR subject LIKE ? ORDER BY id
            """, arguments: [date, date + " %"]).compactMap { row in
            let detail: String = row["detail"]
            // Plan changes record "version N: ..."; keep those that came after the base version.
            guard detail.hasPrefix("version "), let number = Int(detail.dropFirst(8).prefix { $0.isNumber }),
                  number > version else { return nil }
            let at: String = row["at"], by: String = row["by"], action: String = row["action"]
            return "\(at) \(by): \(action) — \(detail)"
        }
    }
}
