import ArgumentParser
import MealCore

/// Every line a command prints goes through here rather than the standard library's `print`
/// (this function shadows it inside `mealcli`): control and invisible characters that a database
/// still holds (a name with an escape sequence, a change-log entry with a carriage return) are
/// shown as visible escapes such as `\u{1B}` and never reach the terminal as they are. Line
/// breaks are kept, since commands print whole tables; the formatters already show a line break
/// inside one field as `\u{A}`, so no stored text can start a line of its own.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator)
    Swift.print(PlainText.visible(text, keepingLineBreaks: true), terminator: terminator)
}

extension OperatorOptions {
    /// `--by` is written to the change log and printed by `history`: held to the character rule
    /// of imported text (docs/formats.md, "Characters in text fields").
    func validate() throws {
        if let by, let found = PlainText.firstUnsafe(in: by) {
            throw ValidationError("--by: \(PlainText.refusal) (\(PlainText.describe(found)))")
        }
    }
}
