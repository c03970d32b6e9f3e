import XCTest
@testable import MealCore
import MealRouting

final class CSVWriterTests: XCTestCase {
    func testQuotesOnlyWhenNeeded() {
        XCTAssertEqual(CSVWriter.escapeCell("plain 王秀英"), "plain 王秀英")
        XCTAssertEqual(CSVWriter.escapeCell("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVWriter.escapeCell("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVWriter.escapeCell("x\ny"), "\"x\ny\"")
        XCTAssertEqual(CSVWriter.escapeCell("x\ry"), "\"x\ry\"")
        XCTAssertEqual(CSVWriter.escapeCell("x\r\ny"), "\"x\r\ny\"")
        XCTAssertEqual(CSVWriter.escapeCell(""), "")
        XCTAssertEqual(CSVWriter.escapeCell(" padded "), " padded ")
    }

    func testLineEndingsAndBOM() throws {
        let rows = [["id", "name"], ["1", "王, 秀英"]]
        XCTAssertEqual(CSVWriter().string(for: rows), "id,name\n1,\"王, 秀英\"\n")
        XCTAssertEqual(CSVWriter(lineEnding: .crlf).string(for: rows), "id,name\r\n1,\"王, 秀英\"\r\n")

        let excel = CSVWriter(includesByteOrderMark: true)
        XCTAssertEqual(Array(try excel.bytes(for: rows).prefix(5)), [0xEF, 0xBB, 0xBF, 0x69, 0x64])
        XCTAssertEqual(try TextDecoding.decode(excel.bytes(for: rows)).text, "id,name\n1,\"王, 秀英\"\n")
        XCTAssertEqual(CSVWriter().line(for: ["a", "b,c"]), "a,\"b,c\"")
    }

    func testGB18030Export() throws {
        let rows = [["id", "地址"], ["1", "月湖区江边街道"]]
        let bytes = try CSVWriter(includesByteOrderMark: true).bytes(for: rows, encoding: .gb18030)
        XCTAssertNotEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "no BOM in GB18030 output")
        let document = try CSVReader().read(bytes: bytes)
        XCTAssertEqual(document.encoding, .gb18030)
        XCTAssertEqual(document.records.map(\.fields), rows)
    }

    func testSingleEmptyCellRecordSurvives() throws {
        let rows = [["h"], [""], ["x"]]
        let text = CSVWriter().string(for: rows)
        XCTAssertEqual(try CSVReader().records(in: text).map(\.fields), rows)
    }

    func testRandomRowsRoundTripThroughReader() throws {
        var generator = SeededGenerator(seed: 20_260_101)
        let alphabet = ["a", "Z", "0", " ", ",", "\"", "\n", "\r", "\r\n", "\t", "=", "-", "'", "@",
                        "王", "秀", "英", "月湖区", "江边街道", "😀", "\u{20000}", "é"]
        for caseNumber in 0..<3_000 {
            let rows: [[String]] = (0..<Int.random(in: 1...5, using: &generator)).map { _ in
                (0..<Int.random(in: 1...6, using: &generator)).map { _ in
                    (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                        alphabet.randomElement(using: &generator)!
                    }.joined()
                }
            }
            let writer = CSVWriter(lineEnding: caseNumber.isMultiple(of: 2) ? .lf : .crlf,
                                   includesByteOrderMark: caseNumber.isMultiple(of: 3))
            let bytes = try writer.bytes(for: rows)
            let document = try CSVReader().read(bytes: bytes)
            XCTAssertEqual(document.records.map(\.fields), rows, "case \(caseNumber)")
            if document.records.map(\.fields) != rows { return }
        }
    }

    func testFormulaGuardEscapesAndRestores() {
        let dangerous = ["=SUM(A1)", "+1", "-1", "@x", "\tcmd", "\rx", "=1+2"]
        for cell in dangerous {
            let neutralized = CSVWriter.neutralizeFormula(cell)
            XCTAssertEqual(neutralized, "'" + cell)
            XCTAssertEqual(CSVWriter.restoreNeutralizedFormula(neutralized), cell)
        }
        for harmless in ["王秀英", "", "1", "a=b", "'quoted", "'", "''"] {
            XCTAssertEqual(CSVWriter.neutralizeFormula(harmless), harmless)
            XCTAssertEqual(CSVWriter.restoreNeutralizedFormula(harmless), harmless)
        }
        // Already apostrophe-prefixed formulas gain one more so the inverse is exact.
        XCTAssertEqual(CSVWriter.neutralizeFormula("'=x"), "''=x")
        XCTAssertEqual(CSVWriter.restoreNeutralizedFormula("''=x"), "'=x")
    }

    func testFormulaGuardIsExactInverseForRandomCells() {
        var generator = SeededGenerator(seed: 7)
        let alphabet = ["'", "=", "+", "-", "@", "\t", "\r", "a", "1", "王", ","]
        for _ in 0..<3_000 {
            let cell = (0..<Int.random(in: 0...5, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator)!
            }.joined()
            let neutralized = CSVWriter.neutralizeFormula(cell)
            XCTAssertEqual(CSVWriter.restoreNeutralizedFormula(neutralized), cell, cell.debugDescription)
            if let first = neutralized.unicodeScalars.first {
                XCTAssertFalse(CSVWriter.formulaTriggers.contains(first), neutralized.debugDescription)
            }
        }
    }
}
