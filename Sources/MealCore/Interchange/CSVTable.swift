import Foundation

/// A decoded CSV file split into its header and data rows, with the line each row starts on.
///
/// The rows stay byte ranges of the file's text until `cells(of:)` makes strings of them, which
/// an import does where it checks the row (on every core); see `CSVLayout`.
struct CSVTable: Sendable {
    var header: [String]
    var headerLine: Int
    /// The data rows, rows of only empty cells left out.
    var rows: [CSVLayout.Record]
    /// The detected encoding, as the import summary names it.
    var encoding: String
    /// The file's text as UTF-8, and where its cells are in it.
    private let text: [UInt8]
    private let cells: [CSVLayout.Cell]

    /// The bytes of an import file; a file that cannot be read is an import failure of its own.
    static func fileBytes(_ path: String) throws -> [UInt8] {
        do {
            return try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw ImportFailure(file: path, issues: [ImportIssue(file: path, line: 0, column: nil,
                                                                  message: "cannot read the file")])
        }
    }

    /// Decodes and parses `bytes`; malformed text or CSV becomes an `ImportFailure` at its line.
    static func read(bytes: [UInt8], fileName: String) throws -> CSVTable {
        let decoded: (utf8: [UInt8], encoding: TextEncoding, hadByteOrderMark: Bool)
        let layout: CSVLayout
        do {
            decoded = try TextDecoding.utf8Bytes(bytes)
            layout = try decoded.utf8.withUnsafeBufferPointer { try CSVReader(source: fileName).layout(of: $0) }
        } catch let error as CSVParseError {
            let location = "\(fileName):\(error.line): "
            let text = error.description
            let message = text.hasPrefix(location) ? String(text.dropFirst(location.count)) : text
            throw ImportFailure(file: fileName, issues: [ImportIssue(file: fileName, line: error.line, column: nil, message: message)])
        } catch let error as TextDecodingError {
            throw ImportFailure(file: fileName, issues: [ImportIssue(file: fileName, line: error.line, column: nil,
                                                                      message: error.description)])
        }
        guard let headerRecord = layout.records.first else {
            throw ImportFailure(file: fileName, issues: [ImportIssue(file: fileName, line: 1, column: nil,
                                                                      message: "the file is empty: a header row is required")])
        }
        let encodingName = decoded.encoding == .utf8
            ? (decoded.hadByteOrderMark ? "UTF-8 with BOM" : "UTF-8") : decoded.encoding.rawValue
        let cells = layout.cells
        var table = CSVTable(header: [], headerLine: headerRecord.line,
                             rows: layout.records.dropFirst().filter { !cells[$0.cells].allSatisfy(\.isEmpty) },
                             encoding: encodingName, text: decoded.utf8, cells: cells)
        table.header = withoutTrailingEmptyCells(table.cells(of: headerRecord).map { $0.trimmingSpaces })
        return table
    }

    /// The cells of `row` as the file has them, unquoted.
    func cells(of row: CSVLayout.Record) -> [String] {
        text.withUnsafeBufferPointer { bytes in cells[row.cells].map { $0.text(in: bytes) } }
    }

    /// Excel writes every row as wide as the widest one ever typed in the sheet, so a header of
    /// nine columns may end in `,,,`: the empty names at the end are no columns. (Rows of only
    /// commas, the sheet's empty lines, are dropped in `read`.)
    static func withoutTrailingEmptyCells(_ cells: [String]) -> [String] {
        var cells = cells
        while cells.count > 1, cells.last!.isEmpty { cells.removeLast() }
        return cells
    }
}

extension CSVTable {
    /// Columns that a rejects file (`import --rejects`) adds: read by people, ignored on import,
    /// so that a clerk can fix the refused rows and import the same file again.
    static let ignoredColumns: Set<String> = ["reason", "错误原因"]

    /// Column name → position, by the column's own name or one of its `aliases` (alias → name).
    /// A column given twice (by name or alias), or a required column missing, fails the whole
    /// file; a column nobody knows is only a warning.
    func columnIndex(known: [String], aliases: [String: String] = [:], required: [String],
                     fileName: String) throws -> (index: [String: Int], warnings: [ImportIssue]) {
        var issues: [ImportIssue] = [], warnings: [ImportIssue] = []
        var index: [String: Int] = [:]
        for (position, heading) in header.enumerated() {
            let name = known.contains(heading) ? heading : aliases[heading] ?? heading
            if let earlier = index[name] {
                let also = header[earlier] == heading ? "" : " (also as '\(header[earlier])')"
                issues.append(ImportIssue(file: fileName, line: headerLine, column: heading,
                                          message: "the column appears twice in the header" + also))
            } else if !Self.ignoredColumns.contains(heading) {
                index[name] = position
            }
            if !known.contains(name) && !Self.ignoredColumns.contains(heading) {
                warnings.append(ImportIssue(file: fileName, line: headerLine, column: heading, message: "unknown column, ignored"))
            }
        }
        for name in required where index[name] == nil {
            issues.append(ImportIssue(file: fileName, line: headerLine, column: name,
                                      message: "required column is missing from the header"))
        }
        if !issues.isEmpty { throw ImportFailure(file: fileName, issues: issues) }
        return (index, warnings)
    }

    /// The data rows with as many cells as the header (empty cells beyond it, Excel's trailing
    /// commas, dropped); each other row becomes an issue, or with `rejected` a refused row.
    func completeRows(fileName: String, issues: inout [ImportIssue],
                      rejected: ((_ line: Int, _ cells: [String], ImportIssue) -> Void)? = nil) -> [(line: Int, cells: [String])] {
        completeRowLayouts(fileName: fileName, issues: &issues, rejected: rejected).map { ($0.line, cells(of: $0)) }
    }

    /// `completeRows` as byte ranges: the rows' cells are not made strings here.
    func completeRowLayouts(fileName: String, issues: inout [ImportIssue],
                            rejected: ((_ line: Int, _ cells: [String], ImportIssue) -> Void)? = nil) -> [CSVLayout.Record] {
        rows.compactMap { row in
            var row = row
            while row.cells.count > header.count, cells[row.cells.upperBound - 1].isEmpty {
                row.cells = row.cells.lowerBound..<row.cells.upperBound - 1
            }
            guard row.cells.count != header.count else { return row }
            let count = row.cells.count
            let missing = count < header.count ? header[count] : nil
            let issue = ImportIssue(file: fileName, line: row.line, column: missing ?? header.last,
                                    message: "the row has \(count) cells but the header has \(header.count)")
            if let rejected { rejected(row.line, cells(of: row), issue) } else { issues.append(issue) }
            return nil
        }
    }
}

extension TextDecodingError {
    /// The line of the first byte that could not be decoded, for `FILE:LINE` messages.
    var line: Int {
        switch self {
        case .notUTF8OrGB18030(let utf8, _): utf8.line
        case .invalidUTF8AfterByteOrderMark(let position): position.line
        case .invalidGB18030(let position): position.line
        case .converterFailure: 1
        }
    }
}
