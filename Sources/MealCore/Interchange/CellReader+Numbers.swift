/// Numbers with a documented range (docs/formats.md). A figure outside its range is refused on
/// import, so everything the planner adds up or multiplies stays far inside the integers.
extension CellReader {
    /// A whole number within `range`. Digits too many for an integer are out of range too, and
    /// `outOfRange` says what the column is and its range, in the model's own words.
    public mutating func int(_ column: String, in range: ClosedRange<Int>, default defaultValue: Int? = nil,
                             outOfRange: (String) -> DomainError) -> Int? {
        let raw = text(column)
        if raw.isEmpty {
            if defaultValue == nil { report(column, "a value is required") }
            return defaultValue
        }
        let digits = raw.first == "-" || raw.first == "+" ? raw.dropFirst() : Substring(raw)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else {
            report(column, "expected a whole number", value: raw)
            return nil
        }
        guard let value = Int(raw), range.contains(value) else {
            report(column, outOfRange(raw).message, value: raw)
            return nil
        }
        return value
    }
}
