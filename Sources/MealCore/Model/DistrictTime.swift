import Foundation

/// The district's wall clock: what people read is in local time (Asia/Shanghai unless the
/// district set another zone), while every stored timestamp stays UTC ISO 8601 (`ChangeClock`),
/// so that logs from different machines sort. The one place that turns a stored instant into
/// the time an operator reads, and that says which calendar day it is in the district.
public struct DistrictTime: Sendable, Equatable, CustomStringConvertible {
    /// The zone a new database starts with.
    public static let defaultZoneIdentifier = "Asia/Shanghai"
    // A zone every tz database has; `try!` cannot fail on it.
    public static let standard = try! DistrictTime(zone: defaultZoneIdentifier)

    public let timeZone: TimeZone

    /// `zone` is an IANA time-zone name (`Asia/Shanghai`, `Asia/Urumqi`, `UTC`); anything else
    /// is a `DomainError` on `field`: a mistyped zone must not silently become UTC.
    public init(zone: String, field: String = "time_zone") throws {
        let name = zone.trimmingSpaces
        guard !name.isEmpty, name == "UTC" || name == "GMT" || TimeZone.knownTimeZoneIdentifiers.contains(name),
              let timeZone = TimeZone(identifier: name) else {
            throw DomainError(field: field, "expected a time-zone name such as Asia/Shanghai or UTC", value: zone)
        }
        self.timeZone = timeZone
    }

    public var identifier: String { timeZone.identifier }

    /// `Asia/Shanghai (+08:00)`: said once above a listing of times.
    public var description: String { "\(identifier) (\(offset(at: Date())))" }

    /// The offset from UTC at `instant`, as `+08:00`.
    public func offset(at instant: Date) -> String {
        let seconds = timeZone.secondsFromGMT(for: instant)
        let sign = seconds < 0 ? "-" : "+"
        return String(format: "%@%02d:%02d", sign, abs(seconds) / 3600, abs(seconds) % 3600 / 60)
    }

    /// `instant` on the district's clock, to the minute: `2026-12-02 07:30`.
    public func shown(_ instant: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }

    /// A stored UTC timestamp (`2026-12-01T23:30:00Z`) as the district reads it
    /// (`2026-12-02 07:30`); text that is not a timestamp is shown as it is, so that an odd row
    /// in an old database is still seen rather than hidden.
    public func shown(stored timestamp: String) -> String {
        Self.instant(stored: timestamp).map(shown) ?? timestamp
    }

    /// A stored UTC timestamp with the district's offset (`2026-11-25T08:12:00+08:00`), for JSON
    /// that people and programs both read; text that is not a timestamp is kept as it is.
    public func iso(stored timestamp: String) -> String {
        guard let instant = Self.instant(stored: timestamp) else { return timestamp }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = timeZone
        return formatter.string(from: instant)
    }

    /// A plan's time of day (seconds after midnight on the district's clock) on `date`, with the
    /// district's offset: `2026-11-25T11:23:00+08:00`, for programs that want an instant.
    public func iso(_ date: CalendarDate, secondsAfterMidnight seconds: Int) -> String {
        let components = DateComponents(year: date.year, month: date.month, day: date.day,
                                        hour: seconds / 3600, minute: seconds % 3600 / 60, second: seconds % 60)
        guard let instant = calendar.date(from: components) else { return date.description }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = timeZone
        return formatter.string(from: instant)
    }

    /// The instant of a stored UTC timestamp, or nil when the text is not one.
    public static func instant(stored timestamp: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let instant = formatter.date(from: timestamp) { return instant }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: timestamp)
    }

    /// The calendar day it is in the district at `instant`.
    public func day(at instant: Date) throws -> CalendarDate {
        let c = calendar.dateComponents([.year, .month, .day], from: instant)
        return try CalendarDate(parsing: String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!))
    }

    /// The first Monday-to-Friday after the district's day at `instant`.
    public func nextWeekday(after instant: Date) throws -> CalendarDate {
        var day = try self.day(at: instant)
        repeat { day = try day.adding(days: 1) } while day.isoWeekday > 5
        return day
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}
