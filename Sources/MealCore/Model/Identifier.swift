/// The rule for the codes of canteens, couriers and diners (docs/formats.md, "Ids").
///
/// Ids end up in file names, URLs, HTML, shell commands that operators copy from the output and
/// spreadsheet cells, so they are kept to characters that mean nothing special in any of them:
/// 1 to 32 ASCII letters, digits, `-` and `_`, starting with a letter or a digit (a leading `-`
/// reads as an option on a command line and as a formula in a spreadsheet).
public enum Identifier {
    public static let maximumLength = 32
    public static let ruleText = "an id must be 1 to \(maximumLength) ASCII letters, digits, '-' or '_', "
        + "starting with a letter or digit"

    public static func isValid(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard let first = bytes.first, bytes.count <= maximumLength, isLetterOrDigit(first) else { return false }
        return bytes.allSatisfy { isLetterOrDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    /// Throws a `DomainError` on `field` (the column that holds the id) unless `id` keeps the rule.
    /// Records read back from the database are held to the looser rule that was in force when they
    /// were imported, so a database made before this rule still opens (see `readingStoredRecords`).
    public static func validate(_ id: String, field: String) throws {
        guard !id.isEmpty else { throw DomainError(field: field, "an id is required") }
        if isReadingStoredRecords {
            guard id.count <= 64, id.unicodeScalars.allSatisfy({
                !$0.isSpace && $0.value >= 0x20 && $0.value != 0x7F && $0 != "," && $0 != ";"
            }) else {
                throw DomainError(field: field, "a stored id has spaces, control characters, commas or semicolons", value: id)
            }
            return
        }
        guard isValid(id) else { throw DomainError(field: field, ruleText, value: id) }
    }

    /// Runs `body` (which builds records from database rows) with the rule ids were imported
    /// under before this one: up to 64 printable characters without spaces, commas or semicolons.
    /// Such ids may hold `/`, `..` or quotes, which is why every file name and URL made from an
    /// id goes through `SafeFileNames` and every HTML value is escaped.
    static func readingStoredRecords<T>(_ body: () throws -> T) rethrows -> T {
        try $isReadingStoredRecords.withValue(true, operation: body)
    }

    @TaskLocal private static var isReadingStoredRecords = false

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }
}
