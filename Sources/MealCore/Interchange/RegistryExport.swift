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
        let objects = records.map { jsonObject($0, options: options) }
        // Strings and finite numbers only: encoding cannot fail.
        return Array(((try? JSONEncoder.sortedKeys(pretty: true).encode(objects)) ?? Data("[]".utf8))) + Array("\n".utf8)
    }

    /// The canteens and diners as GeoJSON Points for GIS programs (docs/plan-format.md, "GeoJSON"):
    /// each record's properties are its JSON object above plus `kind` (`canteen` or `diner`).
    /// Couriers have no place of their own and are not in it.
    public static func geojson(canteens: [Canteen], diners: [Diner], options: Options = .init()) -> [UInt8] {
        let features = canteens.map { point($0, kind: "canteen", at: $0.location, options) }
            + diners.map { point($0, kind: "diner", at: $0.location, options) }
        // Strings and finite numbers only: encoding cannot fail.
        return (try? GeoJSON.FeatureCollection(features: features).json()) ?? Array("{}\n".utf8)
    }

    private static func point<R: InterchangeRecord>(_ record: R, kind: String, at location: GeoPoint, _ options: Options)
        -> GeoJSON.Feature<[String: JSONValue]> {
        var properties = jsonObject(record, options: options)
        properties["kind"] = .string(kind)
        return GeoJSON.Feature(geometry: .point(at: location), properties: properties)
    }

    /// One record keyed by the interchange column names, numbers as numbers and an empty number
    /// as null.
    static func jsonObject<R: InterchangeRecord>(_ record: R, options: Options) -> [String: JSONValue] {
        Dictionary(uniqueKeysWithValues: R.columns.map { column -> (String, JSONValue) in
            let cell = exportCell(column, of: record, options: options)
            // Control characters a database may still hold are shown, not passed on.
            guard column.kind == .number else { return (column.name, .string(PlainText.visible(cell))) }
            if let whole = Int64(cell) { return (column.name, .integer(whole)) }
            return (column.name, Double(cell).map(JSONValue.number) ?? .null)
        })
    }
}
