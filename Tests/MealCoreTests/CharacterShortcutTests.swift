import XCTest
@testable import MealCore

/// The import answers "is this character allowed" and "is this white space" without Unicode's
/// property tables for the common characters; the answers are those of the tables for every
/// scalar there is.
final class CharacterShortcutTests: XCTestCase {
    static var everyScalar: [Unicode.Scalar] {
        (0...0x10FFFF).compactMap { Unicode.Scalar(UInt32($0)) }
    }

    func testUnsafeCharactersAreThoseOfTheDocumentedRule() {
        for scalar in Self.everyScalar {
            let properties = scalar.properties
            let rule: Bool
            switch properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate: rule = true
            default: rule = properties.isDefaultIgnorableCodePoint && !properties.isVariationSelector
            }
            if PlainText.isUnsafe(scalar) != rule {
                XCTFail("U+\(String(scalar.value, radix: 16, uppercase: true)): \(PlainText.isUnsafe(scalar)), rule \(rule)")
            }
        }
    }

    func testSpacesTrimmedAreUnicodesWhiteSpace() {
        for scalar in Self.everyScalar where scalar.isSpace != scalar.properties.isWhitespace {
            XCTFail("U+\(String(scalar.value, radix: 16, uppercase: true))")
        }
        XCTAssertEqual("\u{3000}\t 王秀英 \u{A0}\r\n".trimmingSpaces, "王秀英")
    }
}
