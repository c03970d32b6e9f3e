import Foundation

/// Timestamps for the change log, in UTC ISO 8601 so that logs from different machines sort.
public enum ChangeClock {
    public static func timestamp(_ date: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// The operator to record when none is named: the login user.
    public static var loginUser: String {
        if let user = ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.environment["LOGNAME"],
           !user.isEmpty {
            return user
        }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid \(getuid())"
    }
}
