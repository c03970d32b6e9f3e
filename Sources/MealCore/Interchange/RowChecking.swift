import Foundation

/// One data row checked and read into a record: what `ParsedImport` keeps or reports of it.
struct CheckedRow<R: InterchangeRecord>: Sendable {
    /// The row's id cell as read (trimmed), "" when empty.
    var id: String
    var record: R?
    var issues: [ImportIssue]
}

/// Checking rows, the larger half of an import's work, on every core.
///
/// A row's check depends on no other row except for one thing: a repeated id is reported
/// against the first line that used it, and whether an earlier row counts depends on whether that
/// row was valid. So rows whose id occurs once in the file are checked in parallel, and rows
/// whose id repeats are left to be checked in file order by the caller, as they always were.
enum RowChecking {
    /// Reads one row: the character rule on every known column, the duplicate-id check against
    /// `earlierLine`, then the record itself.
    static func check<R: InterchangeRecord>(_ type: R.Type, fileName: String, line: Int, cells: [String],
                                            columnIndex: [String: Int], columnNames: [String],
                                            earlierLine: (String) -> Int?) -> CheckedRow<R> {
        var reader = CellReader(file: fileName, line: line, columnIndex: columnIndex, cells: cells)
        reader.refuseUnsafeCharacters(in: columnNames)
        let id = reader.text("id")
        if !id.isEmpty, let firstLine = earlierLine(id) {
            reader.report("id", "duplicate id, first used on line \(firstLine)", value: id)
        }
        let record = R.read(&reader)
        return CheckedRow(id: id, record: record, issues: reader.issues)
    }

    /// Every row whose id occurs once checked, in row order; nil for the rows whose id repeats.
    static func checkUnrepeated<R: InterchangeRecord>(_ type: R.Type, rows: [(line: Int, cells: [String])], fileName: String,
                                                      columnIndex: [String: Int], columnNames: [String]) -> [CheckedRow<R>?] {
        let repeated = repeatedIDs(in: rows, column: columnIndex["id"])
        var results = [CheckedRow<R>?](repeating: nil, count: rows.count)
        let chunkSize = 512
        let chunks = (rows.count + chunkSize - 1) / chunkSize
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            // Each chunk writes only its own slots of `output`.
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for index in chunk * chunkSize..<min(rows.count, (chunk + 1) * chunkSize) {
                    let row = rows[index]
                    if let id = idCell(of: row.cells, column: columnIndex["id"]), repeated.contains(id) { continue }
                    output[index] = check(R.self, fileName: fileName, line: row.line, cells: row.cells,
                                          columnIndex: columnIndex, columnNames: columnNames, earlierLine: { _ in nil })
                }
            }
        }
        return results
    }

    /// The ids (as `CellReader.text` reads them) that more than one row holds.
    static func repeatedIDs(in rows: [(line: Int, cells: [String])], column: Int?) -> Set<String> {
        var seen = Set<String>(minimumCapacity: rows.count), repeated = Set<String>()
        for row in rows {
            guard let id = idCell(of: row.cells, column: column) else { continue }
            if !seen.insert(id).inserted { repeated.insert(id) }
        }
        return repeated
    }

    private static func idCell(of cells: [String], column: Int?) -> String? {
        guard let column, column < cells.count else { return nil }
        let id = CSVWriter.restoreNeutralizedFormula(cells[column]).trimmingSpaces
        return id.isEmpty ? nil : id
    }
}
