import GRDB

extension AppDatabase {
    /// Records what the courier found at a diner's door, opening or closing alerts, in one transaction.
    public func recordWelfareOutcome(_ outcome: WelfareOutcome, by user: String) throws -> WelfareChecks.Recorded {
        try write { db in try WelfareChecks.record(outcome, by: user, db) }
    }

    /// Open alerts (those opened on `date` when given), each with its diner when still registered.
    public func openWelfareAlerts(openedOn date: String? = nil) throws -> [(alert: WelfareAlert, diner: Diner?)] {
        try read { db in
            try WelfareAlerts.openAlerts(openedOn: date, db).map { alert in (alert, try Diner.fetchOne(db, id: alert.dinerID)) }
        }
    }

    /// Closes an open alert with what was done.
    public func resolveWelfareAlert(id: Int64, note: String, by user: String) throws -> WelfareAlert {
        try write { db in try WelfareAlerts.resolve(id: id, note: note, by: user, db) }
    }

    /// Notes to print beside names on the rosters of `date` (diners to check on in person).
    public func welfareRosterNotes(date: String) throws -> [DinerID: String] {
        try read { db in try WelfareAlerts.rosterNotes(date: date, db) }
    }
}
