import GRDB

/// Imports as the store carries them out: the parsed file is checked against what the database
/// holds (references, existing rows) and written in one transaction, or nothing is written.
extension AppDatabase {
    /// Reads, checks and writes one registry file in one transaction, writing each record as
    /// soon as it is checked while later rows are still being checked on the other cores; a
    /// file refused at its end leaves nothing written (the transaction is rolled back).
    /// A dry run does the same in a read transaction, only counting.
    public func importRegistryFile<R: RegistryRecord>(_ type: R.Type, dryRun: Bool = false,
                                                       reading read: (_ accepted: @escaping (Int, R) throws -> Void) throws -> ParsedImport<R>,
                                                       by user: String) throws -> ImportSummary {
        func run(_ db: Database) throws -> ImportSummary {
            var writer = try RegistryWriter<R>(db, dryRun: dryRun, keepingExisting: false)
            let parsed = try read { line, record in try writer.take(record, line: line) }
            return try writer.finish(parsed, by: user)
        }
        return dryRun ? try self.read(run) : try writeKeepingStatementJournalsInMemory(run)
    }

    /// How many canteens, couriers and diners the database holds.
    public func registryCounts() throws -> (canteens: Int, couriers: Int, diners: Int) {
        try read { db in
            func count(_ table: String) throws -> Int {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.quotedDatabaseIdentifier)") ?? 0
            }
            return (try count(Canteen.tableName), try count(Courier.tableName), try count(Diner.tableName))
        }
    }

    /// Records every outcome of a parsed file, or none of them.
    func importOutcomes(_ parsed: ParsedOutcomes, by user: String) throws -> OutcomeImportSummary {
        try write { db in try parsed.apply(db, by: user) }
    }

    /// A write transaction (as `write`) whose statement journals stay in memory.
    ///
    /// An import writes the whole file in one transaction, one upsert statement per row, and
    /// SQLite keeps a journal of the pages each statement changes so that a failing statement
    /// can be undone alone. That journal lives in memory until one statement needs more than
    /// 64 KiB of it (a long cell replaced, or a rebalancing of a large index); from then on, to
    /// the end of the transaction, every row's pages are copied to a temporary file on disk.
    /// Importing 100,000 diners did that for the last half of the file: 1 GB written for a
    /// 26 MB database, and the import took longer per row the larger the file. Statement
    /// journals in memory are a few pages each and freed after each statement.
    ///
    /// The page cache is raised for the transaction too (to at most 64 MiB, as much as the
    /// pages the import changes need): with SQLite's 2 MB, 100,000 diners overflowed it, and the
    /// overflow was written to the log before the commit and read back to write it again
    /// (25,100 page writes and 12,500 reads; 18,900 and 6,300 with the larger cache).
    func writeKeepingStatementJournalsInMemory<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                // Takes effect for transactions begun after it, so it is set before BEGIN.
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
                defer { try? db.execute(sql: "PRAGMA temp_store = DEFAULT") }
                let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
                try db.execute(sql: "PRAGMA cache_size = -65536")
                defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
                var result: T?
                try db.inTransaction {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch let error as DatabaseError {
            throw StoreError(error, path: path ?? ":memory:")
        }
    }
}

extension ParsedImport {
    func apply(_ db: Database, dryRun: Bool, keepingExisting: Bool = false, by user: String) throws -> ImportSummary {
        var writer = try RegistryWriter<R>(db, dryRun: dryRun, keepingExisting: keepingExisting)
        for (line, record) in records { try writer.take(record, line: line) }
        return try writer.finish(self, by: user)
    }
}

/// Writes the records of one registry file as they come, checking what only the database
/// knows: the ids they refer to, and which records are new, changed or the same.
struct RegistryWriter<R: RegistryRecord> {
    let db: Database
    let dryRun: Bool
    let keepingExisting: Bool
    private var knownIDs: [String: Set<String>] = [:]
    /// The stored records, fetched when the first record comes: by then the other cores are
    /// checking the file, and decoding 100,000 stored diners takes as long as checking them.
    private var existing: [EntityID<R>: R]?
    private var referenceIssues: [ImportIssue] = []
    private var counts = ImportSummary(fileKind: R.fileKind, file: "", encoding: "")
    /// Written 40 at a time as they come, so that the records to write are not held twice.
    private var pending: [R] = []

