/// Reading people's text: the character rule of `PlainText` for every cell, and phone cells in
/// their stored form (`PhoneNumber`).
extension CellReader {
    /// Reports every cell of `columns` that holds a control or invisible character, so that such
    /// a row is refused whatever the column (a name, an id, a note).
    public mutating func refuseUnsafeCharacters(in columns: [String]) {
        refuseUnsafeCharacters(at: Self.knownColumns(columns, in: columnIndex))
    }

    /// `refuseUnsafeCharacters(in:)` for the columns `knownColumns` found, without looking up
    /// each column's position in every row.
    mutating func refuseUnsafeCharacters(at columns: [(name: String, index: Int)]) {
        for column in columns where column.index < values.count {
            let value = values[column.index]
            if let found = PlainText.firstUnsafe(in: value) {
                report(column.name, "\(PlainText.refusal) (\(PlainText.describe(found)))", value: value)
            }
        }
    }

    /// The columns of `names` that `columnIndex` has, in the order of `names`, with their positions.
    static func knownColumns(_ names: [String], in columnIndex: [String: Int]) -> [(name: String, index: Int)] {
        names.compactMap { name in columnIndex[name].map { (name, $0) } }
    }

    /// A phone cell as stored: digits, several numbers separated by `;`; "" when empty.
    public mutating func phone(_ column: String) -> String {
        let raw = text(column)
        if Self.looksLikeScientificNotation(raw) {
            report(column, Self.scientificNotationRefusal, value: raw)
            return ""
        }
        return value(column, default: "", PhoneNumber.expected) { try PhoneNumber.normalized($0, field: column) } ?? ""
    }
}
