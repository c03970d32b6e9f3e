/// Phone cells (`phone` of canteens, couriers and diners) as they are stored: digits only, so
/// that every spelling of one number is stored, masked and compared the same way.
///
/// On import a phone cell holds one number, or several separated by `;`, each written with
/// digits (ASCII or full-width), grouped by spaces, hyphens, dots or parentheses, with an
/// optional `+86` or `0086` prefix. Each is stored as its digits: the Chinese prefix is dropped
/// (a landline after `+86` gets its trunk `0` back: `+86 571 8765 4321` → `057187654321`), another
/// country's `+` prefix is kept (`+14155550100`). Anything else in the cell is refused.
public enum PhoneNumber {
    public static let expected = "phone numbers: digits, grouped by spaces, '-', '.' or parentheses, "
        + "with an optional +86 or 0086 prefix, several separated by ';'"

    /// The stored form of a phone cell; throws a `DomainError` on the `phone` column otherwise.
    public static func normalized(_ cell: String, field: String = "phone") throws -> String {
        // One number of plain digits without a country prefix, as nearly all are, is stored as
        // it is; the general reading below gives the same.
        if (3...20).contains(cell.utf8.count), cell.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
           !cell.utf8.starts(with: "0086".utf8) {
            return cell
        }
        var numbers: [String] = []
        for piece in cell.split(whereSeparator: { $0 == ";" || $0 == "；" }) {
            let text = String(piece).trimmingSpaces
            guard !text.isEmpty else { continue }
            guard let number = number(in: text) else { throw DomainError(field: field, "expected " + expected, value: cell) }
            numbers.append(number)
        }
        return numbers.joined(separator: ";")
    }

    /// The digits of one number written with separators and an optional prefix, or nil.
    static func number(in text: String) -> String? {
        guard let (digits, plus) = asciiDigits(in: text) ?? anyDigits(in: text) else { return nil }
        let prefix = countryPrefixLength(digits: digits, afterPlus: plus)
        var national = String(digits.dropFirst(prefix))
        guard (3...20).contains(national.count) else { return nil }
        if prefix > 0 && !national.hasPrefix("1") && !national.hasPrefix("0") { national = "0" + national }
        return plus && prefix == 0 ? "+" + national : national
    }

    /// `number(in:)`'s first step for a number written in ASCII alone, as nearly all are: the
    /// digits and whether a `+` led them, or nil when `text` needs the general reading (another
    /// script's digits or separators, or an ASCII character that is no part of a number, which
    /// the general reading refuses). Reading scalar by scalar was a tenth of a large import.
    private static func asciiDigits(in text: String) -> (digits: String, plus: Bool)? {
        var digits: [UInt8] = [], plus = false
        digits.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits.append(byte)
            case UInt8(ascii: "+") where digits.isEmpty && !plus: plus = true
            case UInt8(ascii: " "), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "-"), UInt8(ascii: "."): continue
            default: return nil
            }
        }
        return (String(decoding: digits, as: UTF8.self), plus)
    }

    /// The digits of `text` in any script (`５` → `5`) and whether a `+` led them, or nil when
    /// something else than digits, spaces, parentheses and joiners is there.
    private static func anyDigits(in text: String) -> (digits: String, plus: Bool)? {
        var digits = "", plus = false, seenDigit = false
        for character in text {
            if PhoneMask.isDigit(character) {
                digits.unicodeScalars.append(PhoneMask.asciiDigit(character))
                seenDigit = true
            } else if (character == "+" || character == "＋") && !seenDigit && !plus {
                plus = true
            } else if !(PhoneMask.spaces.contains(character) || PhoneMask.parentheses.contains(character)
                        || PhoneMask.joiners.contains(character)) {
                return nil
            }
        }
        return (digits, plus)
    }

    /// How many leading digits are the Chinese country code: `86` after a `+`, or `0086`, when a
    /// number of at least 7 digits follows.
    static func countryPrefixLength(digits: String, afterPlus: Bool) -> Int {
        let length = afterPlus ? 2 : 4
        guard digits.hasPrefix(afterPlus ? "86" : "0086"), digits.count - length >= 7 else { return 0 }
        return length
    }
}
