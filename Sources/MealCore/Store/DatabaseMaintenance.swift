import Foundation
import GRDB

/// The number of rows of one table, as `backup` and `doctor` report them.
public struct TableRowCount: Sendable, Equatable {
    public var table: String
    public var rows: Int
}

/// What `backup` copied.
public struct BackupReport: Sendable {
    /// The file the copy was renamed to.
    public var path: String
    /// Rows per table, counted in the copy (so a report proves the copy is readable).
    public var tables: [TableRowCount]
    /// Size of the copy in bytes.
    public var bytes: Int64
}

/// What `doctor` found. Each list is empty when that check passed.
public struct HealthReport: Sendable {
    /// Lines of `PRAGMA integrity_check` other than "ok", or the error that stopped it.
    public var integrityProblems: [String]
    /// One line per row that `PRAGMA foreign_key_check` reports.
    public var foreignKeyProblems: [String]
    public var applicationID: Int32
    /// Migrations this build knows, in order, and whether each is applied.
    public var migrations: [(name: String, applied: Bool)]
    /// Migrations recorded in the file that this build does not know (a newer mealcli wrote it).
    public var unknownMigrations: [String]
    public var tables: [TableRowCount]
    /// Tables whose rows could not be counted, with the reason.
    public var unreadableTables: [String]
    /// The stored road network; nil when none is imported.
    public var roadNetwork: RoadNetworkHealth? = nil

    public var isHealthy: Bool {
        integrityProblems.isEmpty && foreignKeyProblems.isEmpty && applicationID == AppDatabase.applicationID
            && migrations.allSatisfy(\.applied) && unknownMigrations.isEmpty && unreadableTables.isEmpty
            && roadNetwork?.isHealthy != false
    }

    /// The report as operators read it, one finding per line.
    public var lines: [String] {
        var lines: [String] = []
        let shownProblems = 20
        func section(_ name: String, _ problems: [String]) {
            if problems.isEmpty {
                lines.append("\(name): ok")
                return
            }
            lines.append("\(name): \(problems.count) problem\(problems.count == 1 ? "" : "s")")
            lines += problems.prefix(shownProblems).map { "  \($0)" }
            if problems.count > shownProblems { lines.append("  ... and \(problems.count - shownProblems) more") }
        }
        section("integrity", integrityProblems)
        section("foreign keys", foreignKeyProblems)
        if applicationID == AppDatabase.applicationID {
            lines.append("application id: ok (MEAL)")
        } else {
            lines.append("application id: \(String(applicationID, radix: 16)) is not a meal database's (4d45414c)")
        }
        let applied = migrations.filter(\.applied).map(\.name)
        let missing = migrations.filter { !$0.applied }.map(\.name)
        var schema = "schema: " + (applied.isEmpty ? "no migrations applied" : applied.joined(separator: ", "))
        if missing.isEmpty && unknownMigrations.isEmpty {
            schema += " (up to date)"
        } else {
            if !missing.isEmpty { schema += "; not applied: \(missing.joined(separator: ", "))" }
            if !unknownMigrations.isEmpty {
                schema += "; from a newer version: \(unknownMigrations.joined(separator: ", "))"
            }
        }
        lines.append(schema)
        lines.append("rows:")
        let width = tables.map(\.table.count).max() ?? 0
        for table in tables {
            lines.append("  " + table.table.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(table.rows)")
        }
        lines += unreadableTables.map { "  \($0)" }
        lines += roadNetwork?.lines ?? ["road network: none imported"]
        return lines
    }
}

/// Backing up and checking the database file, for `mealcli backup` and `mealcli doctor`.
public enum DatabaseMaintenance {
    /// Copies the live database to `path` with SQLite's online backup, so the copy is consistent
    /// even while other processes write. The copy is made under a temporary name in the target
    /// folder and renamed, so `path` is either the old file or a complete copy, never half of one.
    ///
    /// - Parameter overwrite: replace an existing file at `path` (otherwise that is refused).
    public static func backup(_ database: AppDatabase, to path: String, overwrite: Bool) throws -> BackupReport {
        try OutputFile.checkTarget(path, overwrite: overwrite)
        // Created here rather than by SQLite so the copy of diners' data is private from the start,
        // under a name nobody can guess, never through a link planted in the folder.
        let (temporary, descriptor) = try OutputFile.createTemporary(beside: path, mode: 0o600)
        close(descriptor)
        do {
            let copy = try DatabaseQueue(path: temporary)
            do {
                try database.writer.backup(to: copy)
                // Leave a file that needs no -wal or -shm beside it once renamed.
                try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
                try copy.close()
            } catch {
                try? copy.close()
                throw error
            }
            let tables = try countRows(atPath: temporary)
            try OutputFile.moveIntoPlace(temporary, to: path, overwrite: overwrite)
            let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
            return BackupReport(path: path, tables: tables, bytes: bytes)
        } catch {
            for suffix in ["", "-journal", "-wal", "-shm"] { unlink(temporary + suffix) }
            if let failure = error as? DatabaseError {
                // SQLite does not say which side of the backup failed: damage and locks are the
                // live database's, anything about writing is the copy's (named as the operator did).
                let sourceProblems: [ResultCode] = [.SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_BUSY, .SQLITE_LOCKED]
                throw StoreError(failure, path: sourceProblems.contains(failure.resultCode) ? database.path ?? path : path)
            }
            throw error
        }
    }

