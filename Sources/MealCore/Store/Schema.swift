import GRDB

/// The table definitions, one function per shipped migration (see `AppDatabase.migrator`).
/// Times are whole seconds since midnight; weekday sets are digit strings (`12345`);
/// lists of tags are `;`-separated, as in the CSV interchange format.
enum Schema {
    static func v1(_ db: Database) throws {
        try db.create(table: "canteen") { t in
            t.primaryKey("id", .text)
            t.column("name", .text).notNull()
            t.column("community", .text).notNull().defaults(to: "")
            t.column("lat", .double).notNull().check { $0 >= -90 && $0 <= 90 }
            t.column("lon", .double).notNull().check { $0 >= -180 && $0 <= 180 }
            t.column("seats", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
            t.column("kitchen_capacity", .integer).notNull().check { $0 >= 0 }
            t.column("diets", .text).notNull().defaults(to: "regular")
            t.column("open_days", .text).notNull().defaults(to: "1234567")
            t.column("phone", .text).notNull().defaults(to: "")
        }
        try db.create(table: "sitting") { t in
            t.column("canteen_id", .text).notNull().references("canteen", onDelete: .cascade)
            t.column("start_s", .integer).notNull()
            t.column("end_s", .integer).notNull()
            t.primaryKey(["canteen_id", "start_s"])
            t.check(sql: "start_s < end_s")
        }
        try db.create(table: "courier") { t in
            t.primaryKey("id", .text)
            t.column("name", .text).notNull()
            t.column("canteen_id", .text).notNull().indexed().references("canteen", onDelete: .restrict)
            t.column("vehicle", .text).notNull()
                .check(sql: "vehicle IN ('walk','bicycle','ebike','tricycle','car')")
            t.column("capacity", .integer).notNull().check { $0 >= 1 }
            t.column("shift_start_s", .integer).notNull()
            t.column("shift_end_s", .integer).notNull()
            t.column("days", .text).notNull().defaults(to: "1234567")
            t.column("phone", .text).notNull().defaults(to: "")
            t.check(sql: "shift_start_s < shift_end_s")
        }
        try db.create(table: "diner") { t in
            t.primaryKey("id", .text)
            t.column("name", .text).notNull()
            t.column("community", .text).notNull().defaults(to: "")
            t.column("grid", .text).notNull().defaults(to: "")
            t.column("lat", .double).notNull().check { $0 >= -90 && $0 <= 90 }
            t.column("lon", .double).notNull().check { $0 >= -180 && $0 <= 180 }
            t.column("address", .text).notNull().defaults(to: "")
            t.column("phone", .text).notNull().defaults(to: "")
            t.column("birth_year", .integer)
            t.column("mobility", .text).notNull().defaults(to: "independent")
                .check(sql: "mobility IN ('independent','walker','wheelchair','bedridden')")
            t.column("mode", .text).notNull().defaults(to: "auto")
                .check(sql: "mode IN ('dine_in','delivery','pickup','auto')")
            t.column("diets", .text).notNull().defaults(to: "")
            t.column("allergies", .text).notNull().defaults(to: "")
            t.column("priority", .integer).notNull().defaults(to: 0).check { $0 >= 0 && $0 <= 2 }
            t.column("tags", .text).notNull().defaults(to: "")
            t.column("days", .text).notNull().defaults(to: "1234567")
            t.column("window_start_s", .integer)
            t.column("window_end_s", .integer)
            t.column("preferred_canteen_id", .text).indexed().references("canteen", onDelete: .setNull)
            t.column("status", .text).notNull().defaults(to: "active")
                .check(sql: "status IN ('active','paused','hospitalized','deceased')")
            t.column("emergency_contact", .text).notNull().defaults(to: "")
            t.check(sql: "(window_start_s IS NULL) = (window_end_s IS NULL)")
        }
        try db.create(index: "diner_on_community", on: "diner", columns: ["community"])
        // Who changed what and when: imports now, coordinators' plan edits later.
        try db.create(table: "change_log") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("at", .text).notNull()
            t.column("by", .text).notNull()
            t.column("action", .text).notNull()
            t.column("subject", .text).notNull().defaults(to: "")
            t.column("detail", .text).notNull().defaults(to: "")
        }
    }

