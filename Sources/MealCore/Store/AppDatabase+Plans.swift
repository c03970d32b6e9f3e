import GRDB

/// Which stored version of a date to read.
public enum PlanVersionChoice: Sendable, Equatable {
    /// The version operators print: the published one, else the newest.
    case current
    /// The newest version, published or not.
    case latest
    case number(Int)
}

/// A change-log entry to write together with a plan version. The store writes its detail as
/// `version N: SUMMARY`, which is how the history finds the changes made after a version.
public struct PlanChangeNote: Sendable {
    public var by: String
    public var action: String
    public var subject: String
    public var summary: String

    public init(by: String, action: String, subject: String, summary: String) {
        self.by = by
        self.action = action
        self.subject = subject
        self.summary = summary
    }
}

extension AppDatabase {
    /// One version of a date's plan.
    public func plan(date: String, version: PlanVersionChoice = .current) throws -> DayPlan {
        try read { db in try Self.plan(date: date, version: version, db) }
    }

    /// The versions of a date, oldest first.
    public func planVersions(date: String) throws -> [PlanVersion] {
        try read { db in try PlanStore.versions(date: date, db) }
    }

    /// The newest version the planner itself made (a fresh plan or a replan), if any.
    public func newestPlannerMadePlan(date: String) throws -> DayPlan? {
        try read { db in
            guard let made = try PlanStore.versions(date: date, db).last(where: \.provenance.isPlannerMade) else { return nil }
            return try PlanStore.load(date: date, version: made.version, db)
        }
    }

    /// Each diner's placement on their most recent planned day before `date`.
    public func previousMeals(before date: String) throws -> [DinerID: (date: String, meal: PlannedMeal)] {
        try read { db in try PlanStore.previousMeals(before: date, db) }
    }

    /// Stores `plan` as the next version of its date with its change-log entry, in one
    /// transaction, together with the day exceptions the change declares.
    /// - Parameter expectedLatest: the version the change was worked out on; when another version
    ///   was stored since, nothing is written and `PlanStore.Failure.versionMoved` is thrown.
    @discardableResult
    public func savePlan(_ plan: DayPlan, expectedLatest: Int? = nil, declaring declarations: [DayExceptions.Declaration] = [],
                         note: PlanChangeNote) throws -> DayPlan {
        try write { db in
            if let expectedLatest {
                let latest = try PlanStore.latestVersion(date: plan.date, db) ?? 0
                guard latest == expectedLatest else {
                    throw PlanStore.Failure.versionMoved(
                        date: plan.date, expected: expectedLatest, latest: latest,
                        since: try ChangeLog.planChanges(date: plan.date, afterVersion: expectedLatest, db)
                            .map { $0.line(on: try Self.districtTime(db)) })
                }
            }
            for declaration in declarations { try DayExceptions.record(declaration, date: plan.date, by: note.by, db) }
            let saved = try PlanStore.save(plan, db)
            try Self.logChange(db, by: note.by, action: note.action, subject: note.subject,
                               detail: "version \(saved.version): \(note.summary)")
            return saved
        }
    }

    /// Marks `version` (default: the newest) as the one operators print, with its change-log
    /// entry (`version N`, and ` (REMARK)` when given), in one transaction.
    @discardableResult
    public func publishPlan(date: String, version: Int? = nil, by user: String, remark: String? = nil) throws -> Int {
        try write { db in
            let chosen = try PlanStore.publish(date: date, version: version, db)
            try Self.logChange(db, by: user, action: "publish", subject: date,
                               detail: "version \(chosen)" + (remark.map { " (\($0))" } ?? ""))
            return chosen
        }
    }

    /// Every change-log entry about `date`, oldest first (see `ChangeLog.entries`).
    public func changeLog(aboutDate date: String) throws -> [ChangeLog.Entry] {
        try read { db in try ChangeLog.entries(aboutDate: date, db) }
    }

    /// The change-log entries about `date` that made versions after `version`, oldest first.
    public func planChanges(date: String, afterVersion version: Int) throws -> [ChangeLog.Entry] {
        try read { db in try ChangeLog.planChanges(date: date, afterVersion: version, db) }
    }

    static func plan(date: String, version: PlanVersionChoice, _ db: Database) throws -> DayPlan {
        switch version {
        case .current: return try PlanStore.load(date: date, db)
        case .number(let number): return try PlanStore.load(date: date, version: number, db)
        case .latest:
            guard let latest = try PlanStore.latestVersion(date: date, db) else { throw PlanStore.Failure.noPlan(date: date) }
            return try PlanStore.load(date: date, version: latest, db)
        }
    }
}
