import GRDB

/// Reading the change log that `AppDatabase.logChange` writes.
public enum ChangeLog {
    /// One change-log row.
    public struct Entry: Sendable, Equatable {
        /// UTC ISO 8601 (`ChangeClock.timestamp`).
        public var at: String
        public var by: String
        public var action: String
        public var subject: String
        public var detail: String

        public init(at: String, by: String, action: String, subject: String, detail: String) {
            self.at = at
            self.by = by
            self.action = action
            self.subject = subject
            self.detail = detail
        }
    }

    /// Every entry about `date`, oldest first: subjects that are the date itself (a plan, a
    /// publish) or start with it and a space (`2026-11-25 D00012`, a coordinator's edit of one
    /// diner's lunch that day).
    static func entries(aboutDate date: String, _ db: Database) throws -> [Entry] {
        // substr rather than LIKE: the date must match exactly, with no wildcard characters.
        try Row.fetchAll(db, sql: """
            SELECT at, by, action, subject, detail FROM change_log
            WHERE subject = ? OR substr(subject, 1, ?) = ?
            ORDER BY at, id
            """, arguments: [date, date.unicodeScalars.count + 1, date + " "]).map { row in
            Entry(at: row["at"], by: row["by"], action: row["action"], subject: row["subject"], detail: row["detail"])
        }
    }

    /// Entries about `date` that made plan versions after `version`, oldest first: plan changes
    /// write their detail as `version N: ...` (`AppDatabase.savePlan`).
    static func planChanges(date: String, afterVersion version: Int, _ db: Database) throws -> [Entry] {
        try Row.fetchAll(db, sql: """
            SELECT at, by, action, subject, detail FROM change_log WHERE subject = ? OR subject LIKE ? ORDER BY id
            """, arguments: [date, date + " %"]).compactMap { row in
            let entry = Entry(at: row["at"], by: row["by"], action: row["action"], subject: row["subject"], detail: row["detail"])
            guard entry.detail.hasPrefix("version "), let number = Int(entry.detail.dropFirst(8).prefix { $0.isNumber }),
                  number > version else { return nil }
            return entry
        }
    }
}

extension ChangeLog.Entry {
    /// The entry on one line, as a conflict report lists the changes made meanwhile, its time
    /// on the district's clock.
    public func line(on clock: DistrictTime) -> String { "\(clock.shown(stored: at)) \(by): \(action) — \(detail)" }
}
