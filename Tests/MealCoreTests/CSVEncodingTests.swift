import Foundation
import XCTest
@testable import MealCore
import MealRouting

final class CSVEncodingTests: XCTestCase {
    func testUTF8WithBOMDecodesWithoutBOM() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,name\n1,王秀英\n".utf8)
        let decoded = try TextDecoding.decode(bytes)
        XCTAssertEqual(decoded.encoding, .utf8)
        XCTAssertTrue(decoded.hadByteOrderMark)
        XCTAssertEqual(decoded.text, "id,name\n1,王秀英\n")

        let records = try CSVReader().records(in: decoded.text)
        XCTAssertEqual(records.first?.fields.first, "id")
        XCTAssertNotEqual(records.first?.fields.first, "\u{FEFF}id")
    }

    func testUTF8WithoutBOM() throws {
        let decoded = try TextDecoding.decode(Data("id,地址\n1,月湖区江边街道\n".utf8))
        XCTAssertEqual(decoded.encoding, .utf8)
        XCTAssertFalse(decoded.hadByteOrderMark)
        XCTAssertEqual(decoded.text, "id,地址\n1,月湖区江边街道\n")
    }

    func testEmptyInputIsEmptyUTF8() throws {
        XCTAssertEqual(try TextDecoding.decode([UInt8]()), DecodedText(text: "", encoding: .utf8, hadByteOrderMark: false))
        XCTAssertEqual(try TextDecoding.decode([0xEF, 0xBB, 0xBF]), DecodedText(text: "", encoding: .utf8, hadByteOrderMark: true))
    }

    func testKnownGBKBytesDecode() throws {
        // 王秀英 and 中文 in GBK, from the GB2312/GBK code tables.
        let wangXiuYing: [UInt8] = [0xCD, 0xF5, 0xD0, 0xE3, 0xD3, 0xA2]
        let zhongWen: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4]
        let bytes = Array("name,lang\n".utf8) + wangXiuYing + [0x2C] + zhongWen + [0x0A]
        let decoded = try TextDecoding.decode(bytes)
        XCTAssertEqual(decoded.encoding, .gb18030)
        XCTAssertEqual(decoded.text, "name,lang\n王秀英,中文\n")
        XCTAssertEqual(try TextDecoding.decodeGB18030([0xCD, 0xF5]), "王")
    }

    func testEncoderProducesKnownGBKBytes() throws {
        XCTAssertEqual(try TextDecoding.encodeGB18030("王秀英"), [0xCD, 0xF5, 0xD0, 0xE3, 0xD3, 0xA2])
        XCTAssertEqual(try TextDecoding.encodeGB18030("a,1\n"), Array("a,1\n".utf8))
        XCTAssertEqual(try TextDecoding.encodeGB18030(""), [])
    }

    func testGB18030RoundTripOfChineseCSV() throws {
        let text = "id,姓名,地址\n1,王秀英,月湖区江边街道\n2,李桂兰,\"月湖区,西门街道\"\n"
        let bytes = try TextDecoding.encodeGB18030(text)
        XCTAssertNotEqual(bytes, Array(text.utf8))
        XCTAssertNotNil(TextDecoding.firstInvalidUTF8Offset(bytes), "GBK bytes of this text must not look like UTF-8")
        let decoded = try TextDecoding.decode(bytes)
        XCTAssertEqual(decoded.encoding, .gb18030)
        XCTAssertEqual(decoded.text, text)
    }

    func testFourByteGB18030Sequences() throws {
        // 0x81308130 is the first four-byte code (U+0080); 0x95328236 is U+20000 (CJK Extension B).
        XCTAssertEqual(try TextDecoding.decodeGB18030([0x81, 0x30, 0x81, 0x30]).unicodeScalars.map(\.value), [0x80])
        XCTAssertEqual(try TextDecoding.decodeGB18030([0x95, 0x32, 0x82, 0x36]), "\u{20000}")
        XCTAssertEqual(try TextDecoding.encodeGB18030("\u{20000}\u{80}"), [0x95, 0x32, 0x82, 0x36, 0x81, 0x30, 0x81, 0x30])

        let mixed: [UInt8] = [0xCD, 0xF5, 0x95, 0x32, 0x82, 0x36, 0x0A]
        let decoded = try TextDecoding.decode(mixed)
        XCTAssertEqual(decoded.encoding, .gb18030)
        XCTAssertEqual(decoded.text, "王\u{20000}\n")
    }

    func testEncoderRoundTripsAllPlanes() throws {
        var generator = SeededGenerator(seed: 18030)
        for _ in 0..<200 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...40, using: &generator) {
                let value = UInt32.random(in: 1...0x10FFFF, using: &generator)
                if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
            }
            let text = String(scalars)
            XCTAssertEqual(try TextDecoding.decodeGB18030(TextDecoding.encodeGB18030(text)), text)
        }
    }

    func testInvalidInBothEncodingsReportsPositions() {
        let bytes = Array("id,name\n1,".utf8) + [0xFF] + Array("x\n".utf8)
        XCTAssertThrowsError(try TextDecoding.decode(bytes)) { error in
            guard case let .notUTF8OrGB18030(utf8, gb18030) = error as? TextDecodingError else {
                return XCTFail("unexpected error \(error)")
            }
            XCTAssertEqual(utf8.byteOffset, 10)
            XCTAssertEqual(utf8.line, 2)
            XCTAssertEqual(gb18030.byteOffset, 10)
            XCTAssertEqual(gb18030.line, 2)
            XCTAssertEqual(gb18030.bytes.first, 0xFF)
            let message = String(describing: error)
            XCTAssertTrue(message.contains("neither UTF-8 nor GB18030"), message)
            XCTAssertTrue(message.contains("byte offset 10 (line 2)"), message)
            XCTAssertTrue(message.contains("0xFF"), message)
        }
    }

    func testInvalidAtDifferentPlacesPerEncoding() {
        // 0xCD 0xF5 is 王 in GBK but ill-formed UTF-8; 0x80 alone is invalid in both.
        let bytes: [UInt8] = [0x61, 0x0A, 0xCD, 0xF5, 0x2C, 0x0A, 0x0A, 0x80]
        XCTAssertThrowsError(try TextDecoding.decode(bytes)) { error in
            guard case let .notUTF8OrGB18030(utf8, gb18030) = error as? TextDecodingError else {
                return XCTFail("unexpected error \(error)")
            }
            XCTAssertEqual(utf8.byteOffset, 2)
            XCTAssertEqual(utf8.line, 2)
            XCTAssertEqual(gb18030.byteOffset, 7)
            XCTAssertEqual(gb18030.line, 4)
        }
    }

    func testTruncatedSequencesAreErrorsNotDropped() {
        // Ends with the first byte of 王: must not decode as "a\n".
        XCTAssertThrowsError(try TextDecoding.decode([0x61, 0x0A, 0xCD])) { error in
            guard case let .notUTF8OrGB18030(utf8, gb18030) = error as? TextDecodingError else {
                return XCTFail("unexpected error \(error)")
            }
            XCTAssertEqual(utf8.byteOffset, 2)
            XCTAssertTrue(utf8.isTruncatedAtEnd)
            XCTAssertEqual(gb18030.byteOffset, 2)
            XCTAssertTrue(gb18030.isTruncatedAtEnd)
        }
        // Three of the four bytes of U+0080.
        XCTAssertThrowsError(try TextDecoding.decodeGB18030([0xCD, 0xF5, 0x81, 0x30, 0x81])) { error in
            XCTAssertEqual(error as? TextDecodingError,
                           .invalidGB18030(InvalidBytePosition(byteOffset: 2, line: 1, bytes: [0x81, 0x30, 0x81], isTruncatedAtEnd: true)))
        }
    }

    func testInvalidGB18030Sequences() {
        let invalid: [[UInt8]] = [
            [0x80],                   // not a lead byte
            [0xFF],
            [0xCD, 0x7F],             // bad trail byte
            [0x81, 0x30, 0xFF, 0x30], // bad third byte of a four-byte sequence
            [0xFE, 0x39, 0xFE, 0x39], // beyond U+10FFFF
        ]
        for sequence in invalid {
            XCTAssertThrowsError(try TextDecoding.decodeGB18030([0x41] + sequence), "\(sequence)") { error in
                guard case let .invalidGB18030(position) = error as? TextDecodingError else {
                    return XCTFail("unexpected error \(error)")
                }
                XCTAssertEqual(position.byteOffset, 1, "\(sequence)")
                XCTAssertFalse(position.isTruncatedAtEnd, "\(sequence)")
            }
        }
    }

    func testUTF16FileGetsAHint() {
        let utf16LE: [UInt8] = [0xFF, 0xFE, 0x69, 0x00, 0x64, 0x00]
        XCTAssertThrowsError(try TextDecoding.decode(utf16LE)) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.contains("neither UTF-8 nor GB18030"), message)
            XCTAssertTrue(message.contains("UTF-16"), message)
        }
    }

    func testBOMFileWithInvalidUTF8IsNotReinterpretedAsGB18030() {
        // After the BOM, 0xCD 0xF5 is valid GBK but the BOM declares UTF-8.
        XCTAssertThrowsError(try TextDecoding.decode([0xEF, 0xBB, 0xBF, 0x61, 0x0A, 0xCD, 0xF5])) { error in
            guard case let .invalidUTF8AfterByteOrderMark(position) = error as? TextDecodingError else {
                return XCTFail("unexpected error \(error)")
            }
            XCTAssertEqual(position.byteOffset, 5, "offset counts the BOM")
            XCTAssertEqual(position.line, 2)
        }
    }

    func testUTF8ValidatorRejectsIllFormedSequences() {
        let invalid: [[UInt8]] = [
            [0xC0, 0xAF],             // overlong '/'
            [0xE0, 0x80, 0xAF],       // overlong
            [0xED, 0xA0, 0x80],       // surrogate U+D800
            [0xF4, 0x90, 0x80, 0x80], // above U+10FFFF
            [0xF5, 0x80, 0x80, 0x80],
            [0x80],
            [0xE4, 0xB8],             // truncated 中
        ]
        for sequence in invalid {
            XCTAssertEqual(TextDecoding.firstInvalidUTF8Offset([0x41, 0x42] + sequence), 2, "\(sequence)")
        }
        XCTAssertNil(TextDecoding.firstInvalidUTF8Offset(Array("ok 中文 😀 \u{10FFFF} \u{80}".utf8)))
    }

    func testUTF8ValidatorAgreesWithStandardLibrary() {
        var generator = SeededGenerator(seed: 8)
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                                    0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        for _ in 0..<5_000 {
            let bytes = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                interesting.randomElement(using: &generator)!
            }
            let offset = TextDecoding.firstInvalidUTF8Offset(bytes)
            let valid = String(validating: bytes, as: UTF8.self) != nil
            XCTAssertEqual(offset == nil, valid, "\(bytes)")
            if let offset {
                XCTAssertNotNil(String(validating: bytes[..<offset], as: UTF8.self), "prefix before \(offset) of \(bytes)")
            }
        }
    }
}
