import GRDB

/// The coordinators' declarations about a date that every plan version of it must respect.
public struct DayExceptions: Sendable, Equatable {
    public var absentCouriers: Set<CourierID> = []
    public var closedCanteens: Set<CanteenID> = []
    /// Diner id → reason (`hospitalized`, `away`, `other`).
    public var cancelledMeals: [DinerID: String] = [:]
    /// Diners who eat that day although not subscribed on that weekday.
    public var extraMeals: Set<DinerID> = []

    public init() {}

    public enum Kind: String, Sendable {
        case courierAbsent = "courier_absent"
        case canteenClosed = "canteen_closed"
        case mealCancelled = "meal_cancelled"
        case extraMeal = "extra_meal"
    }

    static func load(date: String, _ db: Database) throws -> DayExceptions {
        var result = DayExceptions()
        for row in try Row.fetchAll(db, sql: "SELECT kind, subject, reason FROM day_exception WHERE date = ? ORDER BY id",
                                    arguments: [date]) {
            let subject: String = row["subject"]
            switch Kind(rawValue: row["kind"]) {
            case .courierAbsent: result.absentCouriers.insert(CourierID(subject))
            case .canteenClosed: result.closedCanteens.insert(CanteenID(subject))
            case .mealCancelled: result.cancelledMeals[DinerID(subject)] = row["reason"]
            case .extraMeal: result.extraMeals.insert(DinerID(subject))
            case nil: break
            }
        }
        return result
    }

    /// Records a declaration; declaring the same thing twice is harmless. A cancellation and an
    /// extra meal for the same diner undo each other.
    static func record(_ kind: Kind, subject: String, reason: String = "", date: String, by user: String,
                       _ db: Database) throws {
        if kind == .extraMeal || kind == .mealCancelled {
            let opposite: Kind = kind == .extraMeal ? .mealCancelled : .extraMeal
            try db.execute(sql: "DELETE FROM day_exception WHERE date = ? AND kind = ? AND subject = ?",
                           arguments: [date, opposite.rawValue, subject])
        }
        try db.execute(sql: """
            INSERT INTO day_exception (date, kind, subject, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(date, kind, subject) DO UPDATE SET reason = excluded.reason
            """, arguments: [date, kind.rawValue, subject, reason, user, ChangeClock.timestamp()])
    }

    /// One declaration to record about a date.
    public struct Declaration: Sendable, Equatable {
        public var kind: Kind
        public var subject: String
        public var reason: String

        public init(_ kind: Kind, subject: String, reason: String = "") {
            self.kind = kind
            self.subject = subject
            self.reason = reason
        }
    }

    /// What `new` declares that `old` did not, to record when a change is stored.
    public func declarations(since old: DayExceptions) -> [Declaration] {
        absentCouriers.subtracting(old.absentCouriers).map { Declaration(.courierAbsent, subject: $0.rawValue) }
            + closedCanteens.subtracting(old.closedCanteens).map { Declaration(.canteenClosed, subject: $0.rawValue) }
            + cancelledMeals.filter { old.cancelledMeals[$0.key] != $0.value }
                .map { Declaration(.mealCancelled, subject: $0.key.rawValue, reason: $0.value) }
            + extraMeals.subtracting(old.extraMeals).map { Declaration(.extraMeal, subject: $0.rawValue) }
    }

    static func record(_ declaration: Declaration, date: String, by user: String, _ db: Database) throws {
        try record(declaration.kind, subject: declaration.subject, reason: declaration.reason, date: date, by: user, db)
    }
}
