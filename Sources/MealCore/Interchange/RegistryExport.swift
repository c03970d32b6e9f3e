/// Writes registry records in the interchange format.
public enum RegistryExport {
    /// The options an operator chooses for an export.
    public struct Options: Sendable {
        /// Show phone numbers in full (`--unmasked`); masked by default because exports travel.
        public var unmaskedPhones = false
        public init(unmaskedPhones: Bool = false) { self.unmaskedPhones = unmaskedPhones }
    }

    /// The cell as it leaves the engine: masked when it may hold a phone number, and guarded
    /// against spreadsheet formulas when people typed it.
    static func exportCell<R>(_ column: InterchangeColumn<R>, of record: R, options: Options, guardFormulas: Bool) -> String {
        let raw = column.cell(of: record)
        switch column.kind {
        case .code, .number:
            return raw
        case .text:
            return guardFormulas ? CSVWriter.neutralizeFormula(raw) : raw
        case .phone:
            let shown = options.unmaskedPhones ? raw : PhoneMask.mask(raw)
            return guardFormulas ? CSVWriter.neutralizeFormula(shown) : shown
        }
    }

    /// CSV for Excel: UTF-8 with a BOM, header row first. It re-imports to the same records
    /// (phones aside when masked).
    public static func csv<R: InterchangeRecord>(_ records: [R], options: Options = .init()) -> [UInt8] {
        var rows: [[String]] = [R.columnNames]
        rows.reserveCapacity(records.count + 1)
        for record in records {
            rows.append(R.columns.map { exportCell($0, of: record, options: options, guardFormulas: true) })
        }
        return Array(CSVWriter(lineEnding: .lf, includesByteOrderMark: true).string(for: rows).utf8)
    }

    /// A JSON array of objects keyed by the interchange column names, numbers as numbers.
    public static func json<R: InterchangeRecord>(_ records: [R], options: Options = .init()) -> [UInt8] {
        var output = "[\n"
        for (index, record) in records.enumerated() {
            output += "  {"
            for (columnIndex, column) in R.columns.enumerated() {
                if columnIndex > 0 { output += ", " }
                output += JSONText.string(column.name) + ": "
                let cell = exportCell(column, of: record, options: options, guardFormulas: false)
                if column.kind == .number {
                    output += cell.isEmpty ? "null" : cell
                } else {
                    output += JSONText.string(cell)
                }
            }
            output += index == records.count - 1 ? "}\n" : "},\n"
        }
        output += "]\n"
        return Array(output.utf8)
    }
}

/// Minimal JSON text helpers for writers that keep their own key order.
public enum JSONText {
    public static func string(_ value: String) -> String {
        var output = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}
