import GRDB

extension Registry {
    init(_ db: Database) throws {
        self.init(canteens: try Canteen.fetchAll(db), couriers: try Courier.fetchAll(db), diners: try Diner.fetchAll(db))
    }
}

/// Everything stored that a new plan of a date is made from, read in one transaction.
public struct StoredDayInputs: Sendable {
    public var registry: Registry
    public var exceptions: DayExceptions
    /// Diners with an open no-answer alert, whom the planner weighs higher.
    public var checkInPerson: Set<DinerID>
    /// Each diner's most recent placement before the date (see `AppDatabase.previousMeals`).
    public var previousMeals: [DinerID: PlannedMeal]
    /// The newest stored version of the date, if any.
    public var latestVersion: PlanVersion?
}

/// A stored plan version with what it is read against: the registry, the day's exceptions and
/// the welfare notes to print beside names, read in one transaction.
public struct StoredPlanContext: Sendable {
    public var plan: DayPlan
    public var registry: Registry
    public var exceptions: DayExceptions
    public var welfareNotes: [DinerID: String]
}

/// The latest version of a date as a coordinator's change starts from it, and the version the
/// coordinator was looking at when that is an older one.
public struct PlanForEditing: Sendable {
    public var latest: DayPlan
    public var base: DayPlan?
    public var registry: Registry
    public var exceptions: DayExceptions
    public var checkInPerson: Set<DinerID>
}

extension AppDatabase {
    /// The canteens, couriers and diners.
    public func registry() throws -> Registry {
        try read { db in try Registry(db) }
    }

    /// The coordinators' declarations about `date`.
    public func dayExceptions(date: String) throws -> DayExceptions {
        try read { db in try DayExceptions.load(date: date, db) }
    }

    /// The registry, exceptions, alerts and previous days a plan of `date` is made from.
    /// - Parameter planningDate: the date as planned (`YYYY-MM-DD`), when `date` was written otherwise.
    public func planningInputs(date: String, planningDate: String? = nil) throws -> StoredDayInputs {
        try read { db in
            StoredDayInputs(
                registry: try Registry(db), exceptions: try DayExceptions.load(date: date, db),
                checkInPerson: try WelfareAlerts.dinersToCheckInPerson(planning: planningDate ?? date, db),
                previousMeals: try PlanStore.previousMeals(before: date, db).mapValues(\.meal),
                latestVersion: try PlanStore.versions(date: date, db).last)
        }
    }

    /// A version of `date` with the registry, the day's exceptions and the welfare notes.
    public func planWithContext(date: String, version: PlanVersionChoice = .current) throws -> StoredPlanContext {
        try read { db in
            let plan = try Self.plan(date: date, version: version, db)
            return StoredPlanContext(plan: plan, registry: try Registry(db),
                                     exceptions: try DayExceptions.load(date: date, db),
                                     welfareNotes: try WelfareAlerts.rosterNotes(date: plan.date, db))
        }
    }

    /// The latest version of `date` for a coordinator's change, and `baseVersion` when the
    /// coordinator was looking at an older one.
    public func planForEditing(date: String, baseVersion: Int?) throws -> PlanForEditing {
        try read { db in
            let latest = try Self.plan(date: date, version: .latest, db)
            var base: DayPlan?
            if let baseVersion, baseVersion != latest.version {
                guard baseVersion < latest.version else { throw PlanStore.Failure.noVersion(date: date, version: baseVersion) }
                base = try PlanStore.load(date: date, version: baseVersion, db)
            }
            return PlanForEditing(latest: latest, base: base, registry: try Registry(db),
                                  exceptions: try DayExceptions.load(date: date, db),
                                  checkInPerson: try WelfareAlerts.dinersToCheckInPerson(planning: date, db))
        }
    }
}
