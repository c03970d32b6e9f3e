import Foundation

/// Service dates as the engine stores them: `YYYY-MM-DD` in the Gregorian calendar. Stored in
/// this one spelling so that dates compare and sort as text.
public enum CalendarDate {
    /// The date in its stored spelling (`2026-1-5` becomes `2026-01-05`), or a `DomainError` on
    /// `field` when the text is not a real date.
    public static func normalized(_ text: String, field: String = "date") throws -> String {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
              let day = Int(parts[2]), (1...12).contains(month), (1...31).contains(day) else {
            throw DomainError(field: field, "expected a date as YYYY-MM-DD", value: text)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let instant = calendar.date(from: DateComponents(year: year, month: month, day: day)),
              calendar.component(.day, from: instant) == day else {
            throw DomainError(field: field, "no such date", value: text)
        }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
