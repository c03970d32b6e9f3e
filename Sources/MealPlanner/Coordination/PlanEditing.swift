import Foundation
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
        public var collisions: [DinerID]
        public var since: [String]

        public init(date: String, baseVersion: Int, latestVersion: Int, collisions: [DinerID], since: [String]) {
            self.date = date
            self.baseVersion = baseVersion
            self.latestVersion = latestVersion
            self.collisions = collisions
            self.since = since
        }

        public var description: String {
            var text = "\(date): your change was made on version \(baseVersion), but the plan is now at version "
                + "\(latestVersion) and \(collisions.map(\.rawValue).joined(separator: ", ")) changed since; nothing was written."
            if !since.isEmpty { text += "\nChanges since version \(baseVersion):\n" + since.map { "  " + $0 }.joined(separator: "\n") }
            return text
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

    /// The context an edit of `stored.latest` works in.
    public static func context(_ stored: PlanForEditing) throws -> Context {
        let plan = stored.latest
        var day = try ServiceDay(date: plan.date)
        day.exceptions = stored.exceptions
        let parameters = try PlanningParameters(storedWith: plan)
        // The same weighing as planning: a diner nobody answered for yesterday counts higher.
        let diners = DailyPlanning.raisingPriority(of: stored.registry.diners, checkInPerson: stored.checkInPerson)
        return Context(plan: plan, canteens: stored.registry.canteens, couriers: stored.registry.couriers,
                       diners: diners, parameters: parameters, day: day)
    }

    /// Diners whose meal differs in any way between two versions (placement, round, time,
    /// lock, or served versus not).
    static func differingDiners(_ a: DayPlan, _ b: DayPlan) -> Set<DinerID> {
        let mealsA = Dictionary(uniqueKeysWithValues: a.assignments.map { ($0.dinerID, $0) })
        let mealsB = Dictionary(uniqueKeysWithValues: b.assignments.map { ($0.dinerID, $0) })
        let unservedA = Dictionary(uniqueKeysWithValues: a.unserved.map { ($0.dinerID, $0) })
        let unservedB = Dictionary(uniqueKeysWithValues: b.unserved.map { ($0.dinerID, $0) })
        let ids = Set(mealsA.keys).union(mealsB.keys).union(unservedA.keys).union(unservedB.keys)
        return ids.filter { mealsA[$0] != mealsB[$0] || unservedA[$0] != unservedB[$0] }
    }

    /// A change applied: the editor (what it did, whom it touched) and what was stored.
    public struct Edit {
        public var editor: PlanEditor
        public var change: StoredChange
        /// The new version, or the latest version as it was when the change changed nothing.
        public var plan: DayPlan { change.plan }
    }

    /// Applies `edit` to the latest version of `date` and stores the result, unless it changes
    /// nothing (see `StoredChange`).
    /// - Parameter baseVersion: the version the coordinator was looking at (nil: the latest).
    /// - Parameter publish: make the result the version operators print, in the same transaction.
    @discardableResult
    public static func apply(date: String, in database: AppDatabase, by user: String, baseVersion: Int?, publish: Bool = false,
                             action: String, subject: String, _ edit: (inout PlanEditor) throws -> Void) throws -> Edit {
        let stored = try database.planForEditing(date: date, baseVersion: baseVersion)
        let context = try Self.context(stored)
        // An edit re-times rounds with the model the plan was made with (it fails, saying so,
        // when that was the road network and none is imported any more).
        let travel = try TravelSelection.choose(context.plan.travel.kind, in: database)
        var editor = PlanEditor(plan: context.plan, canteens: context.canteens, couriers: context.couriers,
                                diners: context.diners, parameters: context.parameters, day: context.day,
                                travel: travel.model(for: context.parameters))
        try edit(&editor)
        if let base = stored.base {
            let changedSince = differingDiners(base, context.plan)
            let collisions = editor.touched.intersection(changedSince)
            if !collisions.isEmpty {
                let clock = try database.districtTime()
                let since = try database.planChanges(date: date, afterVersion: base.version).map { $0.line(on: clock) }
                throw Conflict(date: date, baseVersion: base.version, latestVersion: context.plan.version,
                               collisions: collisions.sorted(), since: since)
            }
        }
        let result = editor.result(from: context.plan, note: "\(action) \(subject)", provenance: .edited(action: action), by: user)
        let change = try StoredChange.store(result, over: context.plan,
                                            declaring: editor.day.exceptions.declarations(since: context.day.exceptions),
                                            in: database, publish: publish,
                                            note: PlanChangeNote(by: user, action: action, subject: "\(date) \(subject)",
                                                                 summary: editor.log.joined(separator: "; ")))
        return Edit(editor: editor, change: change)
    }

    /// Runs a save, turning "another version was stored meanwhile" into a `Conflict` on the whole plan.
    static func saving(date: String, _ save: () throws -> DayPlan) throws -> DayPlan {
        do {
            return try save()
        } catch PlanStore.Failure.versionMoved(_, let expected, let latest, let since) {
            throw Conflict(date: date, baseVersion: expected, latestVersion: latest, collisions: ["the plan"], since: since)
        }
    }
}
