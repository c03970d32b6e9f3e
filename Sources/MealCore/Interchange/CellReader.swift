/// A problem found in an input file, located at its line and column.
public struct ImportIssue: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: String?
    public var message: String
    public var value: String?

    public init(file: String, line: Int, column: String?, message: String, value: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.value = value
    }

    /// `FILE:LINE: column NAME: what is wrong (got 'VALUE')`
    public var description: String {
        var text = "\(file):\(line): "
        if let column { text += "column \(column): " }
        text += message
        if let value { text += " (got '\(Self.abbreviated(value))')" }
        return text
    }

    /// Keeps a huge or multi-line cell from flooding the terminal, and its control characters
    /// (line breaks, escape sequences) from reaching it: they are shown as `\u{A}`, `\u{1B}`.
    static func abbreviated(_ value: String) -> String {
        let flat = PlainText.visible(value)
        return flat.count > 60 ? String(flat.prefix(57)) + "..." : flat
    }
}

/// Reads the cells of one data row by column name, converting them and collecting every
/// problem instead of stopping at the first, so an operator sees all mistakes of a file at once.
public struct CellReader {
    let file: String
    let line: Int
    let columnIndex: [String: Int]
    /// The row's cells as `text` gives them: a neutralised formula restored, spaces trimmed.
    /// Done once per cell here: the character check and the row's reader each ask for every cell.
    let values: [String]
    public private(set) var issues: [ImportIssue] = []

    init(file: String, line: Int, columnIndex: [String: Int], cells: [String]) {
        self.file = file
        self.line = line
        self.columnIndex = columnIndex
        self.values = cells.map { CSVWriter.restoreNeutralizedFormula($0).trimmingSpaces }
    }

    /// The trimmed cell, or "" when the column is absent or the cell empty.
    public func text(_ column: String) -> String {
        guard let index = columnIndex[column], index < values.count else { return "" }
        return values[index]
    }

    public mutating func report(_ column: String?, _ message: String, value: String? = nil) {
        issues.append(ImportIssue(file: file, line: line, column: column, message: message, value: value))
    }

    /// A non-empty cell, or nil with an issue.
    public mutating func required(_ column: String) -> String? {
        let value = text(column)
        if value.isEmpty { report(column, "a value is required"); return nil }
        return value
    }

    /// Converts a cell with `parse`; an empty cell gives `defaultValue` (nil with an issue when
    /// there is no default, meaning the column is required).
    /// `expected` is worded only for a cell that fails: most cells are valid, and listing an
    /// enumeration's values for each of them was a few per cent of a large import.
    public mutating func value<T>(_ column: String, default defaultValue: T?, _ expected: @autoclosure () -> String,
                                  _ parse: (String) throws -> T?) -> T? {
        let raw = text(column)
        if raw.isEmpty {
            if defaultValue == nil { report(column, "a value is required") }
            return defaultValue
        }
        do {
            if let parsed = try parse(raw) { return parsed }
            report(column, "expected \(expected())", value: raw)
        } catch let error as DomainError {
            report(column, error.message, value: raw)
        } catch {
            report(column, "\(error)", value: raw)
        }
        return nil
    }

    public mutating func double(_ column: String, default defaultValue: Double? = nil) -> Double? {
        value(column, default: defaultValue, "a decimal number") { Double($0).flatMap { $0.isFinite ? $0 : nil } }
    }

    /// A latitude or longitude, range-checked here so that the row's other problems are reported too.
    public mutating func coordinate(_ column: String, limit: Double) -> Double? {
        value(column, default: nil, "decimal degrees between -\(Int(limit)) and \(Int(limit))") { text in
            Double(text).flatMap { $0.isFinite && abs($0) <= limit ? $0 : nil }
        }
    }

    public mutating func int(_ column: String, default defaultValue: Int? = nil) -> Int? {
        value(column, default: defaultValue, "a whole number") { Int($0) }
    }

    public mutating func enumeration<T: RawRepresentable & CaseIterable>(_ column: String, default defaultValue: T?) -> T?
    where T.RawValue == String {
        value(column, default: defaultValue, "one of \(T.allCases.map(\.rawValue).joined(separator: "|"))") {
            T(rawValue: $0)
        }
    }

    /// Runs the domain constructor; a domain rule it breaks is reported against the column
    /// that the rule names.
    public mutating func build<T>(_ make: () throws -> T) -> T? {
        guard issues.isEmpty else { return nil }
        do {
            return try make()
        } catch let error as DomainError {
            report(error.field, error.message, value: error.value)
        } catch {
            report(nil, "\(error)")
        }
        return nil
    }
}
