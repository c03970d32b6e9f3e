/// Hides the middle digits of phone numbers in text that leaves the database (prints, exports),
/// as Chinese services do (`138****5678`), so a lost printout does not hand out diners' numbers.
public enum PhoneMask {
    /// Masks every run of 7 or more digits in `text`: an 11-digit mobile keeps its first 3 and
    /// last 4 digits, shorter numbers keep 2 and 2. Other text is left as it is.
    public static func mask(_ text: String) -> String {
        var result = ""
        var digits = ""
        func flush() {
            let count = digits.count
            if count >= 7 {
                let head = count >= 11 ? 3 : 2, tail = count >= 11 ? 4 : 2
                result += digits.prefix(head) + String(repeating: "*", count: count - head - tail) + digits.suffix(tail)
            } else {
                result += digits
            }
            digits = ""
        }
        for character in text {
            if character.isASCII && character.isNumber {
                digits.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }
}
