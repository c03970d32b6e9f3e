import Foundation

/// Writes registry records in the interchange format.
public enum RegistryExport {
    /// The options an operator chooses for an export.
    public struct Options: Sendable {
        /// Show phone numbers in full (`--unmasked`); masked by default because exports travel.
        public var unmaskedPhones = false
        public init(unmaskedPhones: Bool = false) { self.unmaskedPhones = unmaskedPhones }
    }

    /// The cell as it leaves the engine: phone-like sequences masked in everything people typed
    /// (names, addresses, contacts, phones) unless the operator asks for them in full. CSV cells
    /// are then guarded against spreadsheet formulas by the writer, every column alike (a stored
    /// id may start with `=`), numbers excepted.
    static func exportCell<R>(_ column: InterchangeColumn<R>, of record: R, options: Options) -> String {
        let raw = column.cell(of: record)
        switch column.kind {
        case .code, .number:
            return raw
        case .text, .phone:
            return PhoneMask.shown(raw, unmasked: options.unmaskedPhones)
        }
    }

    /// CSV for Excel: UTF-8 with a BOM, header row first. It re-imports to the same records
    /// (phones aside when masked).
    public static func csv<R: InterchangeRecord>(_ records: [R], options: Options = .init()) -> [UInt8] {
        var rows: [[String]] = [R.columnNames]
        rows.reserveCapacity(records.count + 1)
        for record in records {
            rows.append(R.columns.map { exportCell($0, of: record, options: options) })
        }
        return Array(CSVWriter(lineEnding: .lf, includesByteOrderMark: true, guardsFormulas: true).string(for: rows).utf8)
    }

    /// A JSON array of objects keyed by the interchange column names (sorted), numbers as
    /// numbers and an empty number as null; pretty-printed, one key per line.
    public static func json<R: InterchangeRecord>(_ records: [R], options: Options = .init()) -> [UInt8] {
        let objects = records.map { record in
            Dictionary(uniqueKeysWithValues: R.columns.map { column -> (String, JSONValue) in
                let cell = exportCell(column, of: record, options: options)
                // Control characters a database may still hold are shown, not passed on.
                guard column.kind == .number else { return (column.name, .string(PlainText.visible(cell))) }
                if let whole = Int64(cell) { return (column.name, .integer(whole)) }
                return (column.name, Double(cell).map(JSONValue.number) ?? .null)
            })
        }
        // Strings and finite numbers only: encoding cannot fail.
        return Array(((try? JSONEncoder.sortedKeys(pretty: true).encode(objects)) ?? Data("[]".utf8))) + Array("\n".utf8)
    }
}
