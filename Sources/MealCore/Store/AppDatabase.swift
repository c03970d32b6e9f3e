import Foundation
import GRDB

/// Owns the meal database: its connection, its schema migrations and the checks made when a file
/// is opened. Every read and write of the engine goes through one of these.
public struct AppDatabase: Sendable {
    /// Internal: every read and write goes through the intent-named methods of the store, so
    /// transactions are assembled here and nowhere else.
    let writer: any DatabaseWriter
    /// The file path, or nil for an in-memory database.
    public let path: String?

    /// `PRAGMA application_id` of meal databases ("MEAL"), so that a foreign SQLite file is told apart.
    public static let applicationID: Int32 = 0x4D45_414C

    /// Opens (and with `create`, creates) the database file at `path`.
    ///
    /// A new file is created readable and writable by its owner only (0600) because it holds
    /// diners' personal data; SQLite gives its -wal, -shm and -journal files the same mode.
    /// Anything but a regular file is refused before SQLite sees it (see `databaseFileExists`).
    public static func open(path: String, create: Bool = false) throws -> AppDatabase {
        if try !databaseFileExists(at: path) {
            guard create else { throw StoreError.missing(path: path) }
            let descriptor = Foundation.open(path, O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                throw StoreError.cannotCreate(path: path, detail: String(cString: strerror(errno)))
            }
            close(descriptor)
        } else {
            try checkHeader(path: path)
        }
        do {
            do {
                let pool = try DatabasePool(path: path, configuration: makeConfiguration())
                let database = AppDatabase(writer: pool, path: path)
                try database.prepareSchema()
                return database
            } catch let error as DatabaseError where !create && StoreError.isReadOnlyCondition(error) {
                // A read-only file or folder: commands that only read still work; writes then
                // fail with SQLITE_READONLY, which the caller reports as read-only.
                return try openReadOnly(path: path)
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError(error, path: path)
        }
    }

    /// Whether a database file is at `path`; anything there that is not a regular file is refused,
    /// judged with `lstat` before SQLite opens anything: SQLite waits forever on a named pipe, and
    /// beside a device it creates a -journal file as open as the device. A symbolic link is
    /// followed when it leads to a regular file (SQLite then keeps the -wal and -shm beside that
    /// file); a link to nothing is refused rather than a database created through it.
    static func databaseFileExists(at path: String) throws -> Bool {
        func refuse(_ detail: String) -> StoreError { .notADatabase(path: path, detail: detail) }
        switch FileEntry(at: path) {
        case .missing: return false
        case .regularFile: return true
        case .directory: throw refuse("it is a directory")
        case .special(let kind): throw refuse("it is \(kind), not a regular file")
        case .symbolicLink(let target):
            switch FileEntry.followingLinks(path) {
            case .regularFile: return true
            case .missing: throw refuse("it is a symbolic link to \(target), which does not exist")
            case .directory: throw refuse("it is a symbolic link to a directory")
            case .special(let kind): throw refuse("it is a symbolic link to \(kind), not a regular file")
            case .symbolicLink: throw refuse("it is a symbolic link that leads nowhere")
            }
        }
    }

    /// Opens an up-to-date database without ever writing to it (no migrations, no WAL files).
    private static func openReadOnly(path: String) throws -> AppDatabase {
        let queue = try readOnlyQueue(path: path, configuration: makeConfiguration())
        let database = AppDatabase(writer: queue, path: path)
        try queue.read { db in
            let applicationID = try Int32(Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0)
            guard applicationID == AppDatabase.applicationID else {
                throw StoreError.notADatabase(path: path, detail: "it is an SQLite file of another application")
            }
            if try migrator.hasBeenSuperseded(db) { throw StoreError.newerSchema(path: path) }
            guard try migrator.hasCompletedMigrations(db) else { throw StoreError.readOnly(path: path) }
        }
        return database
    }

    /// A connection that never writes to the file at `path`, not even a -wal or -shm file.
    static func readOnlyQueue(path: String, configuration: Configuration) throws -> DatabaseQueue {
        var configuration = configuration
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.read { db in _ = try Int.fetchOne(db, sql: "PRAGMA schema_version") }
            return queue
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN || error.resultCode == .SQLITE_READONLY {
            // A WAL database whose folder cannot hold the -shm file (a read-only folder or mount)
            // can only be read as immutable; nobody can start writing it there either.
            return try DatabaseQueue(path: immutableURI(path), configuration: configuration)
        }
    }

    /// An SQLite URI filename that opens `path` as a file that cannot change while it is open.
    private static func immutableURI(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let escaped = absolute.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "?", with: "%3f").replacingOccurrences(of: "#", with: "%23")
        return "file:\(escaped)?immutable=1"
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
        let migrator = Self.migrator
        // Most opens find the schema current; checking that with a read first keeps an open from
        // taking the write lock for nothing, and lets a read-only file get this far.
        let isCurrent = try writer.read { db in
            let applicationID = try Int32(Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0)
            if try migrator.hasBeenSuperseded(db) {
                throw StoreError.newerSchema(path: path ?? ":memory:")
            }
            return try applicationID == AppDatabase.applicationID && migrator.hasCompletedMigrations(db)
        }
        if isCurrent { return }
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
        migrator.registerMigration("v5 plan provenance", migrate: Schema.v5)
        migrator.registerMigration("v6 search time guard", migrate: Schema.v6SearchTimeGuard)
        migrator.registerMigration("v7 district settings", migrate: Schema.v7DistrictSettings)
        migrator.registerMigration("v8 diner check comparisons", migrate: Schema.v8DinerCheckComparisons)
        migrator.registerMigration("v9 plan travel model", migrate: Schema.v9PlanTravelModel)
        migrator.registerMigration("v10 road network", migrate: Schema.v10RoadNetwork)
        return migrator
    }

