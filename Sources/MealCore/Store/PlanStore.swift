import Foundation
import GRDB

/// Reads and writes day plans. Each save is a new version of its date in one transaction, so a
/// crash leaves either the whole new version or none of it, and earlier versions stay readable.
public enum PlanStore {
    public enum Failure: Error, CustomStringConvertible {
        case noPlan(date: String)
        case noVersion(date: String, version: Int)

        public var description: String {
            switch self {
            case .noPlan(let date): "no plan for \(date): make one with `mealcli plan --date \(date)`"
            case .noVersion(let date, let version): "\(date) has no plan version \(version)"
            }
        }
    }

    /// Stores `plan` as the next version of its date and returns it with its version number.
    @discardableResult
    public static func save(_ plan: DayPlan, _ db: Database) throws -> DayPlan {
        var plan = plan
        let last = try Int.fetchOne(db, sql: "SELECT max(version) FROM plan WHERE date = ? AND service = ?",
                                    arguments: [plan.date, plan.service]) ?? 0
        plan.version = last + 1
        if plan.status == .published {
            try db.execute(sql: "UPDATE plan SET status = 'draft' WHERE date = ? AND service = ?",
                           arguments: [plan.date, plan.service])
        }
        try db.execute(sql: """
            INSERT INTO plan (date, service, version, status, parameters, seed, time_limit_s, created_at, created_by,
                              input_digest, note, search_cut_short)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [plan.date, plan.service, plan.version, plan.status.rawValue, plan.parametersJSON,
                             Int64(bitPattern: plan.seed), plan.timeLimitSeconds, plan.createdAt, plan.createdBy,
                             plan.inputDigest, plan.note, try canteenList(plan.searchCutShort)])
        let planID = db.lastInsertedRowID
        let insertMeal = try db.cachedStatement(sql: """
            INSERT INTO plan_meal (plan_id, diner_id, canteen_id, mode, sitting_start_s, sitting_end_s, courier_id,
                                   trip, position, arrive_s, locked)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for meal in plan.assignments {
            try insertMeal.execute(arguments: [
                planID, meal.dinerID, meal.canteenID, meal.mode.rawValue, meal.sitting?.start.seconds,
                meal.sitting?.end.seconds, meal.courierID, meal.trip, meal.position, meal.arrivalSeconds, meal.locked,
            ])
        }
        let insertTrip = try db.cachedStatement(sql: """
            INSERT INTO plan_trip (plan_id, courier_id, trip, canteen_id, depart_s, return_s) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for round in plan.rounds {
            for (index, trip) in round.trips.enumerated() {
                try insertTrip.execute(arguments: [planID, round.courierID, index + 1, round.canteenID,
                                                   trip.departSeconds, trip.returnSeconds])
            }
        }
        let insertUnserved = try db.cachedStatement(sql: """
            INSERT INTO plan_unserved (plan_id, diner_id, reason, detail) VALUES (?, ?, ?, ?)
            """)
        for entry in plan.unserved {
            try insertUnserved.execute(arguments: [planID, entry.dinerID, entry.reason, entry.detail])
        }
        return plan
    }

    /// Versions of a date, newest last: (version, status, created_at, created_by, note).
    public static func versions(date: String, service: String = "lunch", _ db: Database) throws
        -> [(version: Int, status: DayPlan.Status, createdAt: String, createdBy: String, note: String)] {
        try Row.fetchAll(db, sql: """
            SELECT version, status, created_at, created_by, note FROM plan WHERE date = ? AND service = ? ORDER BY version
            """, arguments: [date, service]).map { row in
            (row["version"], DayPlan.Status(rawValue: row["status"]) ?? .draft, row["created_at"], row["created_by"], row["note"])
        }
    }

    /// The version operators print: the published one, else the newest.
    public static func currentVersion(date: String, service: String = "lunch", _ db: Database) throws -> Int? {
        try Int.fetchOne(db, sql: """
            SELECT version FROM plan WHERE date = ? AND service = ?
            ORDER BY (status = 'published') DESC, version DESC LIMIT 1
            """, arguments: [date, service])
    }

    /// The newest version of a date with the digest of the inputs it was planned from.
    public static func latestInputs(date: String, service: String = "lunch", _ db: Database) throws
        -> (version: Int, digest: String, status: DayPlan.Status, note: String)? {
        try Row.fetchOne(db, sql: """
            SELECT version, input_digest, status, note FROM plan WHERE date = ? AND service = ? ORDER BY version DESC LIMIT 1
            """, arguments: [date, service]).map { row in
            (row["version"], row["input_digest"], DayPlan.Status(rawValue: row["status"]) ?? .draft, row["note"])
        }
    }

    public static func latestVersion(date: String, service: String = "lunch", _ db: Database) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT max(version) FROM plan WHERE date = ? AND service = ?", arguments: [date, service])
    }

    /// Loads a version (default: the current one).
    public static func load(date: String, version: Int? = nil, service: String = "lunch", _ db: Database) throws -> DayPlan {
        guard let chosen = try version ?? currentVersion(date: date, service: service, db) else {
            throw Failure.noPlan(date: date)
        }
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM plan WHERE date = ? AND service = ? AND version = ?",
                                         arguments: [date, service, chosen]) else {
            throw Failure.noVersion(date: date, version: chosen)
        }
        let planID: Int64 = row["id"]
        let meals = try Row.fetchAll(db, sql: "SELECT * FROM plan_meal WHERE plan_id = ? ORDER BY diner_id",
                                     arguments: [planID]).map(meal(from:))
        var tripsByCourier: [String: (canteen: String, trips: [CourierRound.Trip])] = [:]
        var courierOrder: [String] = []
        for trip in try Row.fetchAll(db, sql: "SELECT * FROM plan_trip WHERE plan_id = ? ORDER BY courier_id, trip",
                                     arguments: [planID]) {
            let courier: String = trip["courier_id"]
            if tripsByCourier[courier] == nil { courierOrder.append(courier) }
            tripsByCourier[courier, default: (trip["canteen_id"], [])].trips.append(
                CourierRound.Trip(departSeconds: trip["depart_s"], returnSeconds: trip["return_s"], stops: []))
        }
        for meal in meals {
            guard let courier = meal.courierID, let trip = meal.trip, let arrival = meal.arrivalSeconds,
                  tripsByCourier[courier] != nil, trip >= 1, trip <= tripsByCourier[courier]!.trips.count else { continue }
            tripsByCourier[courier]!.trips[trip - 1].stops.append((meal.dinerID, arrival))
        }
        let positions = Dictionary(uniqueKeysWithValues: meals.map { ($0.dinerID, $0.position ?? 0) })
        let rounds = courierOrder.map { courier in
            let entry = tripsByCourier[courier]!
            return CourierRound(courierID: courier, canteenID: entry.canteen, trips: entry.trips.map { trip in
                var ordered = trip
                ordered.stops.sort { positions[$0.dinerID]! < positions[$1.dinerID]! }
                return ordered
            })
        }
        let unserved = try Row.fetchAll(db, sql: "SELECT * FROM plan_unserved WHERE plan_id = ? ORDER BY diner_id",
                                        arguments: [planID]).map { row in
            UnservedDiner(dinerID: row["diner_id"], reason: row["reason"], detail: row["detail"])
        }
        let seed: Int64 = row["seed"]
        return DayPlan(date: date, version: chosen, status: DayPlan.Status(rawValue: row["status"]) ?? .draft,
                       service: service, parametersJSON: row["parameters"], seed: UInt64(bitPattern: seed),
                       timeLimitSeconds: row["time_limit_s"], createdAt: row["created_at"], createdBy: row["created_by"],
                       inputDigest: row["input_digest"], note: row["note"], assignments: meals, rounds: rounds,
                       unserved: unserved, searchCutShort: try canteenList(row["search_cut_short"]))
    }

    /// Canteen ids as a JSON array, so any id survives the round trip.
    static func canteenList(_ ids: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)
    }

    static func canteenList(_ text: String) throws -> [String] {
        try JSONDecoder().decode([String].self, from: Data(text.utf8))
    }

    static func meal(from row: Row) throws -> PlannedMeal {
        var sitting: TimeWindow?
        if let start: Int = row["sitting_start_s"], let end: Int = row["sitting_end_s"] {
            sitting = try TimeWindow(start: TimeOfDay(seconds: start), end: TimeOfDay(seconds: end))
        }
        guard let mode = PlannedMeal.Mode(rawValue: row["mode"]) else {
            throw DomainError(field: "mode", "unknown mode in a stored plan", value: row["mode"])
        }
        return PlannedMeal(dinerID: row["diner_id"], canteenID: row["canteen_id"], mode: mode, sitting: sitting,
                           courierID: row["courier_id"], trip: row["trip"], position: row["position"],
                           arrivalSeconds: row["arrive_s"], locked: row["locked"])
    }

    /// Marks `version` (default: the newest) as the one operators print; others become drafts.
    public static func publish(date: String, version: Int? = nil, service: String = "lunch", _ db: Database) throws -> Int {
        guard let chosen = try version ?? latestVersion(date: date, service: service, db) else { throw Failure.noPlan(date: date) }
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM plan WHERE date = ? AND service = ? AND version = ?",
                                arguments: [date, service, chosen]) != nil else {
            throw Failure.noVersion(date: date, version: chosen)
        }
        try db.execute(sql: "UPDATE plan SET status = CASE WHEN version = ? THEN 'published' ELSE 'draft' END WHERE date = ? AND service = ?",
                       arguments: [chosen, date, service])
        return chosen
    }

    /// Each diner's placement on their most recent planned day before `date` (within `days`
    /// days), from that day's current version: the continuity the next plan keeps.
    public static func previousMeals(before date: String, days: Int = 14, service: String = "lunch", _ db: Database) throws
        -> [String: (date: String, meal: PlannedMeal)] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT m.*, p.date AS plan_date FROM plan_meal m JOIN plan p ON p.id = m.plan_id
            WHERE p.service = ? AND p.date < ? AND p.date >= date(?, ?)
              AND p.id = (SELECT q.id FROM plan q WHERE q.date = p.date AND q.service = p.service
                          ORDER BY (q.status = 'published') DESC, q.version DESC LIMIT 1)
            ORDER BY p.date
            """, arguments: [service, date, date, "-\(days) days"])
        var result: [String: (date: String, meal: PlannedMeal)] = [:]
        for row in rows { result[row["diner_id"]] = (row["plan_date"], try meal(from: row)) }
        return result
    }
}
