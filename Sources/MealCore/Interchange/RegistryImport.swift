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
    /// The rows left out by an import that skips bad rows; nil for an all-or-nothing import.
    public var rejects: Rejects?

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
    /// - Parameter skippingBadRows: import the rows that are right and leave out the others (in
    ///   the summary's `rejects`) instead of refusing the whole file. A file whose header or
    ///   encoding is wrong is still refused whole.
    public static func importFile<R: RegistryRecord>(
        _ type: R.Type, path: String, into database: AppDatabase, dryRun: Bool = false,
        skippingBadRows: Bool = false, by user: String = ChangeClock.loginUser
    ) throws -> ImportSummary {
        try database.importRegistryFile(R.self, dryRun: dryRun, reading: { accepted in
            try ParsedImport<R>(path: path, skippingBadRows: skippingBadRows, accepted: accepted)
        }, by: user)
    }

    /// The same as `importFile`, from bytes already in memory; `fileName` names them in messages.
    public static func importBytes<R: RegistryRecord>(
        _ type: R.Type, bytes: [UInt8], fileName: String, into database: AppDatabase, dryRun: Bool = false,
        skippingBadRows: Bool = false, by user: String = ChangeClock.loginUser
    ) throws -> ImportSummary {
        try database.importRegistryFile(R.self, dryRun: dryRun, reading: { accepted in
            try ParsedImport<R>(bytes: bytes, fileName: fileName, skippingBadRows: skippingBadRows, accepted: accepted)
        }, by: user)
    }
}

/// A file read and checked row by row, not yet written: `apply` checks references against the
/// database and writes, inside whatever transaction the caller holds.
public struct ParsedImport<R: RegistryRecord> {
    public let fileName: String
    let encoding: String
    /// The records of the file, when it was read without `accepted` (which takes them instead).
    let records: [(line: Int, record: R)]
    public let recordCount: Int
    let warnings: [ImportIssue]
    /// The rows left out, when bad rows are skipped; nil when any problem refuses the file.
    let rejects: Rejects?
    /// The cells of each record's row as the file has them, kept when bad rows are skipped: a
    /// row refused later (an unknown id) is written to the rejects as the clerk typed it.
    let cellsOfLine: [Int: [String]]

    public init(path: String, skippingBadRows: Bool = false,
                accepted: ((_ line: Int, _ record: R) throws -> Void)? = nil) throws {
        let bytes = try CSVTable.fileBytes(path)
        try self.init(bytes: bytes, fileName: path, skippingBadRows: skippingBadRows, accepted: accepted)
    }

    /// - Parameter accepted: called with each record the file holds without a problem, in file
    ///   order, as soon as it is known (while later rows are still being checked), until a
    ///   problem refuses the file; an import writes them there. The file may still be refused
    ///   after some calls: the caller's transaction undoes what it wrote.
    public init(bytes: [UInt8], fileName: String, skippingBadRows: Bool = false,
                accepted: ((_ line: Int, _ record: R) throws -> Void)? = nil) throws {
        let table = try CSVTable.read(bytes: bytes, fileName: fileName)
        var issues: [ImportIssue] = []
        var rejects = Rejects(header: table.header)
        // Built once: the names come from the column table, and rebuilding them for every row
        // was a tenth of a large import's time.
        let columnNames = R.columnNames
        var (columnIndex, warnings) = try table.columnIndex(known: columnNames, aliases: R.columnAliases,
                                                            required: R.requiredColumnNames, fileName: fileName)
        let knownColumns = CellReader.knownColumns(columnNames, in: columnIndex)
        var records: [(line: Int, record: R)] = [], recordCount = 0
        var cellsOfLine: [Int: [String]] = [:]
        let rows = table.completeRowLayouts(fileName: fileName, issues: &issues, rejected: skippingBadRows ? { line, cells, issue in
            rejects.rows.append(Rejects.Row(line: line, cells: cells, issues: [issue]))
        } : nil)
        // The first line of each id, which a later row with the same id is reported against.
        var firstLineOfID = [String: Int](minimumCapacity: rows.count)
        if accepted == nil { records.reserveCapacity(rows.count) }
        let check = BackgroundRowCheck<R>(table: table, rows: rows, fileName: fileName, columnIndex: columnIndex,
                                          knownColumns: knownColumns, keepingCells: skippingBadRows)
        for chunk in 0..<check.chunkCount {
            let first = chunk * BackgroundRowCheck<R>.chunkSize
            for (offset, var checkedRow) in check.takeRows(ofChunk: chunk).enumerated() {
                let row = rows[first + offset], id = checkedRow.checked.id
                let earlier = id.isEmpty ? nil : firstLineOfID[id]
                if let earlier {
                    checkedRow.checked = RowChecking.check(
                        R.self, fileName: fileName, line: row.line, cells: table.cells(of: row), columnIndex: columnIndex,
                        knownColumns: knownColumns, earlierLine: earlier)
                }
                let checked = checkedRow.checked
                let valid = checked.issues.isEmpty && checked.record != nil
                // A row left out (bad rows skipped) does not hold its id: a later row may.
                if !id.isEmpty, earlier == nil, valid || !skippingBadRows { firstLineOfID[id] = row.line }
                if valid, let record = checked.record {
                    if accepted == nil { records.append((row.line, record)) }
                    recordCount += 1
                    if skippingBadRows { cellsOfLine[row.line] = checkedRow.cells ?? table.cells(of: row) }
                    // Once the file is known to be refused, nothing more is worth writing.
                    if issues.isEmpty { try accepted?(row.line, record) }
                } else if skippingBadRows {
                    rejects.rows.append(Rejects.Row(line: row.line, cells: checkedRow.cells ?? table.cells(of: row),
                                                    issues: checked.issues))
                } else {
                    issues += checked.issues
                }
            }
        }
        if !issues.isEmpty { throw ImportFailure(file: fileName, issues: issues) }
        if table.rows.isEmpty {
            warnings.append(ImportIssue(file: fileName, line: table.headerLine, column: nil,
                                        message: "the file has no data rows"))
        }
        rejects.rows.sort { $0.line < $1.line }
        self.fileName = fileName
        self.encoding = table.encoding
        self.records = records
        self.recordCount = recordCount
        self.warnings = warnings
        self.rejects = skippingBadRows ? rejects : nil
        self.cellsOfLine = cellsOfLine
    }

    /// The records to write once `referenceIssues` (ids the database does not hold) are known:
    /// all of them when there are none; without the rows concerned when bad rows are skipped
    /// (they join the rejects); else the file is refused.
    func acceptingRecords(despite referenceIssues: [ImportIssue]) throws -> (records: [(line: Int, record: R)], rejects: Rejects?) {
        guard !referenceIssues.isEmpty else { return (records, rejects) }
        guard var rejects else { throw ImportFailure(file: fileName, issues: referenceIssues) }
        let byLine = Dictionary(grouping: referenceIssues, by: \.line)
        for (line, issues) in byLine {
            // The cells are kept for every record when bad rows are skipped; the record's own
            // cells only stand in should a caller have read the file otherwise.
            let cells = cellsOfLine[line]
                ?? records.first { $0.line == line }.map { record in R.columns.map { $0.cell(of: record.record) } } ?? []
            rejects.rows.append(Rejects.Row(line: line, cells: cells, issues: issues))
        }
        rejects.rows.sort { $0.line < $1.line }
        return (records.filter { byLine[$0.line] == nil }, rejects)
    }
}
