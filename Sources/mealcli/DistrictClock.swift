import Foundation

/// Times people read, in the district's local time. The store keeps UTC (`ChangeClock`); this is
/// the one place that turns it into local time, so a district setting can replace the zone.
enum DistrictClock {
    static let timeZone = TimeZone(identifier: "Asia/Shanghai")!

    /// `2026-11-25 08:12` local time, from a stored UTC ISO-8601 timestamp (unchanged if unreadable).
    static func shown(_ stored: String) -> String {
        guard let instant = ISO8601DateFormatter().date(from: stored) else { return stored }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: instant)
    }

    /// ISO 8601 with the local offset (`2026-11-25T08:12:00+08:00`), for JSON.
    static func iso(_ stored: String) -> String {
        guard let instant = ISO8601DateFormatter().date(from: stored) else { return stored }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = timeZone
        return formatter.string(from: instant)
    }

    /// Today's date (`YYYY-MM-DD`) in the district.
    static func today(_ now: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}