    /// Day plans, kept as numbered versions per date; a published version is what operators print.
    static func v2(_ db: Database) throws {
        try db.create(table: "plan") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("date", .text).notNull()
            t.column("service", .text).notNull().defaults(to: "lunch")
            t.column("version", .integer).notNull()
            t.column("status", .text).notNull().defaults(to: "draft").check(sql: "status IN ('draft','published')")
            t.column("parameters", .text).notNull()
            t.column("seed", .integer).notNull()
            t.column("time_limit_s", .double).notNull()
            t.column("created_at", .text).notNull()
            t.column("created_by", .text).notNull()
            t.column("input_digest", .text).notNull().defaults(to: "")
            t.column("note", .text).notNull().defaults(to: "")
            t.uniqueKey(["date", "service", "version"])
        }
        try db.create(table: "plan_meal") { t in
            t.column("plan_id", .integer).notNull().references("plan", onDelete: .cascade)
            t.column("diner_id", .text).notNull().references("diner", onDelete: .restrict)
            t.column("canteen_id", .text).notNull().references("canteen", onDelete: .restrict)
            t.column("mode", .text).notNull().check(sql: "mode IN ('dine_in','pickup','delivery')")
            t.column("sitting_start_s", .integer)
            t.column("sitting_end_s", .integer)
            t.column("courier_id", .text).references("courier", onDelete: .restrict)
            t.column("trip", .integer)
            t.column("position", .integer)
            t.column("arrive_s", .integer)
            t.column("locked", .boolean).notNull().defaults(to: false)
            t.primaryKey(["plan_id", "diner_id"])
        }
        try db.create(index: "plan_meal_on_diner", on: "plan_meal", columns: ["diner_id"])
        try db.create(table: "plan_trip") { t in
            t.column("plan_id", .integer).notNull().references("plan", onDelete: .cascade)
            t.column("courier_id", .text).notNull().references("courier", onDelete: .restrict)
            t.column("trip", .integer).notNull()
            t.column("canteen_id", .text).notNull().references("canteen", onDelete: .restrict)
            t.column("depart_s", .integer).notNull()
            t.column("return_s", .integer).notNull()
            t.primaryKey(["plan_id", "courier_id", "trip"])
        }
        try db.create(table: "plan_unserved") { t in
            t.column("plan_id", .integer).notNull().references("plan", onDelete: .cascade)
            t.column("diner_id", .text).notNull().references("diner", onDelete: .restrict)
            t.column("reason", .text).notNull()
            t.column("detail", .text).notNull()
            t.primaryKey(["plan_id", "diner_id"])
        }
    }

    /// What a coordinator declared about one date, whatever the plan version: a courier absent,
    /// a canteen closed, a diner's meal cancelled, a one-off extra meal.
    static func v3(_ db: Database) throws {
        try db.create(table: "day_exception") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("date", .text).notNull()
            t.column("kind", .text).notNull().check(sql: "kind IN ('courier_absent','canteen_closed','meal_cancelled','extra_meal')")
            t.column("subject", .text).notNull()
            t.column("reason", .text).notNull().defaults(to: "")
            t.column("created_by", .text).notNull()
            t.column("created_at", .text).notNull()
            t.uniqueKey(["date", "kind", "subject"])
        }
    }

    /// The delivery round as a daily welfare check: what the courier found at each door, and the
    /// alerts those findings open until someone has looked after the diner.
    static func v4(_ db: Database) throws {
        try db.create(table: "welfare_outcome") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("date", .text).notNull()
            t.column("diner_id", .text).notNull().references("diner", onDelete: .restrict)
            t.column("status", .text).notNull()
                .check(sql: "status IN ('delivered','no_answer','refused','hospitalized')")
            t.column("note", .text).notNull().defaults(to: "")
            t.column("recorded_by", .text).notNull()
            t.column("recorded_at", .text).notNull()
            // One finding per diner and date; recording again replaces it (the change log keeps both).
            t.uniqueKey(["diner_id", "date"])
        }
        try db.create(table: "welfare_alert") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("diner_id", .text).notNull().indexed().references("diner", onDelete: .restrict)
            t.column("kind", .text).notNull().check(sql: "kind IN ('no_answer','refused_twice')")
            // The date of the outcome that opened the alert (the later one for two refusals).
            t.column("date", .text).notNull()
            t.column("note", .text).notNull().defaults(to: "")
            t.column("opened_by", .text).notNull()
            t.column("opened_at", .text).notNull()
            t.column("resolved_at", .text)
            t.column("resolved_by", .text)
            t.column("resolution", .text)
            t.check(sql: "(resolved_at IS NULL) = (resolved_by IS NULL)")
        }
        try db.create(index: "welfare_alert_open", on: "welfare_alert", columns: ["resolved_at", "date"])
    }

    /// Who made each plan version, as a column instead of a convention on the note. Versions
    /// stored before this migration are classified from their note: the planner wrote
    /// `planned`, the replanner `replan`, and a coordinator's edit `ACTION SUBJECT`.
    static func v5(_ db: Database) throws {
        try db.alter(table: "plan") { t in
            t.add(column: "provenance", .text).notNull().defaults(to: "planned")
        }
        try db.execute(sql: """
            UPDATE plan SET provenance = CASE
                WHEN note = 'planned' THEN 'planned'
                WHEN note = 'replan' THEN 'replanned'
                WHEN instr(note, ' ') > 0 THEN 'edited:' || substr(note, 1, instr(note, ' ') - 1)
                ELSE 'edited:' || note
            END
            """)
    }

    /// Which canteens' routing the time guard stopped (a JSON array of canteen ids): a plan made
    /// that way depends on machine load, and operators are told so.
    static func v6SearchTimeGuard(_ db: Database) throws {
        try db.alter(table: "plan") { t in
            t.add(column: "search_cut_short", .text).notNull().defaults(to: "[]")
        }
    }

    /// Which travel model each plan was made with (`straight` or `network`) and the road
    /// network's digest; plans made before roads existed used the straight line.
    static func v9PlanTravelModel(_ db: Database) throws {
        try db.alter(table: "plan") { t in
            t.add(column: "travel_model", .text).notNull().defaults(to: "straight")
            t.add(column: "network_digest", .text).notNull().defaults(to: "")
        }
    }
}
