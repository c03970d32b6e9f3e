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
/// against the first line that used it. So every row is checked in parallel as if its id were
/// its own, and a row whose id an earlier row holds is checked again by the caller, in file
/// order, against that row's line.
enum RowChecking {
    /// Reads one row: the character rule on every known column, the duplicate-id check against
    /// `earlierLine`, then the record itself. `knownColumns` are the record's columns the file
    /// has, with their positions (`CellReader.knownColumns`).
    static func check<R: InterchangeRecord>(_ type: R.Type, fileName: String, line: Int, cells: [String],
                                            columnIndex: [String: Int], knownColumns: [(name: String, index: Int)],
                                            earlierLine: Int?) -> CheckedRow<R> {
        var reader = CellReader(file: fileName, line: line, columnIndex: columnIndex, cells: cells)
        reader.refuseUnsafeCharacters(at: knownColumns)
        let id = reader.text("id")
        if !id.isEmpty, let firstLine = earlierLine {
            reader.report("id", "duplicate id, first used on line \(firstLine)", value: id)
        }
        let record = R.read(&reader)
        return CheckedRow(id: id, record: record, issues: reader.issues)
    }
}

/// The rows of a file checked on every core in the background, chunk by chunk, while the
/// caller takes the finished chunks in file order (and writes them): the writing of an import
/// overlaps the checking instead of following it. The cells of a row become strings here too,
/// so that the caller's thread is left with the ordering and the writing.
final class BackgroundRowCheck<R: InterchangeRecord>: @unchecked Sendable {
    /// A row checked as if its id were its own, with its cells when the caller keeps them.
    struct Row {
        var checked: CheckedRow<R>
        var cells: [String]?
    }

    static var chunkSize: Int { 512 }
    let rowCount: Int
    var chunkCount: Int { (rowCount + Self.chunkSize - 1) / Self.chunkSize }
    /// One slot per row, each written by the one worker checking its chunk and taken by the
    /// caller only after that chunk's semaphore is signalled.
    private let slots: UnsafeMutableBufferPointer<Row?>
    private let finished: [DispatchSemaphore]
    private let allFinished = DispatchGroup()

    /// - Parameter keepingCells: give each row's cells with it (to write refused rows as typed).
    init(table: CSVTable, rows: [CSVLayout.Record], fileName: String, columnIndex: [String: Int],
         knownColumns: [(name: String, index: Int)], keepingCells: Bool) {
        rowCount = rows.count
        slots = .allocate(capacity: rows.count)
        slots.initialize(repeating: nil)
        let chunks = (rows.count + Self.chunkSize - 1) / Self.chunkSize
        finished = (0..<chunks).map { _ in DispatchSemaphore(value: 0) }
        nonisolated(unsafe) let slots = self.slots
        let finished = self.finished, size = Self.chunkSize
        DispatchQueue.global().async(group: allFinished) {
            // Chunks are handed out in order, so the caller's next chunk is usually done first.
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for index in chunk * size..<min(rows.count, (chunk + 1) * size) {
                    let row = rows[index], cells = table.cells(of: row)
                    let checked = RowChecking.check(R.self, fileName: fileName, line: row.line, cells: cells,
                                                    columnIndex: columnIndex, knownColumns: knownColumns, earlierLine: nil)
                    slots[index] = Row(checked: checked, cells: keepingCells ? cells : nil)
                }
                finished[chunk].signal()
            }
        }
    }

    /// The rows of `chunk` once they are checked, in row order, moved out of the slots.
    func takeRows(ofChunk chunk: Int) -> [Row] {
        finished[chunk].wait()
        let range = chunk * Self.chunkSize..<min(rowCount, (chunk + 1) * Self.chunkSize)
        return range.map { index in
            let row = (slots.baseAddress! + index).move()
            (slots.baseAddress! + index).initialize(to: nil)
            return row!
        }
    }

    deinit {
        // A caller that stopped early (an error while writing) must not free rows still being checked.
        allFinished.wait()
        slots.deinitialize()
        slots.deallocate()
    }
}
