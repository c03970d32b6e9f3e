import Foundation

/// What an import of welfare-check outcomes did.
public struct OutcomeImportSummary: Sendable {
    public var file: String
    public var encoding: String
    public var outcomes = 0
    /// Outcomes that replaced one already recorded for the same diner and date.
    public var replaced = 0
    public var openedAlerts: [WelfareAlert] = []
    public var withdrawnAlerts: [WelfareAlert] = []
    /// Diners whose registry status became `hospitalized`.
    public var hospitalizedDiners: [DinerID] = []
    public var warnings: [ImportIssue] = []
}

/// Imports the couriers' findings (`outcomes.csv`, docs/formats.md): all rows or none, in one
/// transaction, with every problem of the file reported at once.
public enum OutcomeImport {
    public static let columnNames = ["date", "diner_id", "status", "note", "by"]
    public static let requiredColumnNames = ["date", "diner_id", "status"]

    /// Reads `path` and records its outcomes; `user` is who imports (the change log), and the
    /// recorder of rows whose `by` cell is empty.
    public static func importFile(path: String, into database: AppDatabase,
                                  by user: String = ChangeClock.loginUser) throws -> OutcomeImportSummary {
        let bytes = try CSVTable.fileBytes(path)
        return try importBytes(bytes, fileName: path, into: database, by: user)
    }

    /// The same as `importFile`, from bytes already in memory; `fileName` names them in messages.
    public static func importBytes(_ bytes: [UInt8], fileName: String, into database: AppDatabase,
                                   by user: String = ChangeClock.loginUser) throws -> OutcomeImportSummary {
        let parsed = try ParsedOutcomes(bytes: bytes, fileName: fileName, defaultRecorder: user)
        return try database.importOutcomes(parsed, by: user)
    }
}

/// An outcomes file read and checked row by row; `apply` checks the diners against the database
/// and writes, inside the caller's transaction.
struct ParsedOutcomes {
    let fileName: String
    let encoding: String
    let rows: [(line: Int, outcome: WelfareOutcome)]
    /// Problems found without the database, reported together with the unknown diners.
    let issues: [ImportIssue]
    let warnings: [ImportIssue]

    init(bytes: [UInt8], fileName: String, defaultRecorder: String) throws {
        let table = try CSVTable.read(bytes: bytes, fileName: fileName)
        var issues: [ImportIssue] = []
        var (columnIndex, warnings) = try table.columnIndex(known: OutcomeImport.columnNames,
                                                            required: OutcomeImport.requiredColumnNames, fileName: fileName)
        var rows: [(line: Int, outcome: WelfareOutcome)] = []
        var firstLineOfVisit: [String: Int] = [:]
        for row in table.completeRows(fileName: fileName, issues: &issues) {
            var cells = CellReader(file: fileName, line: row.line, columnIndex: columnIndex, cells: row.cells)
            cells.refuseUnsafeCharacters(in: OutcomeImport.columnNames)
            let date = cells.value("date", default: nil, "a date as YYYY-MM-DD") { try CalendarDate.normalized($0) }
            let dinerID = cells.value("diner_id", default: nil, "a diner id") { text -> String in
                try Identifier.validate(text, field: "diner_id")
                return text
            }
            let status: WelfareStatus? = cells.enumeration("status", default: nil)
            let recorder = cells.text("by")
            if let date, let dinerID {
                // One outcome per diner and date: two in one file would make the result depend on row order.
                let visit = "\(dinerID) \(date)"
                if let firstLine = firstLineOfVisit[visit] {
                    cells.report("diner_id", "a second outcome for this diner on \(date), first on line \(firstLine)",
                                 value: dinerID)
                } else {
                    firstLineOfVisit[visit] = row.line
                }
            }
            issues += cells.issues
            if let date, let dinerID, let status, cells.issues.isEmpty {
                rows.append((row.line, WelfareOutcome(date: date, dinerID: DinerID(dinerID), status: status, note: cells.text("note"),
                                                      recordedBy: recorder.isEmpty ? defaultRecorder : recorder)))
            }
        }
        if table.rows.isEmpty {
            warnings.append(ImportIssue(file: fileName, line: table.headerLine, column: nil, message: "the file has no data rows"))
        }
        self.fileName = fileName
        self.encoding = table.encoding
        // Date order, so the history grows the way the rounds happened and the change log reads in order.
        self.rows = rows.sorted { ($0.outcome.date, $0.line) < ($1.outcome.date, $1.line) }
        self.issues = issues
        self.warnings = warnings
    }
}
