import XCTest
@testable import MealCore
import MealRouting

final class CSVReaderTests: XCTestCase {
    private func parse(_ text: String, limits: CSVReader.Limits = .standard) throws -> [CSVRecord] {
        try CSVReader(source: "clients.csv", limits: limits).records(in: text)
    }

    private func assertParseError(_ text: String, _ kind: CSVParseError.Kind, line: Int, field: Int,
                                  limits: CSVReader.Limits = .standard,
                                  file: StaticString = #filePath, testLine: UInt = #line) {
        XCTAssertThrowsError(try parse(text, limits: limits), file: file, line: testLine) { error in
            XCTAssertEqual(error as? CSVParseError,
                           CSVParseError(kind: kind, source: "clients.csv", line: line, field: field),
                           file: file, line: testLine)
        }
    }

    func testSimpleRecords() throws {
        let records = try parse("id,name\n1,王秀英\n2,李桂兰")
        XCTAssertEqual(records, [
            CSVRecord(fields: ["id", "name"], line: 1),
            CSVRecord(fields: ["1", "王秀英"], line: 2),
            CSVRecord(fields: ["2", "李桂兰"], line: 3),
        ])
    }

    func testQuotedCellsWithCommaQuoteAndNewlines() throws {
        let text = "id,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"line1\nline2\r\nline3\"\n4,end\n"
        let records = try parse(text)
        XCTAssertEqual(records.map(\.fields), [
            ["id", "note"],
            ["1", "a, b"],
            ["2", "say \"hi\""],
            ["3", "line1\nline2\r\nline3"],
            ["4", "end"],
        ])
        // Record 3 spans lines 4-6, so record 4 starts on line 7.
        XCTAssertEqual(records.map(\.line), [1, 2, 3, 4, 7])
    }

    func testCRLFAndLoneCRLineBreaks() throws {
        let records = try parse("a,b\r\n1,2\r\n3,\"x\ry\"\r4,5\r\n")
        XCTAssertEqual(records.map(\.fields), [["a", "b"], ["1", "2"], ["3", "x\ry"], ["4", "5"]])
        XCTAssertEqual(records.map(\.line), [1, 2, 3, 5])
    }

    func testEmptyLinesAreSkippedAndCounted() throws {
        let records = try parse("a,b\n\n1,2\r\n\r\n\n3,4\n\n\n\r\n")
        XCTAssertEqual(records.map(\.fields), [["a", "b"], ["1", "2"], ["3", "4"]])
        XCTAssertEqual(records.map(\.line), [1, 3, 6])
        XCTAssertEqual(try parse(""), [])
        XCTAssertEqual(try parse("\n\r\n"), [])
    }

    func testEmptyCellsAndTrailingComma() throws {
        XCTAssertEqual(try parse("a,,c,\n,\n\"\"\n").map(\.fields), [["a", "", "c", ""], ["", ""], [""]])
        XCTAssertEqual(try parse("a,b,").map(\.fields), [["a", "b", ""]])
        XCTAssertEqual(try parse(" a , b ").map(\.fields), [[" a ", " b "]], "whitespace is data")
    }

    func testQuotedCellAtEndOfInputWithoutNewline() throws {
        XCTAssertEqual(try parse("1,\"x,\"\"y\"\"\"").map(\.fields), [["1", "x,\"y\""]])
    }

    func testStrayQuoteInUnquotedCell() {
        assertParseError("a,b\nc,d\"e\n", .strayQuote, line: 2, field: 2)
        assertParseError("a,b\nc,d\"\n", .strayQuote, line: 2, field: 2)
    }

    func testUnterminatedQuotedCellReportsOpeningLine() {
        assertParseError("a,b\n1,\"abc\n2,3\n", .unterminatedQuotedCell, line: 2, field: 2)
        assertParseError("\"", .unterminatedQuotedCell, line: 1, field: 1)
        assertParseError("a,\"x\"\"", .unterminatedQuotedCell, line: 1, field: 2)
    }

    func testCharacterAfterClosingQuote() {
        assertParseError("id\n\"abc\"x,1\n", .characterAfterClosingQuote, line: 2, field: 1)
        assertParseError("\"a\nb\" ,1\n", .characterAfterClosingQuote, line: 2, field: 1)
    }

    func testErrorMessageHasFileAndLine() {
        XCTAssertThrowsError(try parse("a\n\"b\n")) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.hasPrefix("clients.csv:2: "), message)
            XCTAssertTrue(message.contains("never closed"), message)
        }
        XCTAssertThrowsError(try CSVReader().records(in: "x\"")) { error in
            XCTAssertTrue(String(describing: error).hasPrefix("line 1: "), String(describing: error))
        }
    }

    func testOversizedCellIsAnError() {
        let small = CSVReader.Limits(maxCellBytes: 8, maxFieldsPerRecord: 100)
        XCTAssertNoThrow(try parse("12345678,\"12345678\"", limits: small))
        assertParseError("ok\n123456789\n", .cellTooLarge(limitBytes: 8), line: 2, field: 1, limits: small)
        assertParseError("ok\n1,\"12345\n6789\"\n", .cellTooLarge(limitBytes: 8), line: 2, field: 2, limits: small)

        let huge = String(repeating: "x", count: (1 << 20) + 1)
        assertParseError("a," + huge, .cellTooLarge(limitBytes: 1 << 20), line: 1, field: 2)
        // An unterminated quote before a huge tail stops at the size limit.
        assertParseError("\"" + huge, .cellTooLarge(limitBytes: 1 << 20), line: 1, field: 1)
    }

    func testTooManyFieldsIsAnError() throws {
        let limit = CSVReader.Limits.standard.maxFieldsPerRecord
        let atLimit = Array(repeating: "1", count: limit).joined(separator: ",")
        XCTAssertEqual(try parse(atLimit).first?.fields.count, limit)
        assertParseError("h\n" + atLimit + ",1\n", .tooManyFields(limit: limit), line: 2, field: limit + 1)
    }

    func testReadBytesDetectsEncoding() throws {
        let text = "id,姓名\n1,王秀英\n"
        let gbk = try CSVReader().read(bytes: TextDecoding.encodeGB18030(text))
        XCTAssertEqual(gbk.encoding, .gb18030)
        XCTAssertEqual(gbk.records.map(\.fields), [["id", "姓名"], ["1", "王秀英"]])

        let bom = try CSVReader().read(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        XCTAssertEqual(bom.encoding, .utf8)
        XCTAssertTrue(bom.hadByteOrderMark)
        XCTAssertEqual(bom.records.first?.fields.first, "id")
    }

    /// Arbitrary input must either parse or throw CSVParseError; never crash or hang.
    func testArbitraryInputTerminates() {
        var generator = SeededGenerator(seed: 4180)
        let pieces = [",", "\"", "\n", "\r", "\r\n", "a", "中", " ", "\"\""]
        var parsed = 0
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            do {
                let records = try parse(text)
                parsed += 1
                for pair in zip(records, records.dropFirst()) {
                    XCTAssertLessThan(pair.0.line, pair.1.line, text.debugDescription)
                }
            } catch {
                XCTAssertTrue(error is CSVParseError, "\(text.debugDescription): \(error)")
            }
        }
        XCTAssertGreaterThan(parsed, 0)
    }
}
