/// One stored version of a day's lunch plan: where every diner eats, the couriers' rounds, and
/// who is left out and why. Plain data; the planner makes it, the store keeps it, the rosters
/// print it.
public struct DayPlan: Sendable, Equatable {
    public enum Status: String, Sendable, Codable {
        case draft, published
    }

    /// `YYYY-MM-DD`.
    public var date: String
    /// 1 for the first plan of a date, then counting up; 0 until stored.
    public var version: Int
    public var status: Status
    public var service: String
    /// The planning parameters as JSON, kept so a printed roster can always be explained.
    public var parametersJSON: String
    public var seed: UInt64
    public var timeLimitSeconds: Double
    public var createdAt: String
    public var createdBy: String
    /// What the plan was made from (registry and previous days), to tell whether planning again
    /// would change anything.
    public var inputDigest: String
    /// A short note for people: "planned", "courier K003 absent", "moved D00012".
    public var note: String
    /// Who made this version; replanning reads it, never the note.
    public var provenance: PlanProvenance
    public var assignments: [PlannedMeal]
    public var rounds: [CourierRound]
    public var unserved: [UnservedDiner]
    /// Canteens whose routing the time guard stopped before the work budget was spent: their
    /// rounds depend on how busy the machine was. Empty for a normal day.
    public var searchCutShort: [CanteenID]
    /// The travel model the plan was made (or, for an edit, re-timed) with.
    public var travel: TravelModelIdentity

    public init(date: String, version: Int = 0, status: Status = .draft, service: String = "lunch",
                parametersJSON: String, seed: UInt64, timeLimitSeconds: Double, createdAt: String,
                createdBy: String, inputDigest: String = "", note: String = "",
                provenance: PlanProvenance = .planned, assignments: [PlannedMeal], rounds: [CourierRound],
                unserved: [UnservedDiner], searchCutShort: [CanteenID] = [], travel: TravelModelIdentity = .straight) {
        self.searchCutShort = searchCutShort
        self.travel = travel
        self.date = date
        self.version = version
        self.status = status
        self.service = service
        self.parametersJSON = parametersJSON
        self.seed = seed
        self.timeLimitSeconds = timeLimitSeconds
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.inputDigest = inputDigest
        self.note = note
        self.provenance = provenance
        self.assignments = assignments
        self.rounds = rounds
        self.unserved = unserved
    }

    public func assignment(of dinerID: DinerID) -> PlannedMeal? {
        assignments.first { $0.dinerID == dinerID }
    }
}

/// Where one diner gets lunch.
public struct PlannedMeal: Sendable, Equatable, Codable {
    public var dinerID: DinerID
    public var canteenID: CanteenID
    public var mode: ServiceMode
    /// For dine-in.
    public var sitting: TimeWindow?
    /// For delivery: who brings it, on which trip (1-based), at which place in the trip (1-based),
    /// and when the courier is planned to arrive (seconds since midnight).
    public var courierID: CourierID?
    public var trip: Int?
    public var position: Int?
    public var arrivalSeconds: Int?
    /// A coordinator fixed this placement; replanning keeps it.
    public var locked: Bool

    public init(dinerID: DinerID, canteenID: CanteenID, mode: ServiceMode, sitting: TimeWindow? = nil, courierID: CourierID? = nil,
                trip: Int? = nil, position: Int? = nil, arrivalSeconds: Int? = nil, locked: Bool = false) {
        self.dinerID = dinerID
        self.canteenID = canteenID
        self.mode = mode
        self.sitting = sitting
        self.courierID = courierID
        self.trip = trip
        self.position = position
        self.arrivalSeconds = arrivalSeconds
        self.locked = locked
    }
}

/// A courier's day: trips out of the canteen and back.
public struct CourierRound: Sendable, Equatable {
    public struct Trip: Sendable, Equatable {
        /// Seconds since midnight.
        public var departSeconds: Int
        public var returnSeconds: Int
        /// Diner ids in visiting order, with planned arrival times.
        public var stops: [(dinerID: DinerID, arrivalSeconds: Int)]

        public init(departSeconds: Int, returnSeconds: Int, stops: [(dinerID: DinerID, arrivalSeconds: Int)]) {
            self.departSeconds = departSeconds
            self.returnSeconds = returnSeconds
            self.stops = stops
        }

        public static func == (lhs: Trip, rhs: Trip) -> Bool {
            lhs.departSeconds == rhs.departSeconds && lhs.returnSeconds == rhs.returnSeconds
                && lhs.stops.map(\.dinerID) == rhs.stops.map(\.dinerID)
                && lhs.stops.map(\.arrivalSeconds) == rhs.stops.map(\.arrivalSeconds)
        }
    }

    public var courierID: CourierID
    public var canteenID: CanteenID
    public var trips: [Trip]

    public init(courierID: CourierID, canteenID: CanteenID, trips: [Trip]) {
        self.courierID = courierID
        self.canteenID = canteenID
        self.trips = trips
    }
}

/// A diner who eats that day but has no place, with a reason code and a sentence.
public struct UnservedDiner: Sendable, Equatable, Codable {
    public var dinerID: DinerID
    public var reason: UnservedReason
    public var detail: String

    public init(dinerID: DinerID, reason: UnservedReason, detail: String) {
        self.dinerID = dinerID
        self.reason = reason
        self.detail = detail
    }
}
