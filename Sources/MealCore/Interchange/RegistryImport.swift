import Foundation

/// What an import did (or, in a dry run, would do).
public struct ImportSummary: Sendable {
    public var fileKind: String
    public var file: String
    public var encoding: String
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    /// Rows whose id the database already held, left as they were: a bundled data set added to a
    /// registry never replaces a real record (nor a diner's status).
    public var kept = 0
    public var dryRun = false
    public var warnings: [ImportIssue] = []

    public var rows: Int { inserted + updated + unchanged + kept }
}

/// An import that was refused: every problem of the file, and nothing was written.
public struct ImportFailure: Error, CustomStringConvertible {
    public var file: String
    public var issues: [ImportIssue]
    /// How many issues are printed before the rest are only counted.
    public static let shownIssues = 50

    public var description: String {
        var lines = issues.prefix(Self.shownIssues).map(\.description)
        if issues.count > Self.shownIssues {
            lines.append("... and \(issues.count - Self.shownIssues) more errors")
        }
        lines.append("\(file): \(issues.count) error\(issues.count == 1 ? "" : "s"); nothing was imported")
        return lines.joined(separator: "\n")
    }
}

/// Imports one interchange CSV file: all rows or none.
public enum RegistryImport {
    public static func importFile<R: RegistryRecord>(
        _ type: R.Type, path: String, into database: AppDatabase, dryRun: Bool = false,
        by user: String = ChangeClock.loginUser
    ) throws -> ImportSummary {
        let parsed = try ParsedImport<R>(path: path)
        return try database.importRegistry(parsed, dryRun: dryRun, by: user)
    }

    /// The same as `importFile`, from bytes already in memory; `fileName` names them in messages.
    public static func importBytes<R: RegistryRecord>(
        _ type: R.Type, bytes: [UInt8], fileName: String, into database: AppDatabase, dryRun: Bool = false,
        by user: String = ChangeClock.loginUser
    ) throws -> ImportSummary {
        let parsed = try ParsedImport<R>(bytes: bytes, fileName: fileName)
        return try database.importRegistry(parsed, dryRun: dryRun, by: user)
    }
}

/// A file read and checked row by row, not yet written: `apply` checks references against the
/// database and writes, inside whatever transaction the caller holds.
public struct ParsedImport<R: RegistryRecord> {
    public let fileName: String
    let encoding: String
    let records: [(line: Int, record: R)]
    let warnings: [ImportIssue]

    public init(path: String) throws {
        let bytes = try CSVTable.fileBytes(path)
        try self.init(bytes: bytes, fileName: path)
    }

    public init(bytes: [UInt8], fileName: String) throws {
        let table = try CSVTable.read(bytes: bytes, fileName: fileName)
        var issues: [ImportIssue] = []
        // Built once: the names come from the column table, and rebuilding them for every row
        // was a tenth of a large import's time.
        let columnNames = R.columnNames
        var (columnIndex, warnings) = try table.columnIndex(known: columnNames, required: R.requiredColumnNames,
                                                            fileName: fileName)
        var records: [(line: Int, record: R)] = []
        var firstLineOfID: [String: Int] = [:]
        records.reserveCapacity(table.rows.count)
        for row in table.completeRows(fileName: fileName, issues: &issues) {
            var cells = CellReader(file: fileName, line: row.line, columnIndex: columnIndex, cells: row.cells)
            cells.refuseUnsafeCharacters(in: columnNames)
            let id = cells.text("id")
            if !id.isEmpty, let firstLine = firstLineOfID[id] {
                issues.append(ImportIssue(file: fileName, line: row.line, column: "id",
                                          message: "duplicate id, first used on line \(firstLine)", value: id))
            } else if !id.isEmpty {
                firstLineOfID[id] = row.line
            }
            let record = R.read(&cells)
            issues += cells.issues
            if let record { records.append((row.line, record)) }
        }
        if !issues.isEmpty { throw ImportFailure(file: fileName, issues: issues) }
        if table.rows.isEmpty {
            warnings.append(ImportIssue(file: fileName, line: table.headerLine, column: nil,
                                        message: "the file has no data rows"))
        }
        self.fileName = fileName
        self.encoding = table.encoding
        self.records = records
        self.warnings = warnings
    }

    public var recordCount: Int { records.count }
}