    init(_ db: Database, dryRun: Bool, keepingExisting: Bool) throws {
        self.db = db
        self.dryRun = dryRun
        self.keepingExisting = keepingExisting
    }

    /// Checks `record`'s references and writes it (in a dry run, only counts it). A record with
    /// an unknown reference is not written: `finish` refuses the file, or, when bad rows are
    /// skipped, makes the rows concerned rejects.
    mutating func take(_ record: R, line: Int) throws {
        var referencesKnown = true
        for reference in record.references {
            if knownIDs[reference.table] == nil {
                knownIDs[reference.table] = try AppDatabase.registryIDs(in: reference.table, db)
            }
            if !knownIDs[reference.table]!.contains(reference.id) {
                referencesKnown = false
                referenceIssues.append(ImportIssue(file: "", line: line, column: reference.column,
                                                   message: "no \(reference.table) with this id", value: reference.id))
            }
        }
        guard referencesKnown else { return }
        if existing == nil { existing = Dictionary(uniqueKeysWithValues: try R.fetchAll(db).map { ($0.id, $0) }) }
        switch existing?[record.id] {
        case nil: counts.inserted += 1
        case _? where keepingExisting: counts.kept += 1; return
        case let old? where old == record: counts.unchanged += 1; return
        default: counts.updated += 1
        }
        guard !dryRun else { return }
        pending.append(record)
        if pending.count == 40 { try R.upsertAll(pending, db); pending.removeAll(keepingCapacity: true) }
    }

    /// Writes what is pending and the change-log entry; refuses the file when a reference is
    /// unknown and bad rows are not skipped (the caller's transaction undoes what was written).
    mutating func finish(_ parsed: ParsedImport<R>, by user: String) throws -> ImportSummary {
        let issues = referenceIssues.map { issue in
            var issue = issue
            issue.file = parsed.fileName
            return issue
        }
        let rejects = try parsed.acceptingRecords(despite: issues).rejects
        var summary = ImportSummary(fileKind: R.fileKind, file: parsed.fileName, encoding: parsed.encoding,
                                    dryRun: dryRun, warnings: parsed.warnings, rejects: rejects)
        (summary.inserted, summary.updated, summary.unchanged, summary.kept)
            = (counts.inserted, counts.updated, counts.unchanged, counts.kept)
        guard !dryRun else { return summary }
        try R.upsertAll(pending, db)
        pending.removeAll()
        try AppDatabase.logChange(
            db, by: user, action: "import \(R.fileKind)", subject: parsed.fileName,
            detail: "\(summary.inserted) new, \(summary.updated) updated, \(summary.unchanged) unchanged"
                + (summary.kept > 0 ? ", \(summary.kept) kept as they were" : "")
                + (rejects.map { ", \($0.count) refused" } ?? ""))
        return summary
    }
}

extension ParsedOutcomes {
    func apply(_ db: Database, by user: String) throws -> OutcomeImportSummary {
        var issues = self.issues
        let knownDiners = try AppDatabase.registryIDs(in: Diner.tableName, db)
        for (line, outcome) in rows where !knownDiners.contains(outcome.dinerID.rawValue) {
            issues.append(ImportIssue(file: fileName, line: line, column: "diner_id", message: "no diner with this id",
                                      value: outcome.dinerID.rawValue))
        }
        if !issues.isEmpty {
            throw ImportFailure(file: fileName, issues: issues.sorted { $0.line < $1.line })
        }
        var summary = OutcomeImportSummary(file: fileName, encoding: encoding, warnings: warnings)
        for (_, outcome) in rows {
            let recorded = try WelfareChecks.record(outcome, by: user, db)
            summary.outcomes += 1
            if recorded.replaced != nil { summary.replaced += 1 }
            summary.openedAlerts += recorded.openedAlerts
            summary.withdrawnAlerts += recorded.withdrawnAlerts
            if recorded.dinerHospitalized { summary.hospitalizedDiners.append(outcome.dinerID) }
        }
        try AppDatabase.logChange(db, by: user, action: "import outcomes", subject: fileName,
                                  detail: "\(summary.outcomes) outcomes (\(summary.replaced) replaced), "
                                      + "\(summary.openedAlerts.count) alerts opened")
        return summary
    }
}
