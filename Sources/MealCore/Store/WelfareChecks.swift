import GRDB

/// What the courier found at the door. The round is also a daily check on elderly people who
/// often live alone, so anything but `delivered` may need someone to act.
public enum WelfareStatus: String, CaseIterable, Codable, Sendable {
    case delivered
    case noAnswer = "no_answer"
    case refused
    case hospitalized

    public var label: String {
        switch self {
        case .delivered: "已送达"
        case .noAnswer: "无人应答"
        case .refused: "拒收"
        case .hospitalized: "住院"
        }
    }
}

/// One diner's finding on one date.
public struct WelfareOutcome: Sendable, Equatable {
    public var date: String
    public var dinerID: DinerID
    public var status: WelfareStatus
    /// The courier's words, e.g. "邻居说昨晚没见到她".
    public var note: String
    /// Who found it: the courier or the coordinator who took the call.
    public var recordedBy: String

    public init(date: String, dinerID: DinerID, status: WelfareStatus, note: String = "", recordedBy: String) {
        self.date = date
        self.dinerID = dinerID
        self.status = status
        self.note = note
        self.recordedBy = recordedBy
    }
}

/// A finding that someone must follow up, open until it is resolved with a note.
public struct WelfareAlert: Sendable, Equatable, Identifiable {
    public enum Kind: String, CaseIterable, Codable, Sendable {
        /// Nobody opened the door.
        case noAnswer = "no_answer"
        /// Two consecutive recorded outcomes were refusals: the diner may be ill or unhappy.
        case refusedTwice = "refused_twice"

        public var label: String {
            switch self {
            case .noAnswer: "无人应答"
            case .refusedTwice: "连续两次拒收"
            }
        }
    }

    public let id: Int64
    public var dinerID: DinerID
    public var kind: Kind
    /// The date of the outcome that opened the alert (the later one of two refusals).
    public var date: String
    /// The courier's note on that outcome.
    public var note: String
    public var openedBy: String
    public var openedAt: String
    public var resolvedAt: String?
    public var resolvedBy: String?
    public var resolution: String?

    public var isOpen: Bool { resolvedAt == nil }

    static func decode(_ row: Row) throws -> WelfareAlert {
        guard let kind = Kind(rawValue: row["kind"]) else {
            throw DomainError(field: "kind", "unknown alert kind in the database", value: row["kind"])
        }
        return WelfareAlert(id: row["id"], dinerID: row["diner_id"], kind: kind, date: row["date"], note: row["note"],
                            openedBy: row["opened_by"], openedAt: row["opened_at"], resolvedAt: row["resolved_at"],
                            resolvedBy: row["resolved_by"], resolution: row["resolution"])
    }
}

/// Refusals of a welfare-check change (the command line words them for the operator).
public enum WelfareError: Error, CustomStringConvertible, Equatable {
    case unknownAlert(Int64)
    case alreadyResolved(id: Int64, at: String, by: String)
    case emptyResolution

    public var description: String {
        switch self {
        case .unknownAlert(let id): "no alert with id \(id)"
        case .alreadyResolved(let id, let at, let by): "alert \(id) was already resolved by \(by) at \(at)"
        case .emptyResolution: "say what was done: a resolution note is required and may not be empty"
        }
    }
}

/// Records welfare-check outcomes and keeps the alerts they open in step with them. Every
/// function works inside the caller's transaction, so an import of many outcomes is one unit.
public enum WelfareChecks {
    /// What recording one outcome changed.
    public struct Recorded: Sendable, Equatable {
        public var outcome: WelfareOutcome
        /// The status this outcome replaced, when the diner already had one that date.
        public var replaced: WelfareStatus?
        public var openedAlerts: [WelfareAlert] = []
        /// Alerts closed because a corrected outcome no longer supports them.
        public var withdrawnAlerts: [WelfareAlert] = []
        /// Whether the diner's registry status was set to `hospitalized` by this outcome.
        public var dinerHospitalized = false
    }

