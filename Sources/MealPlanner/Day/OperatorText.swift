import MealCore

/// Times and durations the way coordinators read them in check reports and plan diffs.
enum OperatorText {
    /// `HH:MM`, with `:SS` only when the seconds are not zero, like `TimeOfDay`; unlike it, any
    /// integer is accepted, since a broken plan may hold times outside the day.
    static func clock(_ seconds: Int) -> String {
        guard seconds >= 0 else { return "-" + clock(-seconds) }
        let h = seconds / 3600, m = seconds % 3600 / 60, s = seconds % 60
        let hm = "\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
        return s == 0 ? hm : hm + ":\(s < 10 ? "0" : "")\(s)"
    }

    /// `HH:MM`, seconds dropped: the precision of printed rosters and route sheets.
    static func minuteClock(_ seconds: Int) -> String {
        let h = seconds / 3600, m = seconds % 3600 / 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }

    /// `17 min`, `17 min 20 s`, `40 s`.
    static func duration(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : ""
        let magnitude = abs(seconds)
        let minutes = magnitude / 60, rest = magnitude % 60
        if minutes == 0 { return "\(sign)\(rest) s" }
        return rest == 0 ? "\(sign)\(minutes) min" : "\(sign)\(minutes) min \(rest) s"
    }

    static func window(_ start: Int, _ end: Int) -> String { "\(clock(start))-\(clock(end))" }

    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// "2026-11-25 (a Wednesday)", or the weekday alone when the day has no date.
    static func day(_ day: ServiceDay) -> String {
        guard let weekday = day.isoWeekday, (1...7).contains(weekday) else { return "that day" }
        let name = weekdayNames[weekday - 1]
        return day.date.map { "\($0) (a \(name))" } ?? "a \(name)"
    }

    static func pluralWeekday(_ day: ServiceDay) -> String {
        guard let weekday = day.isoWeekday, (1...7).contains(weekday) else { return "that day" }
        return weekdayNames[weekday - 1] + "s"
    }
}
