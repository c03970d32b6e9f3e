import Foundation
import GRDB

/// Owns the meal database: its connection, its schema migrations and the checks made when a file
/// is opened. Every read and write of the engine goes through one of these.
public struct AppDatabase: Sendable {
    public let writer: any DatabaseWriter
    /// The file path, or nil for an in-memory database.
    public let path: String?

    /// `PRAGMA application_id` of meal databases ("MEAL"), so that a foreign SQLite file is told apart.
    public static let applicationID: Int32 = 0x4D45_414C

    /// Opens (and with `create`, creates) the database file at `path`.
    ///
    /// A new file is created readable and writable by its owner only (0600) because it holds
    /// diners' personal data; SQLite gives its -wal and -shm files the same mode.
    public static func open(path: String, create: Bool = false) throws -> AppDatabase {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fileManager.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue {
            throw StoreError.notADatabase(path: path, detail: "it is a directory")
        }
        if !exists {
            guard create else { throw StoreError.missing(path: path) }
            let descriptor = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
            guard descriptor >= 0 else {
                throw StoreError.cannotCreate(path: path, detail: String(cString: strerror(errno)))
            }
            close(descriptor)
        } else {
            try checkHeader(path: path)
        }
        do {
            let pool = try DatabasePool(path: path, configuration: makeConfiguration())
            let database = AppDatabase(writer: pool, path: path)
            try database.prepareSchema()
            return database
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError.sqlite(path: path, error: error)
        }
    }

    /// An empty database in memory, for tests and dry runs.
    public static func inMemory() throws -> AppDatabase {
        let queue = try DatabaseQueue(configuration: makeConfiguration())
        let database = AppDatabase(writer: queue, path: nil)
        try database.prepareSchema()
        return database
    }

    init(writer: any DatabaseWriter, path: String?) {
        self.writer = writer
        self.path = path
    }

    static func makeConfiguration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        // Coordinators' commands and the overnight batch share the file; wait instead of failing.
        config.busyMode = .timeout(5)
        config.label = "meals"
        return config
    }

    /// A SQLite file starts with this 16-byte magic string; anything else is not a database at all.
    private static func checkHeader(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.unreadable(path: path)
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { return }  // an empty file is a new database
        guard header == Data("SQLite format 3\0".utf8) else {
            throw StoreError.notADatabase(path: path, detail: "it is not an SQLite file")
        }
    }

    private func prepareSchema() throws {
        try writer.write { db in
            let applicationID = try Int32(Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0)
            let tableCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
            if applicationID != AppDatabase.applicationID {
                guard applicationID == 0, tableCount == 0 else {
                    throw StoreError.notADatabase(path: path ?? ":memory:",
                                                  detail: "it is an SQLite file of another application")
                }
                try db.execute(sql: "PRAGMA application_id = \(AppDatabase.applicationID)")
            }
        }
        let migrator = Self.migrator
        try writer.read { db in
            if try migrator.hasBeenSuperseded(db) {
                throw StoreError.newerSchema(path: path ?? ":memory:")
            }
        }
        try migrator.migrate(writer)
    }

    /// Migrations in the order they shipped. A shipped migration is never edited: a change to the
    /// schema is a new migration appended at the end.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 registry", migrate: Schema.v1)
        migrator.registerMigration("v2 day plans", migrate: Schema.v2)
        migrator.registerMigration("v3 day exceptions", migrate: Schema.v3)
        migrator.registerMigration("v4 welfare", migrate: Schema.v4)
        return migrator
    }

    /// Names of the migrations this build knows, for `doctor` and tests.
    public static var knownMigrations: [String] { migrator.migrations }
}

/// Failures to open or use the database file, worded for the operator.
public enum StoreError: Error, CustomStringConvertible {
    case missing(path: String)
    case cannotCreate(path: String, detail: String)
    case unreadable(path: String)
    case notADatabase(path: String, detail: String)
    case newerSchema(path: String)
    case sqlite(path: String, error: DatabaseError)
    case notFound(kind: String, id: String)

    public var description: String {
        switch self {
        case .missing(let path):
            "no meal database at \(path): create it with `mealcli init` (or name another with --db or MEALS_DB)"
        case .cannotCreate(let path, let detail):
            "cannot create the database \(path): \(detail)"
        case .unreadable(let path):
            "cannot read \(path): check that the file exists and you may read it"
        case .notADatabase(let path, let detail):
            "\(path) is not a meal database (\(detail))"
        case .newerSchema(let path):
            "\(path) was written by a newer version of mealcli; upgrade mealcli to open it"
        case .sqlite(let path, let error):
            "database \(path): \(error.message ?? "\(error.resultCode)")"
        case .notFound(let kind, let id):
            "no \(kind) with id '\(id)'"
        }
    }
}
