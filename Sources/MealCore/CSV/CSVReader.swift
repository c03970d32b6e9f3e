/// One CSV record (row) and the physical line where it starts.
public struct CSVRecord: Sendable, Equatable {
    /// The cells, unquoted and unescaped.
    public var fields: [String]
    /// 1-based physical line in the file where the record starts. A quoted
    /// cell containing newlines makes a record span several lines; the next
    /// record's line accounts for them.
    public var line: Int

    public init(fields: [String], line: Int) {
        self.fields = fields
        self.line = line
    }
}

/// A malformed-CSV error, positioned so it can be shown as `FILE:LINE: message`.
public struct CSVParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A `"` inside a cell that did not start with a quote.
        case strayQuote
        /// A quoted cell whose closing quote is missing; `line` is where it opened.
        case unterminatedQuotedCell
        /// Something other than a comma or line break directly after a closing quote.
        case characterAfterClosingQuote
        /// A cell longer than ``CSVReader/Limits/maxCellBytes``.
        case cellTooLarge(limitBytes: Int)
        /// A record with more than ``CSVReader/Limits/maxFieldsPerRecord`` fields.
        case tooManyFields(limit: Int)
    }

    public var kind: Kind
    /// The file name given to the reader, if any.
    public var source: String?
    /// 1-based physical line of the problem.
    public var line: Int
    /// 1-based index of the field within its record.
    public var field: Int

    public init(kind: Kind, source: String?, line: Int, field: Int) {
        self.kind = kind
        self.source = source
        self.line = line
        self.field = field
    }

    public var description: String {
        let location = source.map { "\($0):\(line)" } ?? "line \(line)"
        let message: String
        switch kind {
        case .strayQuote:
            message = "stray quote in unquoted cell (field \(field)); a cell containing quotes must be quoted and its quotes doubled"
        case .unterminatedQuotedCell:
            message = "quoted cell (field \(field)) opened here is never closed before the end of the file"
        case .characterAfterClosingQuote:
            message = "unexpected character after closing quote of field \(field); expected a comma or line break"
        case let .cellTooLarge(limit):
            message = "field \(field) is larger than \(limit) bytes"
        case let .tooManyFields(limit):
            message = "record has more than \(limit) fields"
        }
        return "\(location): \(message)"
    }
}

/// An RFC 4180 CSV parser working directly on UTF-8 bytes.
///
/// Accepts CRLF, LF and lone CR line breaks; quoted cells may contain commas,
/// doubled quotes and line breaks (kept verbatim). Lines that are completely
/// empty are skipped wherever they occur (in particular trailing ones), as
/// spreadsheets and editors commonly leave them; a record of empty cells is
/// written as `,,` and is kept. Whitespace around cells is preserved.
public struct CSVReader: Sendable {
    /// Bounds that turn absurd input into an error instead of unbounded work.
    public struct Limits: Sendable, Equatable {
        public var maxCellBytes: Int
        public var maxFieldsPerRecord: Int

        public init(maxCellBytes: Int = 1 << 20, maxFieldsPerRecord: Int = 10_000) {
            self.maxCellBytes = maxCellBytes
            self.maxFieldsPerRecord = maxFieldsPerRecord
        }

        /// 1 MiB per cell, 10,000 fields per record.
        public static let standard = Limits()
    }

    /// Parsed records of a file plus how its bytes were decoded.
    public struct Document: Sendable, Equatable {
        public var records: [CSVRecord]
        public var encoding: TextEncoding
        public var hadByteOrderMark: Bool

        public init(records: [CSVRecord], encoding: TextEncoding, hadByteOrderMark: Bool) {
            self.records = records
            self.encoding = encoding
            self.hadByteOrderMark = hadByteOrderMark
        }
    }

    /// File name used in error messages (`source:line: ...`).
    public var source: String?
    public var limits: Limits

    public init(source: String? = nil, limits: Limits = .standard) {
        self.source = source
        self.limits = limits
    }

    /// Decodes file bytes (UTF-8 with or without BOM, or GB18030) and parses them.
    /// - Throws: ``TextDecodingError`` or ``CSVParseError``.
    public func read(bytes: [UInt8]) throws -> Document {
        let decoded = try TextDecoding.decode(bytes)
        return Document(records: try records(in: decoded.text), encoding: decoded.encoding,
                        hadByteOrderMark: decoded.hadByteOrderMark)
    }

    /// Parses `text` into records.
    /// - Throws: ``CSVParseError`` for malformed input.
    public func records(in text: String) throws -> [CSVRecord] {
        var text = text
        // Native strings are already contiguous UTF-8; this only copies bridged ones.
        return try text.withUTF8 { bytes in
            let found = try layout(of: bytes)
            return found.records.map { record in
                CSVRecord(fields: found.cells[record.cells].map { $0.text(in: bytes) }, line: record.line)
            }
        }
    }

