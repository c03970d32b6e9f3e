import GRDB

/// A row of `plan`: one version of a date's plan, without its meals, trips and unserved diners.
struct PlanRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "plan"

    var id: Int64?
    var date: String
    var service: String
    var version: Int
    var status: DayPlan.Status
    var parameters: String
    /// The seed's bits as a signed integer, since SQLite integers are signed.
    var seed: Int64
    var timeLimitSeconds: Double
    var createdAt: String
    var createdBy: String
    var inputDigest: String
    var note: String
    /// `PlanProvenance.storedValue`.
    var provenance: String
    /// Canteens whose routing the time guard stopped; GRDB stores the array as JSON text.
    var searchCutShort: [CanteenID]
    /// `TravelModelKind` and the road network's digest (empty for the straight line).
    var travelModel: TravelModelKind
    var networkDigest: String

    enum CodingKeys: String, CodingKey {
        case id, date, service, version, status, parameters, seed, note, provenance
        case timeLimitSeconds = "time_limit_s"
        case createdAt = "created_at"
        case createdBy = "created_by"
        case inputDigest = "input_digest"
        case searchCutShort = "search_cut_short"
        case travelModel = "travel_model"
        case networkDigest = "network_digest"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let date = Column(CodingKeys.date)
        static let service = Column(CodingKeys.service)
        static let version = Column(CodingKeys.version)
        static let status = Column(CodingKeys.status)
    }

    init(_ plan: DayPlan) {
        date = plan.date
        service = plan.service
        version = plan.version
        status = plan.status
        parameters = plan.parametersJSON
        seed = Int64(bitPattern: plan.seed)
        timeLimitSeconds = plan.timeLimitSeconds
        createdAt = plan.createdAt
        createdBy = plan.createdBy
        inputDigest = plan.inputDigest
        note = plan.note
        provenance = plan.provenance.storedValue
        searchCutShort = plan.searchCutShort
        travelModel = plan.travel.kind
        networkDigest = plan.travel.networkDigest ?? ""
    }

    var travel: TravelModelIdentity {
        TravelModelIdentity(kind: travelModel, networkDigest: networkDigest.isEmpty ? nil : networkDigest)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    func decodedProvenance() throws -> PlanProvenance {
        guard let known = PlanProvenance(storedValue: provenance) else {
            throw DomainError(field: "provenance", "unknown provenance in a stored plan", value: provenance)
        }
        return known
    }

    /// Versions of one date and service.
    static func filter(date: String, service: String) -> QueryInterfaceRequest<PlanRecord> {
        PlanRecord.filter(Columns.date == date && Columns.service == service)
    }
}

/// A row of `plan_meal`: where one diner eats in one plan version.
struct PlanMealRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "plan_meal"

    var planID: Int64
    var dinerID: DinerID
    var canteenID: CanteenID
    var mode: ServiceMode
    var sittingStartSeconds: Int?
    var sittingEndSeconds: Int?
    var courierID: CourierID?
    var trip: Int?
    var position: Int?
    var arrivalSeconds: Int?
    var locked: Bool

    enum CodingKeys: String, CodingKey {
        case mode, trip, position, locked
        case planID = "plan_id"
        case dinerID = "diner_id"
        case canteenID = "canteen_id"
        case sittingStartSeconds = "sitting_start_s"
        case sittingEndSeconds = "sitting_end_s"
        case courierID = "courier_id"
        case arrivalSeconds = "arrive_s"
    }

    enum Columns {
        static let planID = Column(CodingKeys.planID)
        static let dinerID = Column(CodingKeys.dinerID)
    }

    init(_ meal: PlannedMeal, planID: Int64) {
        self.planID = planID
        dinerID = meal.dinerID
        canteenID = meal.canteenID
        mode = meal.mode
        sittingStartSeconds = meal.sitting?.start.seconds
        sittingEndSeconds = meal.sitting?.end.seconds
        courierID = meal.courierID
        trip = meal.trip
        position = meal.position
        arrivalSeconds = meal.arrivalSeconds
        locked = meal.locked
    }

    func plannedMeal() throws -> PlannedMeal {
        var sitting: TimeWindow?
        if let sittingStartSeconds, let sittingEndSeconds {
            sitting = try TimeWindow(start: TimeOfDay(seconds: sittingStartSeconds), end: TimeOfDay(seconds: sittingEndSeconds))
        }
        return PlannedMeal(dinerID: dinerID, canteenID: canteenID, mode: mode, sitting: sitting, courierID: courierID,
                           trip: trip, position: position, arrivalSeconds: arrivalSeconds, locked: locked)
    }
}

/// A row of `plan_trip`: one trip of a courier's round, without its stops (those are meals).
struct PlanTripRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "plan_trip"

    var planID: Int64
    var courierID: CourierID
    /// 1-based.
    var trip: Int
    var canteenID: CanteenID
    var departSeconds: Int
    var returnSeconds: Int

    enum CodingKeys: String, CodingKey {
        case trip
        case planID = "plan_id"
        case courierID = "courier_id"
        case canteenID = "canteen_id"
        case departSeconds = "depart_s"
        case returnSeconds = "return_s"
    }

    enum Columns {
        static let planID = Column(CodingKeys.planID)
        static let courierID = Column(CodingKeys.courierID)
        static let trip = Column(CodingKeys.trip)
    }
}

/// A row of `plan_unserved`: a diner who eats that day but has no place in one plan version.
struct PlanUnservedRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "plan_unserved"

    var planID: Int64
    var dinerID: DinerID
    var reason: UnservedReason
    var detail: String

    enum CodingKeys: String, CodingKey {
        case reason, detail
        case planID = "plan_id"
        case dinerID = "diner_id"
    }

    enum Columns {
        static let planID = Column(CodingKeys.planID)
        static let dinerID = Column(CodingKeys.dinerID)
    }

    var unservedDiner: UnservedDiner { UnservedDiner(dinerID: dinerID, reason: reason, detail: detail) }
}
