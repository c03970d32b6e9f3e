import GRDB

extension Schema {
    /// Settings of the whole district, one row per setting. The first is the time zone people
    /// read times in; stored timestamps stay UTC.
    static func v7DistrictSettings(_ db: Database) throws {
        try db.create(table: "setting") { t in
            t.primaryKey("key", .text)
            t.column("value", .text).notNull()
        }
        try db.execute(sql: "INSERT INTO setting (key, value) VALUES ('time_zone', ?)",
                       arguments: [DistrictTime.defaultZoneIdentifier])
    }
}

extension AppDatabase {
    /// The district's clock: the time zone of the `time_zone` setting (Asia/Shanghai by default).
    /// A stored zone this machine does not know falls back to the default rather than stopping
    /// every command that shows a time.
    public func districtTime() throws -> DistrictTime {
        try read { db in try Self.districtTime(db) }
    }

    static func districtTime(_ db: Database) throws -> DistrictTime {
        let zone = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'time_zone'")
        return zone.flatMap { try? DistrictTime(zone: $0) } ?? .standard
    }

    /// Sets the district's time zone, with its change-log entry, in one transaction.
    public func setDistrictTime(_ time: DistrictTime, by user: String) throws {
        try write { db in
            let old = try Self.districtTime(db)
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES ('time_zone', ?)",
                           arguments: [time.identifier])
            try Self.logChange(db, by: user, action: "setting", subject: "time_zone",
                               detail: "\(old.identifier) → \(time.identifier)")
        }
    }
}
