/// The rows an import that skips bad rows left out, written as a CSV file the clerk fixes in a
/// spreadsheet and imports again: the file's own columns, in its order and under its headings,
/// each row as it was typed, and one more column saying what is wrong (`FILE:LINE: column NAME:
/// ...`, several problems separated by ` | `). The importer ignores that column (`reason`, or
/// `错误原因` when the file's headings are Chinese), so the fixed file imports as it is.
public struct Rejects: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// The row's line in the imported file.
        public var line: Int
        public var cells: [String]
        public var issues: [ImportIssue]
    }

    /// The imported file's header, trailing empty headings dropped.
    public var header: [String]
    public var rows: [Row] = []

    public var count: Int { rows.count }

    /// `错误原因` when any heading of the file is not ASCII (a sheet with Chinese headings), else `reason`.
    public var reasonHeading: String {
        header.contains { !$0.unicodeScalars.allSatisfy(\.isASCII) } ? "错误原因" : "reason"
    }

    /// The rejects file: UTF-8 with a byte order mark (Excel in China reads it without asking),
    /// every cell guarded against formulas. A reason column of the imported file (a rejects
    /// file imported again) is replaced by the new reasons.
    public func csvBytes() -> [UInt8] {
        let kept = header.indices.filter { !CSVTable.ignoredColumns.contains(header[$0]) }
        var lines = [kept.map { header[$0] } + [reasonHeading]]
        for row in rows {
            let cells = kept.map { $0 < row.cells.count ? row.cells[$0] : "" }
            // Cells beyond the header (the row's own mistake) follow the reason, so nothing the
            // clerk typed is lost; the row is refused again until they are moved or deleted.
            let beyond = row.cells.count > header.count ? Array(row.cells[header.count...]) : []
            lines.append(cells + [row.issues.map(\.description).joined(separator: " | ")] + beyond)
        }
        return Array(CSVWriter(includesByteOrderMark: true, guardsFormulas: true).string(for: lines).utf8)
    }

    /// Writes `csvBytes()` to `path` through `OutputFile`: readable by its owner only (the rows
    /// hold phone numbers and addresses), never through a symbolic link or into a device. An
    /// existing rejects file is replaced: it is the report of the last import.
    public func write(to path: String) throws {
        try OutputFile.write(csvBytes(), to: path, overwrite: true, privateToOwner: true)
    }
}
