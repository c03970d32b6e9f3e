import GRDB

extension Schema {
    /// The `diner` table with its three lists of allowed values (mobility, mode, status) written
    /// as comparisons, `x = 'a' OR x = 'b'`, instead of `x IN ('a', 'b')`. Both refuse the same
    /// values; but SQLite checks an `IN` list by building a temporary index of the list every
    /// time a statement runs, and an import runs one statement per diner: the three lists were
    /// about a third of SQLite's time inserting 100,000 diners.
    ///
    /// SQLite cannot change a constraint in place, so the table is rebuilt the way its
    /// documentation prescribes (https://www.sqlite.org/lang_altertable.html, "Making Other
    /// Kinds Of Table Schema Changes"): new table, copy, drop, rename, indexes again. The
    /// migrator runs this with foreign keys off and checks them all before committing, so the
    /// plans and welfare records that refer to diners keep referring to the same rows. The
    /// table is written out in full rather than with the table builder, so that this migration
    /// stays what it was whatever later versions of GRDB generate.
    static func v8DinerCheckComparisons(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE "new_diner" (
              "id" TEXT PRIMARY KEY NOT NULL,
              "name" TEXT NOT NULL,
              "community" TEXT NOT NULL DEFAULT '',
              "grid" TEXT NOT NULL DEFAULT '',
              "lat" DOUBLE NOT NULL CHECK (("lat" >= -90) AND ("lat" <= 90)),
              "lon" DOUBLE NOT NULL CHECK (("lon" >= -180) AND ("lon" <= 180)),
              "address" TEXT NOT NULL DEFAULT '',
              "phone" TEXT NOT NULL DEFAULT '',
              "birth_year" INTEGER,
              "mobility" TEXT NOT NULL DEFAULT 'independent'
                CHECK (mobility = 'independent' OR mobility = 'walker' OR mobility = 'wheelchair'
                       OR mobility = 'bedridden'),
              "mode" TEXT NOT NULL DEFAULT 'auto'
                CHECK (mode = 'dine_in' OR mode = 'delivery' OR mode = 'pickup' OR mode = 'auto'),
              "diets" TEXT NOT NULL DEFAULT '',
              "allergies" TEXT NOT NULL DEFAULT '',
              "priority" INTEGER NOT NULL DEFAULT 0 CHECK (("priority" >= 0) AND ("priority" <= 2)),
              "tags" TEXT NOT NULL DEFAULT '',
              "days" TEXT NOT NULL DEFAULT '1234567',
              "window_start_s" INTEGER,
              "window_end_s" INTEGER,
              "preferred_canteen_id" TEXT REFERENCES "canteen"("id") ON DELETE SET NULL,
              "status" TEXT NOT NULL DEFAULT 'active'
                CHECK (status = 'active' OR status = 'paused' OR status = 'hospitalized' OR status = 'deceased'),
              "emergency_contact" TEXT NOT NULL DEFAULT '',
              CHECK ((window_start_s IS NULL) = (window_end_s IS NULL))
            )
            """)
        let columns = """
            "id", "name", "community", "grid", "lat", "lon", "address", "phone", "birth_year", "mobility", "mode",
            "diets", "allergies", "priority", "tags", "days", "window_start_s", "window_end_s",
            "preferred_canteen_id", "status", "emergency_contact"
            """
        try db.execute(sql: "INSERT INTO new_diner (\(columns)) SELECT \(columns) FROM diner")
        try db.execute(sql: "DROP TABLE diner")
        try db.execute(sql: "ALTER TABLE new_diner RENAME TO diner")
        // Dropping the table dropped its indexes (v1 made these two; no trigger or view uses it).
        try db.execute(sql: #"CREATE INDEX "diner_on_preferred_canteen_id" ON "diner"("preferred_canteen_id")"#)
        try db.execute(sql: #"CREATE INDEX "diner_on_community" ON "diner"("community")"#)
    }
}
