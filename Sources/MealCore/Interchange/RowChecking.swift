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

    /// The ids (as `CellReader.text` reads them) that more than one row holds.
    static func repeatedIDs(in rows: [(line: Int, cells: [String])], column: Int?) -> Set<String> {
        var seen = Set<String>(minimumCapacity: rows.count), repeated = Set<String>()
        for row in rows {
            guard let id = idCell(of: row.cells, column: column) else { continue }
            if !seen.insert(id).inserted { repeated.insert(id) }
        }
        return repeated
    }

    static func idCell(of cells: [String], column: Int?) -> String? {
        guard let column, column < cells.count else { return nil }
        let id = CSVWriter.restoreNeutralizedFormula(cells[column]).trimmingSpaces
        return id.isEmpty ? nil : id
    }
}

/// Rows whose id occurs once, checked on every core in the background, chunk by chunk, while the
/// caller takes the finished chunks in file order (and writes them): the writing of an import
/// overlaps the checking instead of following it.
final class BackgroundRowCheck<R: InterchangeRecord>: @unchecked Sendable {
    static var chunkSize: Int { 512 }
    let rowCount: Int
    var chunkCount: Int { (rowCount + Self.chunkSize - 1) / Self.chunkSize }
    /// One slot per row, each written by the one worker checking its chunk and read by the
    /// caller only after that chunk's semaphore is signalled.
    private let slots: UnsafeMutableBufferPointer<CheckedRow<R>?>
    private let finished: [DispatchSemaphore]
    private let allFinished = DispatchGroup()

    init(rows: [(line: Int, cells: [String])], fileName: String, columnIndex: [String: Int], columnNames: [String]) {
        rowCount = rows.count
        slots = .allocate(capacity: rows.count)
        slots.initialize(repeating: nil)
        let chunks = (rows.count + Self.chunkSize - 1) / Self.chunkSize
        finished = (0..<chunks).map { _ in DispatchSemaphore(value: 0) }
        let repeated = RowChecking.repeatedIDs(in: rows, column: columnIndex["id"])
        nonisolated(unsafe) let slots = self.slots
        let finished = self.finished, size = Self.chunkSize
        DispatchQueue.global().async(group: allFinished) {
            // Chunks are handed out in order, so the caller's next chunk is usually done first.
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for index in chunk * size..<min(rows.count, (chunk + 1) * size) {
                    let row = rows[index]
                    if let id = RowChecking.idCell(of: row.cells, column: columnIndex["id"]), repeated.contains(id) { continue }
                    slots[index] = RowChecking.check(R.self, fileName: fileName, line: row.line, cells: row.cells,
                                                     columnIndex: columnIndex, columnNames: columnNames,
                                                     earlierLine: { _ in nil })
                }
                finished[chunk].signal()
            }
        }
    }

    /// The rows of `chunk` once they are checked (nil where the id repeats), in row order.
    func checkedRows(ofChunk chunk: Int) -> [CheckedRow<R>?] {
        finished[chunk].wait()
        let range = chunk * Self.chunkSize..<min(rowCount, (chunk + 1) * Self.chunkSize)
        return Array(slots[range])
    }

    deinit {
        // A caller that stopped early (an error while writing) must not free rows still being checked.
        allFinished.wait()
        slots.deinitialize()
        slots.deallocate()
    }
}
