/// The one rule for characters people's text may hold (docs/formats.md, "Characters in text
/// fields"): no control characters and no invisible format characters.
///
/// Control characters (C0 including tab, CR, LF and NUL, DEL, C1) move the cursor, clear the
/// screen or retitle the window when printed to a terminal, forge extra lines in rosters and the
/// change log, and NUL silently cut a name short in the database. Invisible format characters
/// (zero-width spaces and joiners, bidirectional overrides and isolates, the soft hyphen, the byte
/// order mark, line and paragraph separators) make two different ids or names look the same, or
/// make text display in another order than it is stored. Imports refuse both; output shows any
/// that a database still holds as a visible escape such as `\u{1B}`, so it can be seen and fixed.
public enum PlainText {
    /// Whether `scalar` is a control or invisible format character.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        // Printable ASCII and the CJK Unified Ideographs are nearly every character of a
        // register and none of them is unsafe; looking up their Unicode properties was a quarter
        // of a large import's time.
        if (0x20..<0x7F).contains(scalar.value) || (0x4E00...0x9FFF).contains(scalar.value) { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate:
            return true
        default:
            // Default-ignorable code points that are not format characters, e.g. U+115F, U+3164
            // (Hangul fillers) render as nothing and are used to fake blank names.
            return scalar.properties.isDefaultIgnorableCodePoint && !scalar.properties.isVariationSelector
        }
    }

    /// The first unsafe character of `text` and its 1-based position in characters, if any.
    public static func firstUnsafe(in text: String) -> (scalar: Unicode.Scalar, position: Int)? {
        // Printable ASCII alone (ids, dates, codes, numbers) needs no scalar decoding.
        if text.utf8.allSatisfy({ (0x20..<0x7F).contains($0) }) { return nil }
        for (offset, scalar) in text.unicodeScalars.enumerated() where isUnsafe(scalar) {
            return (scalar, offset + 1)
        }
        return nil
    }

    /// "U+001B at character 3": how an import error names the character.
    public static func describe(_ found: (scalar: Unicode.Scalar, position: Int)) -> String {
        "\(codePoint(found.scalar)) at character \(found.position)"
    }

    /// The message of an import error about unsafe characters.
    public static let refusal = "control and invisible characters are not allowed"

    /// `text` with every unsafe character replaced by a visible escape (`\u{1B}`); with
    /// `keepingLineBreaks`, LF stays a line break (for whole blocks of output, not single fields).
    public static func visible(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) && !(keepingLineBreaks && scalar == "\n") {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
