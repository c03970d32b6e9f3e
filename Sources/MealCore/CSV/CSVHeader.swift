/// Problems with a header row that make the file unusable.
public struct CSVHeaderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A column name that occurs more than once, with its 1-based column positions.
    public struct Duplicate: Sendable, Equatable {
        public var name: String
        public var columns: [Int]

        public init(name: String, columns: [Int]) {
            self.name = name
            self.columns = columns
        }
    }

    public var source: String?
    /// Line of the header row.
    public var line: Int
    /// Required columns absent from the header, in the order they were required.
    public var missingRequired: [String]
    public var duplicates: [Duplicate]

    public var description: String {
        var problems: [String] = []
        if !missingRequired.isEmpty {
            problems.append("missing required column(s): " + missingRequired.joined(separator: ", "))
        }
        for duplicate in duplicates {
            let columns = duplicate.columns.map(String.init).joined(separator: ", ")
            problems.append("duplicate column \"\(duplicate.name)\" at positions \(columns)")
        }
        let location = source.map { "\($0):\(line)" } ?? "line \(line)"
        return "\(location): invalid header: " + problems.joined(separator: "; ")
    }
}

/// Maps header names to column indices, validated against the columns an
/// importer requires and the ones it knows about.
///
/// Names are trimmed of surrounding whitespace and then matched exactly
/// (case-sensitively) against the given names.
public struct CSVHeaderMap: Sendable, Equatable {
    /// Column name (trimmed) → 0-based field index.
    public let indexByName: [String: Int]
    /// Non-empty header names that are neither required nor known, in file
    /// order. These deserve a warning, not an error: the column is ignored.
    public let unknownColumns: [String]
    /// 0-based indices of header cells that are empty after trimming (e.g. a
    /// trailing comma written by a spreadsheet); such columns are ignored.
    public let unnamedColumnIndices: [Int]

    /// Validates `header`.
    /// - Parameters:
    ///   - required: names that must be present.
    ///   - known: further names that may be present; required names count as known.
    /// - Throws: ``CSVHeaderError`` listing every missing required column and
    ///   every duplicated name.
    public init(header: [String], required: [String], known: [String] = [],
                source: String? = nil, line: Int = 1) throws {
        var indexByName: [String: Int] = [:]
        var positionsByName: [String: [Int]] = [:]
        var orderedNames: [String] = []
        var unnamed: [Int] = []
        for (index, rawName) in header.enumerated() {
            let name = Self.trimmed(rawName)
            if name.isEmpty {
                unnamed.append(index)
                continue
            }
            if positionsByName[name] == nil {
                orderedNames.append(name)
                indexByName[name] = index
            }
            positionsByName[name, default: []].append(index + 1)
        }

        let duplicates = orderedNames.compactMap { name -> CSVHeaderError.Duplicate? in
            let positions = positionsByName[name]!
            return positions.count > 1 ? CSVHeaderError.Duplicate(name: name, columns: positions) : nil
        }
        let missing = required.filter { indexByName[$0] == nil }
        if !duplicates.isEmpty || !missing.isEmpty {
            throw CSVHeaderError(source: source, line: line, missingRequired: missing, duplicates: duplicates)
        }

        let knownNames = Set(required).union(known)
        self.indexByName = indexByName
        self.unknownColumns = orderedNames.filter { !knownNames.contains($0) }
        self.unnamedColumnIndices = unnamed
    }

    /// Validates the header `record`, using its line for error messages.
    public init(headerRecord record: CSVRecord, required: [String], known: [String] = [],
                source: String? = nil) throws {
        try self.init(header: record.fields, required: required, known: known, source: source, line: record.line)
    }

    /// The 0-based index of column `name`, if present.
    public func index(of name: String) -> Int? {
        indexByName[name]
    }

    /// The cell of column `name` in `record`; nil if the column is absent or
    /// the record is too short to have it.
    public func value(of name: String, in record: CSVRecord) -> String? {
        guard let index = indexByName[name], index < record.fields.count else { return nil }
        return record.fields[index]
    }

    private static func trimmed(_ name: String) -> String {
        let scalars = name.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