    /// Stores `outcome` (replacing the diner's outcome of that date), opens or withdraws the
    /// alerts it affects, and sets a hospitalized diner's registry status; all in the change log
    /// under `user`. Throws `StoreError.notFound` for an unknown diner and `DomainError` for a bad date.
    static func record(_ outcome: WelfareOutcome, by user: String, _ db: Database) throws -> Recorded {
        var outcome = outcome
        outcome.date = try CalendarDate.normalized(outcome.date)
        guard let diner = try Diner.fetchOne(db, id: outcome.dinerID) else {
            throw StoreError.notFound(kind: "diner", id: outcome.dinerID.rawValue)
        }
        let previous = try String.fetchOne(db, sql: "SELECT status FROM welfare_outcome WHERE diner_id = ? AND date = ?",
                                           arguments: [outcome.dinerID, outcome.date]).flatMap(WelfareStatus.init(rawValue:))
        try db.execute(sql: """
            INSERT INTO welfare_outcome (date, diner_id, status, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(diner_id, date) DO UPDATE SET status = excluded.status, note = excluded.note,
              recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
            """, arguments: [outcome.date, outcome.dinerID, outcome.status.rawValue, outcome.note, outcome.recordedBy,
                             ChangeClock.timestamp()])
        var detail = outcome.status.rawValue
        if let previous { detail += " (replaces \(previous.rawValue))" }
        if outcome.recordedBy != user { detail += ", found by \(outcome.recordedBy)" }
        if !outcome.note.isEmpty { detail += ": \(outcome.note)" }
        try AppDatabase.logChange(db, by: user, action: "welfare outcome", subject: "\(outcome.date) \(outcome.dinerID)",
                                  detail: detail)

        var recorded = Recorded(outcome: outcome, replaced: previous)
        // Recording the same status again (a corrected note) leaves the alerts alone, so an alert
        // someone already resolved is not opened a second time for the same event.
        if previous != outcome.status {
            try updateAlerts(after: outcome, by: user, into: &recorded, db)
        }
        if outcome.status == .hospitalized && diner.status != .hospitalized {
            try db.execute(sql: "UPDATE diner SET status = 'hospitalized' WHERE id = ?", arguments: [diner.id])
            try AppDatabase.logChange(db, by: user, action: "diner status", subject: diner.id.rawValue,
                                      detail: "\(diner.status.rawValue) → hospitalized: welfare outcome of \(outcome.date)")
            recorded.dinerHospitalized = true
        }
        return recorded
    }

    /// A change of status on one date decides the alerts of that date and, for two refusals in a
    /// row, of the diner's next recorded date (outcomes may arrive out of date order).
    private static func updateAlerts(after outcome: WelfareOutcome, by user: String, into recorded: inout Recorded,
                                     _ db: Database) throws {
        let history = try outcomes(of: outcome.dinerID, db)
        guard let index = history.firstIndex(where: { $0.date == outcome.date }) else { return }
        let affected = [index, index + 1].filter { $0 < history.count }
        for position in affected {
            let current = history[position]
            let before = position > 0 ? history[position - 1] : nil
            let wanted: [WelfareAlert.Kind: Bool] = [
                .noAnswer: current.status == .noAnswer,
                .refusedTwice: current.status == .refused && before?.status == .refused,
            ]
            for kind in WelfareAlert.Kind.allCases {
                let open = try Row.fetchOne(db, sql: """
                    SELECT * FROM welfare_alert WHERE diner_id = ? AND kind = ? AND date = ? AND resolved_at IS NULL
                    """, arguments: [outcome.dinerID, kind.rawValue, current.date]).map(WelfareAlert.decode)
                if wanted[kind] == true, open == nil {
                    recorded.openedAlerts.append(try WelfareAlerts.open(kind, for: current, by: user, db))
                } else if wanted[kind] != true, let open {
                    recorded.withdrawnAlerts.append(try WelfareAlerts.close(
                        open, resolution: "withdrawn: the outcome of \(outcome.date) is now \(outcome.status.rawValue)",
                        by: user, db))
                }
            }
        }
    }

    /// Every recorded outcome of a diner, oldest first.
    static func outcomes(of dinerID: DinerID, _ db: Database) throws -> [WelfareOutcome] {
        try Row.fetchAll(db, sql: "SELECT * FROM welfare_outcome WHERE diner_id = ? ORDER BY date",
                         arguments: [dinerID]).map(decodeOutcome)
    }

    /// The outcome of a diner on a date, if one was recorded.
    static func outcome(of dinerID: DinerID, on date: String, _ db: Database) throws -> WelfareOutcome? {
        try Row.fetchOne(db, sql: "SELECT * FROM welfare_outcome WHERE diner_id = ? AND date = ?",
                         arguments: [dinerID, date]).map(decodeOutcome)
    }

