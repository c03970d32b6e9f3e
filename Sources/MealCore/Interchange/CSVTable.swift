import Foundation

/// A decoded CSV file split into its header and data rows, with the line each row starts on.
struct CSVTable {
    var header: [String]
    var headerLine: Int
    var rows: [(line: Int, cells: [String])]
    /// The detected encoding, as the import summary names it.
    var encoding: String

    /// The bytes of an import file; a file that cannot be read is an import failure of its own.
    static func fileBytes(_ path: String) throws -> [UInt8] {
        do {
            return try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw ImportFailure(file: path, issues: [ImportIssue(file: path, line: 0, column: nil,
                                                                  message: "cannot read the file")])
        }
    }

    /// Decodes and parses `bytes`; malformed text or CSV becomes an `ImportFailure` at its line.
    static func read(bytes: [UInt8], fileName: String) throws -> CSVTable {
        let document: CSVReader.Document
        do {
            document = try CSVReader(source: fileName).read(bytes: bytes)
        } catch let error as CSVParseError {
            let location = "\(fileName):\(error.line): "
            let text = error.description
            let message = text.hasPrefix(location) ? String(text.dropFirst(location.count)) : text
            throw ImportFailure(file: fileName, issues: [ImportIssue(file: fileName, line: error.line, column: nil, message: message)])
        } catch let error as TextDecodingError {
            throw ImportFailure(file: fileName, issues: [ImportIssue(file: fileName, line: error.line, column: nil,
                                                                      message: error.description)])
        }
        guard let headerRecord = document.records.first else {
            throw ImportFailure(file: fileName, issues: [ImportIssue(file: fileName, line: 1, column: nil,
                                                                      message: "the file is empty: a header row is required")])
        }
        let encodingName = document.encoding == .utf8
            ? (document.hadByteOrderMark ? "UTF-8 with BOM" : "UTF-8") : document.encoding.rawValue
        return CSVTable(
            header: headerRecord.fields.map { $0.trimmingSpaces },
            headerLine: headerRecord.line,
            rows: document.records.dropFirst().map { ($0.line, $0.fields) },
            encoding: encodingName)
    }
}

extension CSVTable {
    /// Header name → position. A name given twice, or a required column missing, fails the whole
    /// file; a column nobody knows is only a warning.
    func columnIndex(known: [String], required: [String], fileName: String) throws -> (index: [String: Int], warnings: [ImportIssue]) {
        var issues: [ImportIssue] = [], warnings: [ImportIssue] = []
        var index: [String: Int] = [:]
        for (position, name) in header.enumerated() {
            if index[name] != nil {
                issues.append(ImportIssue(file: fileName, line: headerLine, column: name,
                                          message: "the column appears twice in the header"))
            } else {
                index[name] = position
            }
            if !known.contains(name) {
                warnings.append(ImportIssue(file: fileName, line: headerLine, column: name, message: "unknown column, ignored"))
            }
        }
        for name in required where index[name] == nil {
            issues.append(ImportIssue(file: fileName, line: headerLine, column: name,
                                      message: "required column is missing from the header"))
        }
        if !issues.isEmpty { throw ImportFailure(file: fileName, issues: issues) }
        return (index, warnings)
    }

    /// The data rows with as many cells as the header; each other row becomes an issue.
    func completeRows(fileName: String, issues: inout [ImportIssue]) -> [(line: Int, cells: [String])] {
        rows.filter { row in
            guard row.cells.count != header.count else { return true }
            let missing = row.cells.count < header.count ? header[row.cells.count] : nil
            issues.append(ImportIssue(file: fileName, line: row.line, column: missing ?? header.last,
                                      message: "the row has \(row.cells.count) cells but the header has \(header.count)"))
            return false
        }
    }
}

extension TextDecodingError {
    /// The line of the first byte that could not be decoded, for `FILE:LINE` messages.
    var line: Int {
        switch self {
        case .notUTF8OrGB18030(let utf8, _): utf8.line
        case .invalidUTF8AfterByteOrderMark(let position): position.line
        case .invalidGB18030(let position): position.line
        case .converterFailure: 1
        }
    }
}