    /// Names of the migrations this build knows, for `doctor` and tests.
    public static var knownMigrations: [String] { migrator.migrations }
}

/// Failures to open or use the database file. The descriptions name no command; the command
/// line adds what the operator can do about them.
public enum StoreError: Error, CustomStringConvertible {
    case missing(path: String)
    case cannotCreate(path: String, detail: String)
    case unreadable(path: String)
    case notADatabase(path: String, detail: String)
    case newerSchema(path: String)
    /// Another process held the lock for longer than the busy timeout.
    case busy(path: String)
    /// The file or its folder cannot be written (permissions, read-only file system).
    case readOnly(path: String)
    /// The file system ran out of space (or the process hit its file-size limit).
    case diskFull(path: String)
    /// The file has an SQLite header but its pages are damaged or cut short.
    case corrupt(path: String, detail: String)
    case sqlite(path: String, error: DatabaseError)
    case notFound(kind: String, id: String)

    /// Rewords an SQLite failure on the file at `path` for the operator. SQLite rolls back the
    /// statement or transaction that failed, so every write failure means nothing was written.
    public init(_ error: DatabaseError, path: String) {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy(path: path)
        case .SQLITE_READONLY: self = .readOnly(path: path)
        case .SQLITE_FULL: self = .diskFull(path: path)
        case .SQLITE_CANTOPEN: self = .unreadable(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            self = .corrupt(path: path, detail: error.message ?? "\(error.resultCode)")
        case .SQLITE_IOERR where error.extendedResultCode == .SQLITE_IOERR_WRITE
                                 || error.extendedResultCode == .SQLITE_IOERR_FSYNC
                                 || error.extendedResultCode == .SQLITE_IOERR_TRUNCATE:
            // EFBIG (a file-size limit) and EDQUOT surface as write errors rather than SQLITE_FULL.
            self = .diskFull(path: path)
        default: self = .sqlite(path: path, error: error)
        }
    }

    /// Whether opening failed because the file or its folder cannot be written, so that a
    /// read-only connection may still succeed.
    static func isReadOnlyCondition(_ error: DatabaseError) -> Bool {
        switch error.resultCode {
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .missing(let path):
            "no meal database at \(path)"
        case .cannotCreate(let path, let detail):
            "cannot create the database \(path): \(detail)"
        case .unreadable(let path):
            "cannot read \(path): check that the file exists and you may read it"
        case .notADatabase(let path, let detail):
            "\(path) is not a meal database (\(detail))"
        case .newerSchema(let path):
            "\(path) was written by a newer version of the engine; upgrade to open it"
        case .busy(let path):
            "\(path): the database is busy (another program is holding it); nothing was done, try again shortly"
        case .readOnly(let path):
            "\(path): the database is read-only (check the permissions of the file and its folder); nothing was written"
        case .diskFull(let path):
            "\(path): the disk is full; nothing was written"
        case .corrupt(let path, let detail):
            "\(path): the database file is damaged (\(detail)); restore it from a backup"
        case .sqlite(let path, let error):
            "database \(path): \(error.message ?? "\(error.resultCode)")"
        case .notFound(let kind, let id):
            "no \(kind) with id '\(id)'"
        }
    }
}
