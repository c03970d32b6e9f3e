/// What a cell holds, which decides how it is written out: free text is guarded against
/// spreadsheet formulas, phone numbers are masked unless the operator asks for them.
public enum CellKind: Sendable {
    /// Ids, enum values, times, numbers: written as they are (a `-` here is a minus sign).
    case code
    /// Names, addresses, notes typed by people.
    case text
    /// Numbers: written as they are in CSV, as JSON numbers (null when empty).
    case number
    /// Phone numbers, and free text that may contain them (emergency contacts).
    case phone
}

/// One column of an interchange CSV file: its name, the Chinese headings an import accepts for
/// it, whether it is required, and how a record writes it. The column names are the interchange
/// format documented in docs/formats.md; exports write the names, never the aliases.
public struct InterchangeColumn<Record>: Sendable {
    public let name: String
    /// Headings of registry sheets kept in Excel (`姓名`, `电话`), read as this column.
    public let aliases: [String]
    public let required: Bool
    public let kind: CellKind
    let value: @Sendable (Record) -> String

    init(_ name: String, _ aliases: [String], required: Bool = false, _ kind: CellKind = .code,
         _ value: @escaping @Sendable (Record) -> String) {
        self.name = name
        self.aliases = aliases
        self.required = required
        self.kind = kind
        self.value = value
    }

    public func cell(of record: Record) -> String { value(record) }
}

/// A record that can be read from and written to an interchange CSV file.
public protocol InterchangeRecord: Sendable, Equatable {
    /// The file kind as the command line names it: `canteens`, `couriers`, `diners`.
    static var fileKind: String { get }
    static var columns: [InterchangeColumn<Self>] { get }
    var id: EntityID<Self> { get }
    /// Builds a record from one row; problems are recorded in `cells`, and nil is returned when
    /// the row cannot make a valid record.
    static func read(_ cells: inout CellReader) -> Self?
}

extension InterchangeRecord {
    public static var columnNames: [String] { columns.map(\.name) }
    public static var requiredColumnNames: [String] { columns.filter(\.required).map(\.name) }
    /// Chinese heading → column name.
    public static var columnAliases: [String: String] {
        Dictionary(columns.flatMap { column in column.aliases.map { ($0, column.name) } }, uniquingKeysWith: { first, _ in first })
    }
}