    /// Checks the file at `path` without writing to it: integrity, foreign keys, application id,
    /// migrations and row counts. A damaged file is reported, not thrown, as far as SQLite can
    /// read it; only a file that cannot be opened at all throws.
    public static func examine(path: String) throws -> HealthReport {
        guard try AppDatabase.databaseFileExists(at: path) else { throw StoreError.missing(path: path) }
        let queue: DatabaseQueue
        do {
            queue = try AppDatabase.readOnlyQueue(path: path, configuration: AppDatabase.makeConfiguration())
        } catch let error as DatabaseError {
            throw StoreError(error, path: path)
        }
        defer { try? queue.close() }
        var report = HealthReport(integrityProblems: [], foreignKeyProblems: [], applicationID: 0, migrations: [],
                                  unknownMigrations: [], tables: [], unreadableTables: [])
        do {
            try queue.read { db in
                do {
                    let lines = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                    report.integrityProblems = lines == ["ok"] ? [] : lines
                } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                    throw error
                } catch let error as DatabaseError {
                    report.integrityProblems = [error.message ?? "\(error.resultCode)"]
                }
                do {
                    report.foreignKeyProblems = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                        let table: String = row["table"]
                        let parent: String = row["parent"]
                        let rowid: Int64? = row["rowid"]
                        return "\(table) row \(rowid.map(String.init) ?? "?") refers to a missing \(parent)"
                    }
                } catch let error as DatabaseError where error.resultCode != .SQLITE_BUSY {
                    report.foreignKeyProblems = ["cannot be checked: \(error.message ?? "\(error.resultCode)")"]
                }
                report.applicationID = try Int32(truncatingIfNeeded: Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0)
                let migrator = AppDatabase.migrator
                let applied = try migrator.appliedIdentifiers(db)
                report.migrations = AppDatabase.knownMigrations.map { ($0, applied.contains($0)) }
                report.unknownMigrations = applied.subtracting(AppDatabase.knownMigrations).sorted()
                for table in try userTables(db) {
                    do {
                        report.tables.append(TableRowCount(table: table, rows: try count(table, db)))
                    } catch let error as DatabaseError where error.resultCode != .SQLITE_BUSY {
                        report.unreadableTables.append("\(table): cannot be read (\(error.message ?? "\(error.resultCode)"))")
                    }
                }
                do {
                    report.roadNetwork = try RoadNetworkHealth.examine(db)
                } catch let error as DatabaseError where error.resultCode != .SQLITE_BUSY {
                    // The table is already reported unreadable above.
                }
            }
        } catch let error as DatabaseError {
            throw StoreError(error, path: path)
        }
        return report
    }

    /// Rows per table of the database file at `path`, read without writing.
    static func countRows(atPath path: String) throws -> [TableRowCount] {
        let queue = try AppDatabase.readOnlyQueue(path: path, configuration: Configuration())
        defer { try? queue.close() }
        return try queue.read { db in
            try userTables(db).map { TableRowCount(table: $0, rows: try count($0, db)) }
        }
    }

    private static func userTables(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
            """)
    }

    private static func count(_ table: String, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(table.replacingOccurrences(of: "\"", with: "\"\""))\"") ?? 0
    }
}
