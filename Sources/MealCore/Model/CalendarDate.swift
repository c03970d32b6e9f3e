import Foundation

/// A service date in the Gregorian calendar, written `YYYY-MM-DD`. Stored in this one spelling
/// so that dates compare and sort as text. The only date parser of the engine: every date an
/// operator types or a file holds goes through `init(parsing:)`.
///
/// Dates run from 2000-01-01 to 2100-12-31: a year such as 0000 or 9999 is a typing mistake in
/// a meal service, and a date past 9999 has no four-digit spelling at all.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The first and last years a date may have.
    public static let years = 2000...2100
    public static let earliest = CalendarDate(year: years.lowerBound, month: 1, day: 1)
    public static let latest = CalendarDate(year: years.upperBound, month: 12, day: 31)

    /// Accepts a four-digit year, a month and a day of one or two ASCII digits each (`2026-1-5`
    /// is `2026-01-05`), nothing else: no signs, spaces or other digits, which `Int(_:)` alone
    /// would let through (`Int("+1")` is 1). Throws a `DomainError` on `field`.
    public init(parsing text: String, field: String = "date") throws {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        func number(_ part: Substring, digits: ClosedRange<Int>) -> Int? {
            guard digits.contains(part.utf8.count), part.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
            else { return nil }
            return Int(part)
        }
        guard parts.count == 3, let year = number(parts[0], digits: 4...4), let month = number(parts[1], digits: 1...2),
              let day = number(parts[2], digits: 1...2), (1...12).contains(month), (1...31).contains(day) else {
            throw DomainError(field: field, "expected a date as YYYY-MM-DD", value: text)
        }
        guard Self.years.contains(year) else { throw Self.outOfRange(text, field: field) }
        guard let instant = Self.calendar.date(from: DateComponents(year: year, month: month, day: day)),
              Self.calendar.component(.day, from: instant) == day else {
            throw DomainError(field: field, "no such date", value: text)
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date in its stored spelling, or a `DomainError` on `field` when the text is not a date.
    public static func normalized(_ text: String, field: String = "date") throws -> String {
        try CalendarDate(parsing: text, field: field).description
    }

    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }

    /// ISO 8601 weekday, Monday = 1.
    public var isoWeekday: Int {
        let weekday = Self.calendar.component(.weekday, from: instant)  // Sunday = 1
        return weekday == 1 ? 7 : weekday - 1
    }

    /// The date `days` days later (earlier when negative); a `DomainError` when that is outside
    /// the range of dates.
    public func adding(days: Int, field: String = "date") throws -> CalendarDate {
        let moved = Self.calendar.dateComponents([.year, .month, .day],
                                                 from: Self.calendar.date(byAdding: .day, value: days, to: instant)!)
        let date = CalendarDate(year: moved.year!, month: moved.month!, day: moved.day!)
        guard Self.years.contains(date.year) else { throw Self.outOfRange(date.description, field: field) }
        return date
    }

    private static func outOfRange(_ text: String, field: String) -> DomainError {
        DomainError(field: field, "a date must be from \(earliest) to \(latest)", value: text)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    private var instant: Date { Self.calendar.date(from: DateComponents(year: year, month: month, day: day))! }

    /// Dates are calendar days, not instants: computed in UTC so the machine's time zone and
    /// daylight saving never shift them.
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
