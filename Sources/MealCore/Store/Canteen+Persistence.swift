import GRDB

extension Canteen {
    /// Reads a canteen row and its sittings; the domain rules are checked again so that a file
    /// edited by hand cannot slip an impossible value into the planner. Ids are held to the rule
    /// they were imported under (`Identifier.readingStoredRecords`).
    static func decode(row: Row, sittings: [Sitting]) throws -> Canteen {
        try Identifier.readingStoredRecords {
            try Canteen(
                id: row["id"], name: row["name"], community: row["community"],
                location: GeoPoint(latitude: row["lat"], longitude: row["lon"]),
                seats: row["seats"], sittings: sittings, kitchenCapacity: row["kitchen_capacity"],
                diets: DietTag.parseList(row["diets"], field: "diets"),
                openDays: Weekdays(parsing: row["open_days"]), phone: row["phone"])
        }
    }

    public static func fetchAll(_ db: Database) throws -> [Canteen] {
        var sittingsByCanteen: [String: [Sitting]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT canteen_id, start_s, end_s FROM sitting ORDER BY canteen_id, start_s") {
            let window = try TimeWindow(start: TimeOfDay(seconds: row["start_s"]), end: TimeOfDay(seconds: row["end_s"]))
            sittingsByCanteen[row["canteen_id"], default: []].append(Sitting(window: window))
        }
        return try Row.fetchAll(db, sql: "SELECT * FROM canteen ORDER BY id").map { row in
            try decode(row: row, sittings: sittingsByCanteen[row["id"]] ?? [])
        }
    }

    /// Inserts or replaces the canteen and its sittings. Couriers and diners that refer to it stay.
    public func upsert(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO canteen (id, name, community, lat, lon, seats, kitchen_capacity, diets, open_days, phone)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, community = excluded.community,
              lat = excluded.lat, lon = excluded.lon, seats = excluded.seats,
              kitchen_capacity = excluded.kitchen_capacity, diets = excluded.diets,
              open_days = excluded.open_days, phone = excluded.phone
            """).execute(arguments: [id, name, community, location.latitude, location.longitude, seats,
                                     kitchenCapacity, DietTag.format(diets), openDays.description, phone])
        try db.cachedStatement(sql: "DELETE FROM sitting WHERE canteen_id = ?").execute(arguments: [id])
        let insertSitting = try db.cachedStatement(sql: "INSERT INTO sitting (canteen_id, start_s, end_s) VALUES (?, ?, ?)")
        for sitting in sittings {
            try insertSitting.execute(arguments: [id, sitting.window.start.seconds, sitting.window.end.seconds])
        }
    }
}

extension Courier {
    static func decode(row: Row) throws -> Courier {
        guard let vehicle = VehicleKind(rawValue: row["vehicle"]) else {
            throw DomainError(field: "vehicle", "unknown vehicle", value: row["vehicle"])
        }
        return try Identifier.readingStoredRecords {
            try Courier(
                id: row["id"], name: row["name"], canteenID: row["canteen_id"], vehicle: vehicle,
                capacity: row["capacity"],
                shift: TimeWindow(start: TimeOfDay(seconds: row["shift_start_s"]), end: TimeOfDay(seconds: row["shift_end_s"])),
                days: Weekdays(parsing: row["days"]), phone: row["phone"])
        }
    }

    public static func fetchAll(_ db: Database) throws -> [Courier] {
        try Row.fetchAll(db, sql: "SELECT * FROM courier ORDER BY id").map(decode(row:))
    }

    public func upsert(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO courier (id, name, canteen_id, vehicle, capacity, shift_start_s, shift_end_s, days, phone)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, canteen_id = excluded.canteen_id,
              vehicle = excluded.vehicle, capacity = excluded.capacity, shift_start_s = excluded.shift_start_s,
              shift_end_s = excluded.shift_end_s, days = excluded.days, phone = excluded.phone
            """).execute(arguments: [id, name, canteenID, vehicle.rawValue, capacity, shift.start.seconds,
                                     shift.end.seconds, days.description, phone])
    }
}

extension Diner {
    /// Reads a row of `storedColumns` (`selectStored`), by position: by name, each value was
    /// looked up among the row's columns, and decoding the 100,000 stored diners an import
    /// compares its file with took as long as checking the file.
    static func decode(row: Row) throws -> Diner {
        try Identifier.readingStoredRecords { try decodeStored(row: row) }
    }

