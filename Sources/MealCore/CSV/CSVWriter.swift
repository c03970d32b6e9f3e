/// Produces RFC 4180 CSV text.
///
/// A cell is quoted when it contains a comma, quote, CR or LF, with its quotes
/// doubled. Every record, including the last, ends with ``lineEnding``.
/// The default line ending is LF (`\n`): ``CSVReader``, Excel, WPS and
/// LibreOffice all read it, and it keeps diffs of exported files clean; use
/// ``LineEnding/crlf`` when strict RFC 4180 output is wanted.
///
/// By default the writer never alters cell contents beyond quoting. A writer made
/// with `guardsFormulas` (every export of data: registry, rosters, coverage) passes
/// each cell through ``guardedCell(_:)``: a cell a spreadsheet would run as a
/// formula gets a leading apostrophe, and control or invisible characters a
/// database may still hold are shown as visible escapes (``PlainText``).
public struct CSVWriter: Sendable {
    public enum LineEnding: String, Sendable {
        case lf = "\n"
        case crlf = "\r\n"
    }

    public var lineEnding: LineEnding
    /// Whether output starts with a UTF-8 byte order mark. Excel needs it to
    /// recognise a UTF-8 CSV; without it, Excel reads the file in the system
    /// code page (GBK in mainland China) and garbles the Chinese text.
    public var includesByteOrderMark: Bool

    /// Whether every cell goes through ``guardedCell(_:)``.
    public var guardsFormulas: Bool

    public init(lineEnding: LineEnding = .lf, includesByteOrderMark: Bool = false, guardsFormulas: Bool = false) {
        self.lineEnding = lineEnding
        self.includesByteOrderMark = includesByteOrderMark
        self.guardsFormulas = guardsFormulas
    }

    /// The CSV text for `rows`, starting with U+FEFF if ``includesByteOrderMark`` is set.
    public func string(for rows: [[String]]) -> String {
        var output = includesByteOrderMark ? "\u{FEFF}" : ""
        for row in rows {
            appendRecord(row, to: &output)
        }
        return output
    }

    /// The encoded bytes for `rows`. For GB18030 no byte order mark is written
    /// regardless of ``includesByteOrderMark``: GB18030 CSV files carry none.
    public func bytes(for rows: [[String]], encoding: TextEncoding = .utf8) throws -> [UInt8] {
        switch encoding {
        case .utf8:
            return Array(string(for: rows).utf8)
        case .gb18030:
            var plain = self
            plain.includesByteOrderMark = false
            return try TextDecoding.encodeGB18030(plain.string(for: rows))
        }
    }

    /// One record without its line ending.
    public func line(for row: [String]) -> String {
        var output = ""
        Self.appendFields(guardsFormulas ? row.map(Self.guardedCell) : row, to: &output)
        return output
    }

    /// Appends one record and its line ending to `output`.
    public func appendRecord(_ row: [String], to output: inout String) {
        Self.appendFields(guardsFormulas ? row.map(Self.guardedCell) : row, to: &output)
        output.append(lineEnding.rawValue)
    }

    private static func appendFields(_ row: [String], to output: inout String) {
        // A lone empty cell would be an empty line, which readers skip; quoting keeps the record.
        if row.count == 1 && row[0].isEmpty {
            output.append("\"\"")
            return
        }
        for (index, cell) in row.enumerated() {
            if index > 0 { output.append(",") }
            appendCell(cell, to: &output)
        }
    }

    /// `cell` as it must appear in CSV: unchanged, or quoted with doubled quotes.
    public static func escapeCell(_ cell: String) -> String {
        var output = ""
        appendCell(cell, to: &output)
        return output
    }

    private static func appendCell(_ cell: String, to output: inout String) {
        let needsQuoting = cell.utf8.contains { (byte: UInt8) -> Bool in
            byte == 0x2C || byte == 0x22 || byte == 0x0D || byte == 0x0A
        }
        guard needsQuoting else {
            output.append(cell)
            return
        }
        output.append("\"")
        output.append(cell.replacingQuotes())
        output.append("\"")
    }

    // MARK: - Formula injection guard

    /// Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection list).
    static let formulaTriggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Makes a free-text cell safe to open in a spreadsheet: if it begins with
    /// `=`, `+`, `-`, `@`, tab or CR (possibly after leading apostrophes), an
    /// apostrophe is prefixed so it is shown as text rather than evaluated.
    ///
    /// Apply this to free-text columns only (names, addresses, notes). Numeric
    /// columns must not be guarded: `-3.5` would become `'-3.5` and stop being
    /// a number in the spreadsheet and in re-import.
    ///
    /// Cells already starting with apostrophes before a trigger get one more,
    /// so ``restoreNeutralizedFormula(_:)`` is an exact inverse for every string.
    public static func neutralizeFormula(_ cell: String) -> String {
        startsWithApostrophesThenTrigger(cell, minimumApostrophes: 0) ? "'" + cell : cell
    }

    /// Undoes ``neutralizeFormula(_:)`` on import: a cell starting with an
    /// apostrophe that is followed (after any further apostrophes) by `=`, `+`,
    /// `-`, `@`, tab or CR loses its first apostrophe. Other cells are unchanged.
    public static func restoreNeutralizedFormula(_ cell: String) -> String {
        // Nearly no cell starts with an apostrophe: every cell of an import is asked.
        guard cell.utf8.first == UInt8(ascii: "'") else { return cell }
        return startsWithApostrophesThenTrigger(cell, minimumApostrophes: 1) ? String(cell.unicodeScalars.dropFirst()) : cell
    }

    /// A cell of exported data: a plain decimal number (`-3.5`, `1e-05`) as it is, so it stays a
    /// number; anything else through ``neutralizeFormula(_:)``, with control and invisible
    /// characters shown as visible escapes (a database written before the import rule may hold
    /// them, and a CSV printed to a terminal must not carry them).
    public static func guardedCell(_ cell: String) -> String {
        isPlainNumber(cell) ? cell : neutralizeFormula(PlainText.visible(cell))
    }

    /// `-?digits[.digits][e[+-]digits]`: what spreadsheets read as a number, never a formula.
    static func isPlainNumber(_ cell: String) -> Bool {
        var scalars = cell.unicodeScalars[...]
        func digits() -> Int {
            var count = 0
            while let next = scalars.first, ("0"..."9").contains(next) { scalars.removeFirst(); count += 1 }
            return count
        }
        if scalars.first == "-" { scalars.removeFirst() }
        guard digits() > 0 else { return false }
        if scalars.first == "." {
            scalars.removeFirst()
            guard digits() > 0 else { return false }
        }
        if scalars.first == "e" || scalars.first == "E" {
            scalars.removeFirst()
            if scalars.first == "-" || scalars.first == "+" { scalars.removeFirst() }
            guard digits() > 0 else { return false }
        }
        return scalars.isEmpty
    }

    private static func startsWithApostrophesThenTrigger(_ cell: String, minimumApostrophes: Int) -> Bool {
        var apostrophes = 0
        for scalar in cell.unicodeScalars {
            if scalar == "'" {
                apostrophes += 1
                continue
            }
            return apostrophes >= minimumApostrophes && formulaTriggers.contains(scalar)
        }
        return false
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        guard utf8.contains(0x22) else { return self }
        var result = ""
        result.reserveCapacity(utf8.count + 8)
        for scalar in unicodeScalars {
            if scalar == "\"" { result.unicodeScalars.append("\"") }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