    /// Where the records and cells of `bytes` (UTF-8) are, without making a string of any cell.
    /// - Throws: ``CSVParseError`` for malformed input, as `records(in:)`.
    func layout(of bytes: UnsafeBufferPointer<UInt8>) throws -> CSVLayout {
        var parser = Parser(bytes: bytes, limits: limits, source: source)
        return try parser.parseAll()
    }
}

private let quote: UInt8 = 0x22
private let comma: UInt8 = 0x2C
private let lineFeed: UInt8 = 0x0A
private let carriageReturn: UInt8 = 0x0D

private struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    let limits: CSVReader.Limits
    let source: String?
    var index = 0
    var line = 1

    init(bytes: UnsafeBufferPointer<UInt8>, limits: CSVReader.Limits, source: String?) {
        self.bytes = bytes
        self.limits = limits
        self.source = source
    }

    mutating func parseAll() throws -> CSVLayout {
        var layout = CSVLayout()
        while index < bytes.count {
            let byte = bytes[index]
            if byte == lineFeed || byte == carriageReturn {
                consumeLineBreak()
                continue
            }
            let recordLine = line
            let firstCell = layout.cells.count
            while true {
                let fieldNumber = layout.cells.count - firstCell + 1
                if fieldNumber > limits.maxFieldsPerRecord {
                    throw error(.tooManyFields(limit: limits.maxFieldsPerRecord), line: recordLine, field: fieldNumber)
                }
                layout.cells.append(try parseField(number: fieldNumber))
                if index < bytes.count && bytes[index] == comma {
                    index += 1
                    continue
                }
                break
            }
            if index < bytes.count {
                consumeLineBreak()
            }
            layout.records.append(CSVLayout.Record(line: recordLine, cells: firstCell..<layout.cells.count))
        }
        return layout
    }

    /// Consumes CRLF, LF or a lone CR at `index`.
    private mutating func consumeLineBreak() {
        if bytes[index] == carriageReturn && index + 1 < bytes.count && bytes[index + 1] == lineFeed {
            index += 2
        } else {
            index += 1
        }
        line += 1
    }

    /// Parses one field starting at `index`; leaves `index` at the delimiter
    /// (comma or line break) or at the end of input.
    private mutating func parseField(number: Int) throws -> CSVLayout.Cell {
        guard index < bytes.count, bytes[index] == quote else {
            return try parseUnquotedField(number: number)
        }
        let openingLine = line
        index += 1
        let start = index
        var containsDoubledQuote = false
        while true {
            guard index < bytes.count else {
                throw error(.unterminatedQuotedCell, line: openingLine, field: number)
            }
            let byte = bytes[index]
            if byte == quote {
                if index + 1 < bytes.count && bytes[index + 1] == quote {
                    containsDoubledQuote = true
                    index += 2
                    continue
                }
                break
            }
            if byte == lineFeed {
                line += 1
            } else if byte == carriageReturn && (index + 1 >= bytes.count || bytes[index + 1] != lineFeed) {
                line += 1
            }
            index += 1
            if index - start > limits.maxCellBytes {
                throw error(.cellTooLarge(limitBytes: limits.maxCellBytes), line: openingLine, field: number)
            }
        }
        let end = index
        index += 1 // closing quote
        if index < bytes.count {
            let next = bytes[index]
            if next != comma && next != lineFeed && next != carriageReturn {
                throw error(.characterAfterClosingQuote, line: line, field: number)
            }
        }
        if end - start > limits.maxCellBytes {
            throw error(.cellTooLarge(limitBytes: limits.maxCellBytes), line: openingLine, field: number)
        }
        return CSVLayout.Cell(start: start, end: end, hasDoubledQuotes: containsDoubledQuote)
    }

    private mutating func parseUnquotedField(number: Int) throws -> CSVLayout.Cell {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            // All four delimiters are below 0x2D; one comparison skips most bytes.
            if byte <= comma {
                if byte == comma || byte == lineFeed || byte == carriageReturn { break }
                if byte == quote { throw error(.strayQuote, line: line, field: number) }
            }
            index += 1
        }
        if index - start > limits.maxCellBytes {
            throw error(.cellTooLarge(limitBytes: limits.maxCellBytes), line: line, field: number)
        }
        return CSVLayout.Cell(start: start, end: index, hasDoubledQuotes: false)
    }

    private func error(_ kind: CSVParseError.Kind, line: Int, field: Int) -> CSVParseError {
        CSVParseError(kind: kind, source: source, line: line, field: field)
    }
}
