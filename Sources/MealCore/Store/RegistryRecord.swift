import GRDB

/// A registry record kept in its own table, addressed by its text id.
public protocol RegistryRecord: InterchangeRecord {
    static var tableName: String { get }
    static func fetchAll(_ db: Database) throws -> [Self]
    func upsert(_ db: Database) throws
    /// Inserts or replaces the records, in their order.
    static func upsertAll(_ records: [Self], _ db: Database) throws
    /// Other records this one points at, as (column, table, id), checked before an import writes.
    var references: [(column: String, table: String, id: String)] { get }
}

extension RegistryRecord {
    public static func upsertAll(_ records: [Self], _ db: Database) throws {
        for record in records { try record.upsert(db) }
    }
}

extension Canteen: RegistryRecord {
    public static let tableName = "canteen"
    public var references: [(column: String, table: String, id: String)] { [] }
}

extension Courier: RegistryRecord {
    public static let tableName = "courier"
    public var references: [(column: String, table: String, id: String)] { [("canteen_id", "canteen", canteenID.rawValue)] }
}

extension Diner: RegistryRecord {
    public static let tableName = "diner"
    public var references: [(column: String, table: String, id: String)] {
        preferredCanteenID.map { [("preferred_canteen", "canteen", $0.rawValue)] } ?? []
    }
}

extension AppDatabase {
    /// Appends to the change log. `by` is the operator's name (`--by`) or the login user.
    static func logChange(_ db: Database, by: String, action: String, subject: String = "", detail: String = "") throws {
        try db.execute(sql: "INSERT INTO change_log (at, by, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
                       arguments: [ChangeClock.timestamp(), by, action, subject, detail])
    }

    /// The ids of one registry table (`canteen`, `courier`, `diner`), to check references before writing.
    static func registryIDs(in table: String, _ db: Database) throws -> Set<String> {
        try Set(String.fetchAll(db, sql: "SELECT id FROM \(table.quotedDatabaseIdentifier)"))
    }

    public func fetchAll<R: RegistryRecord>(_ type: R.Type) throws -> [R] {
        try read { db in try R.fetchAll(db) }
    }
}