    static func decodeOutcome(_ row: Row) throws -> WelfareOutcome {
        guard let status = WelfareStatus(rawValue: row["status"]) else {
            throw DomainError(field: "status", "unknown welfare status in the database", value: row["status"])
        }
        return WelfareOutcome(date: row["date"], dinerID: row["diner_id"], status: status, note: row["note"],
                              recordedBy: row["recorded_by"])
    }
}

/// The open alerts: listing, resolving, and what planning and rosters make of them.
public enum WelfareAlerts {
    /// The roster note for a diner whose door stayed shut on the last round; both languages,
    /// because rosters are read by canteen staff and by volunteers who may read only one.
    public static let checkInPersonNote = "昨日无人应答，请上门查看 / no answer yesterday: check in person"

    /// Open alerts, oldest first; with `openedOn`, only those whose outcome date is that date.
    static func openAlerts(openedOn date: String? = nil, _ db: Database) throws -> [WelfareAlert] {
        if let date {
            return try Row.fetchAll(db, sql: """
                SELECT * FROM welfare_alert WHERE resolved_at IS NULL AND date = ? ORDER BY date, id
                """, arguments: [date]).map(WelfareAlert.decode)
        }
        return try Row.fetchAll(db, sql: "SELECT * FROM welfare_alert WHERE resolved_at IS NULL ORDER BY date, id")
            .map(WelfareAlert.decode)
    }

    static func alert(id: Int64, _ db: Database) throws -> WelfareAlert? {
        try Row.fetchOne(db, sql: "SELECT * FROM welfare_alert WHERE id = ?", arguments: [id]).map(WelfareAlert.decode)
    }

    /// Closes an open alert with what was done about it. Throws `WelfareError` for an unknown
    /// or already resolved alert and for an empty note.
    static func resolve(id: Int64, note: String, by user: String, _ db: Database) throws -> WelfareAlert {
        let note = note.trimmingSpaces
        guard !note.isEmpty else { throw WelfareError.emptyResolution }
        guard let alert = try alert(id: id, db) else { throw WelfareError.unknownAlert(id) }
        if let resolvedAt = alert.resolvedAt {
            throw WelfareError.alreadyResolved(id: id, at: resolvedAt, by: alert.resolvedBy ?? "")
        }
        return try close(alert, resolution: note, by: user, db)
    }

    /// Diners with an open no-answer alert from before `date`: the next round checks on them first.
    static func dinersToCheckInPerson(planning date: String, _ db: Database) throws -> Set<DinerID> {
        try Set(DinerID.fetchAll(db, sql: """
            SELECT DISTINCT diner_id FROM welfare_alert WHERE resolved_at IS NULL AND kind = 'no_answer' AND date < ?
            """, arguments: [date]))
    }

    /// The roster notes for `date`: the check-in-person note for each diner of `dinersToCheckInPerson`.
    static func rosterNotes(date: String, _ db: Database) throws -> [DinerID: String] {
        Dictionary(uniqueKeysWithValues: try dinersToCheckInPerson(planning: date, db).map { ($0, checkInPersonNote) })
    }

    static func open(_ kind: WelfareAlert.Kind, for outcome: WelfareOutcome, by user: String,
                     _ db: Database) throws -> WelfareAlert {
        try db.execute(sql: """
            INSERT INTO welfare_alert (diner_id, kind, date, note, opened_by, opened_at) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [outcome.dinerID, kind.rawValue, outcome.date, outcome.note, user, ChangeClock.timestamp()])
        let id = db.lastInsertedRowID
        try AppDatabase.logChange(db, by: user, action: "alert open", subject: "\(id) \(outcome.dinerID)",
                                  detail: "\(kind.rawValue) on \(outcome.date)")
        guard let opened = try alert(id: id, db) else { throw WelfareError.unknownAlert(id) }
        return opened
    }

    static func close(_ alert: WelfareAlert, resolution: String, by user: String, _ db: Database) throws -> WelfareAlert {
        let at = ChangeClock.timestamp()
        try db.execute(sql: "UPDATE welfare_alert SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?",
                       arguments: [at, user, resolution, alert.id])
        try AppDatabase.logChange(db, by: user, action: "alert resolve", subject: "\(alert.id) \(alert.dinerID)",
                                  detail: "\(alert.kind.rawValue) on \(alert.date): \(resolution)")
        var closed = alert
        closed.resolvedAt = at
        closed.resolvedBy = user
        closed.resolution = resolution
        return closed
    }
}
