/// What registry sheets kept in Excel hold: the Chinese words of the roster for coded values,
/// and numbers Excel reformatted.
extension CellReader {
    /// A coded value given by its code word (`wheelchair`) or its roster label (`轮椅`); an empty
    /// cell gives `defaultValue` (nil with an issue when there is none: the column is required).
    public mutating func choice<T: LabelledValue>(_ column: String, default defaultValue: T?) -> T? {
        let raw = text(column)
        if raw.isEmpty {
            if defaultValue == nil { report(column, "a value is required") }
            return defaultValue
        }
        if let value = T(codeOrLabel: raw) { return value }
        report(column, "expected one of \(T.codesAndLabels)", value: raw)
        return nil
    }

    /// Free text that may hold a phone number (an emergency contact): a cell that is nothing but
    /// a number in scientific notation is refused like such a phone cell.
    public mutating func contactText(_ column: String) -> String {
        let raw = text(column)
        if Self.looksLikeScientificNotation(raw) { report(column, Self.scientificNotationRefusal, value: raw) }
        return raw
    }

    /// Whether `text` is how Excel shows a long number in a General-formatted cell (`1.39123E+10`):
    /// a phone number typed there lost its last digits when the sheet was saved as CSV, so it
    /// cannot be read back and must be typed again.
    static func looksLikeScientificNotation(_ text: String) -> Bool {
        // Almost no cell has an E; looking for one first spares the split of every phone cell.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "e") }) else { return false }
        let parts = text.uppercased().split(separator: "E", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        var exponent = Substring(parts[1])
        if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
        return (1...2).contains(mantissa.count) && mantissa.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
            && !exponent.isEmpty && exponent.allSatisfy(\.isASCIIDigit)
    }

    static let scientificNotationRefusal = "looks like a number Excel turned into scientific notation; "
        + "format the column as text in Excel and type the number again (its last digits are lost)"
}
