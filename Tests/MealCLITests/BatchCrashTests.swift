import Foundation
import GRDB
import XCTest

/// A batch killed with SIGKILL in the middle and run again gives the same plans as a batch that
/// was never interrupted, and leaves a sound database.
final class BatchCrashTests: XCTestCase {
    /// A small generated district (300 subscribed diners) so seven dates plan quickly in a debug build.
    func prepare(_ cli: CLIRunner) throws {
        let made = try cli.run(["fixture", "--diners", "300", "--seed", "11", "--out", cli.path("sets/small")])
        XCTAssertEqual(made.status, 0, made.stderr)
        let loaded = try cli.run(["init", "--with-fixture", "small", "--fixtures-dir", cli.path("sets")])
        XCTAssertEqual(loaded.status, 0, loaded.stderr)
    }

    func plans(_ cli: CLIRunner, dates: [String]) throws -> [String] {
        try dates.map { date in
            let exported = try cli.run(["export", "plan", "--date", date])
            XCTAssertEqual(exported.status, 0, exported.stderr)
            // When it was made and by whom differ between runs; the plan itself must not.
            return exported.stdout.split(separator: "\n").filter { !$0.contains("\"created_at\"") }.joined(separator: "\n")
        }
    }

    func plannedDates(_ path: String) -> Int {
        var configuration = Configuration()
        configuration.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return 0 }
        return (try? queue.read { try Int.fetchOne($0, sql: "SELECT count(DISTINCT date) FROM plan") }) ?? 0
    }

    func testKilledBatchResumesToTheSamePlans() throws {
        let dates = ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"]
        // The search stops on a work budget, so the plans do not depend on how busy the machine is.
        let batch = ["batch", "--from", dates[0], "--days", "7"]

        let reference = try CLIRunner()
        try prepare(reference)
        let uninterrupted = try reference.run(batch)
        XCTAssertTrue([0, 3].contains(uninterrupted.status), uninterrupted.stderr)
        let expected = try plans(reference, dates: dates)

        let crashed = try CLIRunner()
        try prepare(crashed)
        let child = Process()
        child.executableURL = CLIRunner.binary
        child.arguments = batch
        child.currentDirectoryURL = crashed.directory
        child.environment = CLIRunner.environment()
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        let deadline = Date().addingTimeInterval(300)
        while plannedDates(crashed.path("meals.db")) < 2 && child.isRunning && Date() < deadline {
            usleep(20_000)
        }
        let killedMidway = child.isRunning
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        XCTAssertTrue(killedMidway, "the batch finished before it could be interrupted")
        XCTAssertLessThan(plannedDates(crashed.path("meals.db")), 7)

        let resumed = try crashed.run(batch)
        XCTAssertTrue([0, 3].contains(resumed.status), resumed.stderr)
        XCTAssertTrue(resumed.stdout.contains("skipped"), "finished dates are skipped: \(resumed.stdout)")
        let resumedPlans = try plans(crashed, dates: dates)
        for (index, date) in dates.enumerated() where resumedPlans[index] != expected[index] {
            let got = resumedPlans[index].split(separator: "\n"), want = expected[index].split(separator: "\n")
            let line = got.indices.first { $0 >= want.count || got[$0] != want[$0] } ?? want.count
            XCTFail("\(date) differs at line \(line + 1): got \(line < got.count ? got[line] : "<end>"), want \(line < want.count ? want[line] : "<end>")")
        }

        let queue = try DatabaseQueue(path: crashed.path("meals.db"))
        XCTAssertEqual(try queue.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }, "ok")
    }

    func testASecondBatchOnTheSameDatabaseFailsAtOnce() throws {
        let cli = try CLIRunner()
        try prepare(cli)
        // Hold the batch lock as a running batch would.
        let lockPath = cli.path("meals.db.batch-lock")
        let descriptor = open(lockPath, O_CREAT | O_RDWR, 0o600)
        XCTAssertEqual(flock(descriptor, LOCK_EX | LOCK_NB), 0)
        defer { close(descriptor) }
        let started = Date()
        let second = try cli.run(["batch", "--from", "2026-11-23", "--days", "2"])
        XCTAssertEqual(second.status, 1)
        XCTAssertTrue(second.stderr.contains("another batch is already running"), second.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "fails at once rather than waiting")
        XCTAssertEqual(plannedDates(cli.path("meals.db")), 0)
    }
}
