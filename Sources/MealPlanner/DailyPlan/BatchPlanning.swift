import Foundation
import MealCore

/// Plans consecutive dates, each in its own transaction, carrying continuity from one day to the
/// next. A crash leaves every finished date complete and the interrupted one as it was; running
/// the same batch again skips the dates whose inputs have not changed.
public enum BatchPlanning {
    public struct DateResult: Sendable {
        public enum Status: String, Sendable { case planned, skipped }
        public var date: String
        public var status: Status
        public var version: Int
        public var served: Int
        /// Diners the service could reach (inside the circle, a diet in reach, a canteen open) who
        /// were left out.
        public var unserved: Int
        /// Diners the service cannot reach (`UnservedReason.isOutOfReach`): reported, not a failure.
        public var outOfReach: Int
        /// Diners whose canteens in reach are all closed that day: reported, not a failure.
        public var closed: Int
        public var seconds: Double

        init(date: String, status: Status, plan: DayPlan, started: Date) {
            let failures = plan.unserved.filter(\.reason.isFailure)
            self.date = date
            self.status = status
            version = plan.version
            served = plan.assignments.count
            unserved = failures.filter { !$0.reason.isBeyondTheDay }.count
            outOfReach = failures.filter(\.reason.isOutOfReach).count
            closed = failures.filter { $0.reason == .closed }.count
            seconds = Date().timeIntervalSince(started)
        }
    }

    /// Progress as dates finish: (dates done, dates in all, the date just finished).
    public typealias Progress = @Sendable (_ done: Int, _ total: Int, _ result: DateResult) -> Void

    /// The dates `days` days from `from` (inclusive), as `YYYY-MM-DD`; a `DomainError` when any
    /// of them is outside the range of dates, before anything is planned.
    public static func dates(from start: String, days: Int) throws -> [String] {
        let first = try CalendarDate(parsing: start)
        return try (0..<days).map { try first.adding(days: $0).description }
    }

    public static func run(dates: [String], in database: AppDatabase, settings: DayPlanner.Settings, publish: Bool,
                           progress: Progress = { _, _, _ in }) throws -> [DateResult] {
        var results: [DateResult] = []
        for date in dates {
            let started = Date()
            let inputs = try DailyPlanning.inputs(date: date, settings: settings, in: database)
            var result: DateResult
            // A coordinator's edit keeps the digest of the plan it edited, so it is not overwritten either.
            if let existing = inputs.latestVersion, existing.inputDigest == inputs.digest {
                // Only publishing writes; a plain skip reads, so it never waits for the write lock.
                if publish && existing.status != .published {
                    try database.publishPlan(date: date, version: existing.version, by: settings.createdBy, remark: "batch")
                }
                let plan = try database.plan(date: date, version: .number(existing.version))
                result = DateResult(date: date, status: .skipped, plan: plan, started: started)
            } else {
                let planned = try DailyPlanning.plan(inputs, in: database, settings: settings, publish: publish)
                result = DateResult(date: date, status: .planned, plan: planned.plan, started: started)
            }
            results.append(result)
            progress(results.count, dates.count, result)
        }
        return results
    }
}

/// Only one batch may run on a database at a time. The lock is an `flock` on a file next to the
/// database, so the kernel releases it when the process ends, even by `kill -9`.
public final class BatchLock {
    public struct Busy: Error, CustomStringConvertible {
        public var path: String
        public var description: String {
            "another batch is already running on this database (lock \(path)); wait for it to finish"
        }
    }

    private let descriptor: Int32

    public init(databasePath: String) throws {
        let path = databasePath + ".batch-lock"
        // Never through a link planted at the predictable name: the lock file is made, not followed.
        descriptor = open(path, O_CREAT | O_RDWR | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw StoreError.cannotCreate(path: path, detail: String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw Busy(path: path)
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
