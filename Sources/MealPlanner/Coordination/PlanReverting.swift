import Foundation
import MealCore

/// Undo: stores an earlier version of a date again as the newest version, logged like any other
/// change. The day's declarations (absences, closures, cancellations) stay as they are.
public enum PlanReverting {
    public static func revert(date: String, toVersion version: Int, in database: AppDatabase, by user: String,
                              publish: Bool) throws -> StoredChange {
        let latest = try database.plan(date: date, version: .latest)
        var restored = try database.plan(date: date, version: .number(version))
        restored.createdAt = ChangeClock.timestamp()
        restored.createdBy = user
        restored.note = "revert to version \(version)"
        restored.provenance = .edited(action: "revert")
        return try StoredChange.store(restored, over: latest, in: database, publish: publish,
                                      note: PlanChangeNote(by: user, action: "revert", subject: date,
                                                           summary: "back to version \(version)"))
    }
}
