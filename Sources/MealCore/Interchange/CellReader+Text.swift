/// Reading people's text: the character rule of `PlainText` for every cell, and phone cells in
/// their stored form (`PhoneNumber`).
extension CellReader {
    /// Reports every cell of `columns` that holds a control or invisible character, so that such
    /// a row is refused whatever the column (a name, an id, a note).
    public mutating func refuseUnsafeCharacters(in columns: [String]) {
        for column in columns {
            let value = text(column)
            if let found = PlainText.firstUnsafe(in: value) {
                report(column, "\(PlainText.refusal) (\(PlainText.describe(found)))", value: value)
            }
        }
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