    /// `decode(row:)`, inside the caller's `Identifier.readingStoredRecords`.
    private static func decodeStored(row: Row) throws -> Diner {
        func enumValue<T: RawRepresentable>(_ position: Int) throws -> T where T.RawValue == String {
            guard let value = T(rawValue: row[position]) else {
                throw DomainError(field: storedColumns[position], "unknown value", value: row[position])
            }
            return value
        }
        var window: TimeWindow?
        if let start: Int = row[16], let end: Int = row[17] {
            window = try TimeWindow(start: TimeOfDay(seconds: start), end: TimeOfDay(seconds: end))
        }
        guard let priority = Priority(rawValue: row[13]) else {
            throw DomainError(field: "priority", "unknown priority", value: row[13])
        }
        let tags: String = row[14]
        return try Diner(
            id: row[0], name: row[1], community: row[2], grid: row[3],
            location: GeoPoint(latitude: row[4], longitude: row[5]), address: row[6],
            phone: row[7], birthYear: row[8], mobility: enumValue(9),
            mode: enumValue(10), diets: DietTag.parseList(row[11], field: "diets"),
            allergies: row[12], priority: priority,
            tags: tags.split(separator: ";").map(String.init), days: Weekdays(parsing: row[15]),
            window: window, preferredCanteenID: row[18], status: enumValue(19),
            emergencyContact: row[20])
    }

    /// `SELECT` of `storedColumns`, the row `decode(row:)` reads.
    static let selectStored = "SELECT \(storedColumns.joined(separator: ", ")) FROM diner"

    public static func fetchAll(_ db: Database) throws -> [Diner] {
        // The cursor's rows are read where SQLite has them, not copied first.
        try Identifier.readingStoredRecords {
            try Array(Row.fetchCursor(db, sql: selectStored + " ORDER BY id").map(decodeStored(row:)))
        }
    }

    public static func fetchOne(_ db: Database, id: DinerID) throws -> Diner? {
        try Row.fetchOne(db, sql: selectStored + " WHERE id = ?", arguments: [id]).map(decode(row:))
    }

    /// The table's columns in the order `storedValues` gives them.
    static let storedColumns = [
        "id", "name", "community", "grid", "lat", "lon", "address", "phone", "birth_year", "mobility", "mode",
        "diets", "allergies", "priority", "tags", "days", "window_start_s", "window_end_s", "preferred_canteen_id",
        "status", "emergency_contact",
    ]

    /// The diner as the row it is stored as, one value per `storedColumns`.
    var storedValues: [DatabaseValue] {
        [id.databaseValue, name.databaseValue, community.databaseValue, grid.databaseValue,
         location.latitude.databaseValue, location.longitude.databaseValue, address.databaseValue,
         phone.databaseValue, birthYear.databaseValue, mobility.rawValue.databaseValue, mode.rawValue.databaseValue,
         DietTag.format(diets).databaseValue, allergies.databaseValue, priority.rawValue.databaseValue,
         tags.joined(separator: ";").databaseValue, days.description.databaseValue,
         window?.start.seconds.databaseValue ?? .null, window?.end.seconds.databaseValue ?? .null,
         preferredCanteenID.databaseValue, status.rawValue.databaseValue, emergencyContact.databaseValue]
    }

    public func upsert(_ db: Database) throws {
        try Self.upsertAll([self], db)
    }

    /// Inserts or replaces many diners, `rowsPerStatement` to a statement: SQLite's cost per
    /// statement run (opening the program's cursors, binding, resetting) was most of its time
    /// when an import wrote one statement per diner. 40 rows are 840 parameters, within the
    /// 999 that SQLite builds before 3.32 allow.
    public static func upsertAll(_ diners: [Diner], _ db: Database) throws {
        for first in stride(from: 0, to: diners.count, by: rowsPerStatement) {
            let batch = diners[first..<min(first + rowsPerStatement, diners.count)]
            // The SQL of a full batch is built once: worded anew it was 5 KB of text per statement.
            let sql = batch.count == rowsPerStatement ? fullBatchUpsertSQL : upsertSQL(rows: batch.count)
            try execute(db.cachedStatement(sql: sql), upserting: batch)
        }
    }

    static let rowsPerStatement = 40
    static let fullBatchUpsertSQL = upsertSQL(rows: rowsPerStatement)

    /// `INSERT ... VALUES (...), (...) ON CONFLICT(id) DO UPDATE` for `rows` diners.
    static func upsertSQL(rows: Int) -> String {
        let row = "(" + Array(repeating: "?", count: storedColumns.count).joined(separator: ", ") + ")"
        let updates = storedColumns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        return "INSERT INTO diner (\(storedColumns.joined(separator: ", "))) VALUES "
            + Array(repeating: row, count: rows).joined(separator: ", ")
            + " ON CONFLICT(id) DO UPDATE SET \(updates)"
    }
}
