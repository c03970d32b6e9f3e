import Foundation
import GRDB

/// Reads and writes day plans inside a transaction the caller holds (`AppDatabase` opens it).
/// Each save is a new version of its date, so a crash leaves either the whole new version or
/// none of it, and earlier versions stay readable.
public enum PlanStore {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case noPlan(date: String)
        case noVersion(date: String, version: Int)
        /// A change was worked out on `expected`, but another version was stored meanwhile.
        case versionMoved(date: String, expected: Int, latest: Int, since: [String])

        public var description: String {
            switch self {
            case .noPlan(let date): "no plan for \(date)"
            case .noVersion(let date, let version): "\(date) has no plan version \(version)"
            case .versionMoved(let date, let expected, let latest, _):
                "\(date): the plan moved from version \(expected) to \(latest) while the change was worked out"
            }
        }
    }

    /// Stores `plan` as the next version of its date and returns it with its version number.
    @discardableResult
    static func save(_ plan: DayPlan, _ db: Database) throws -> DayPlan {
        var plan = plan
        plan.version = (try latestVersion(date: plan.date, service: plan.service, db) ?? 0) + 1
        if plan.status == .published {
            try PlanRecord.filter(date: plan.date, service: plan.service)
                .updateAll(db, PlanRecord.Columns.status.set(to: DayPlan.Status.draft.rawValue))
        }
        var record = PlanRecord(plan)
        try record.insert(db)
        guard let planID = record.id else { return plan }
        for meal in plan.assignments { try PlanMealRecord(meal, planID: planID).insert(db) }
        for round in plan.rounds {
            for (index, trip) in round.trips.enumerated() {
                try PlanTripRecord(planID: planID, courierID: round.courierID, trip: index + 1, canteenID: round.canteenID,
                                   departSeconds: trip.departSeconds, returnSeconds: trip.returnSeconds).insert(db)
            }
        }
        for entry in plan.unserved {
            try PlanUnservedRecord(planID: planID, dinerID: entry.dinerID, reason: entry.reason, detail: entry.detail).insert(db)
        }
        return plan
    }

    /// Versions of a date, oldest first.
    static func versions(date: String, service: String = "lunch", _ db: Database) throws -> [PlanVersion] {
        try PlanRecord.filter(date: date, service: service).order(PlanRecord.Columns.version).fetchAll(db).map { record in
            PlanVersion(version: record.version, status: record.status, createdAt: record.createdAt,
                        createdBy: record.createdBy, note: record.note, provenance: try record.decodedProvenance(),
                        inputDigest: record.inputDigest)
        }
    }

    /// The version operators print: the published one, else the newest.
    static func currentVersion(date: String, service: String = "lunch", _ db: Database) throws -> Int? {
        try Int.fetchOne(db, sql: """
            SELECT version FROM plan WHERE date = ? AND service = ?
            ORDER BY (status = 'published') DESC, version DESC LIMIT 1
            """, arguments: [date, service])
    }

    static func latestVersion(date: String, service: String = "lunch", _ db: Database) throws -> Int? {
        try PlanRecord.filter(date: date, service: service).select(max(PlanRecord.Columns.version), as: Int?.self)
            .fetchOne(db) ?? nil
    }

    /// Loads a version (default: the current one).
    static func load(date: String, version: Int? = nil, service: String = "lunch", _ db: Database) throws -> DayPlan {
        guard let chosen = try version ?? currentVersion(date: date, service: service, db) else {
            throw Failure.noPlan(date: date)
        }
        guard let record = try PlanRecord.filter(date: date, service: service)
            .filter(PlanRecord.Columns.version == chosen).fetchOne(db), let planID = record.id else {
            throw Failure.noVersion(date: date, version: chosen)
        }
        let meals = try PlanMealRecord.filter(PlanMealRecord.Columns.planID == planID)
            .order(PlanMealRecord.Columns.dinerID).fetchAll(db).map { try $0.plannedMeal() }
        let trips = try PlanTripRecord.filter(PlanTripRecord.Columns.planID == planID)
            .order(PlanTripRecord.Columns.courierID, PlanTripRecord.Columns.trip).fetchAll(db)
        let unserved = try PlanUnservedRecord.filter(PlanUnservedRecord.Columns.planID == planID)
            .order(PlanUnservedRecord.Columns.dinerID).fetchAll(db).map(\.unservedDiner)
        return DayPlan(date: date, version: chosen, status: record.status, service: service,
                       parametersJSON: record.parameters, seed: UInt64(bitPattern: record.seed),
                       timeLimitSeconds: record.timeLimitSeconds, createdAt: record.createdAt,
                       createdBy: record.createdBy, inputDigest: record.inputDigest, note: record.note,
                       provenance: try record.decodedProvenance(), assignments: meals,
                       rounds: rounds(trips: trips, meals: meals), unserved: unserved,
                       searchCutShort: record.searchCutShort, travel: record.travel)
    }

    /// The couriers' rounds, in courier order, with each trip's stops in visiting order.
    private static func rounds(trips: [PlanTripRecord], meals: [PlannedMeal]) -> [CourierRound] {
        var tripsByCourier: [CourierID: (canteen: CanteenID, trips: [CourierRound.Trip])] = [:]
        var courierOrder: [CourierID] = []
        for trip in trips {
            if tripsByCourier[trip.courierID] == nil { courierOrder.append(trip.courierID) }
            tripsByCourier[trip.courierID, default: (trip.canteenID, [])].trips.append(
                CourierRound.Trip(departSeconds: trip.departSeconds, returnSeconds: trip.returnSeconds, stops: []))
        }
        for meal in meals {
            guard let courier = meal.courierID, let trip = meal.trip, let arrival = meal.arrivalSeconds,
                  tripsByCourier[courier] != nil, trip >= 1, trip <= tripsByCourier[courier]!.trips.count else { continue }
            tripsByCourier[courier]!.trips[trip - 1].stops.append((meal.dinerID, arrival))
        }
        let positions = Dictionary(uniqueKeysWithValues: meals.map { ($0.dinerID, $0.position ?? 0) })
        return courierOrder.map { courier in
            let entry = tripsByCourier[courier]!
            return CourierRound(courierID: courier, canteenID: entry.canteen, trips: entry.trips.map { trip in
                var ordered = trip
                ordered.stops.sort { positions[$0.dinerID]! < positions[$1.dinerID]! }
                return ordered
            })
        }
    }

    /// Marks `version` (default: the newest) as the one operators print; others become drafts.
    static func publish(date: String, version: Int? = nil, service: String = "lunch", _ db: Database) throws -> Int {
        guard let chosen = try version ?? latestVersion(date: date, service: service, db) else { throw Failure.noPlan(date: date) }
        guard try PlanRecord.filter(date: date, service: service).filter(PlanRecord.Columns.version == chosen)
            .fetchCount(db) > 0 else {
            throw Failure.noVersion(date: date, version: chosen)
        }
        try db.execute(sql: "UPDATE plan SET status = CASE WHEN version = ? THEN 'published' ELSE 'draft' END WHERE date = ? AND service = ?",
                       arguments: [chosen, date, service])
        return chosen
    }

    /// Each diner's placement on their most recent planned day before `date` (within `days`
    /// days), from that day's current version: the continuity the next plan keeps.
    static func previousMeals(before date: String, days: Int = 14, service: String = "lunch", _ db: Database) throws
        -> [DinerID: (date: String, meal: PlannedMeal)] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT m.*, p.date AS plan_date FROM plan_meal m JOIN plan p ON p.id = m.plan_id
            WHERE p.service = ? AND p.date < ? AND p.date >= date(?, ?)
              AND p.id = (SELECT q.id FROM plan q WHERE q.date = p.date AND q.service = p.service
                          ORDER BY (q.status = 'published') DESC, q.version DESC LIMIT 1)
            ORDER BY p.date
            """, arguments: [service, date, date, "-\(days) days"])
        var result: [DinerID: (date: String, meal: PlannedMeal)] = [:]
        for row in rows { result[row["diner_id"]] = (row["plan_date"], try PlanMealRecord(row: row).plannedMeal()) }
        return result
    }
}

/// One stored version of a date as the history lists it, without its meals.
public struct PlanVersion: Sendable, Equatable {
    public var version: Int
    public var status: DayPlan.Status
    public var createdAt: String
    public var createdBy: String
    public var note: String
    public var provenance: PlanProvenance
    /// What the version was planned from (see `DayPlan.inputDigest`).
    public var inputDigest: String
}
