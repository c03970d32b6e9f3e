import Foundation
import XCTest

/// The time limit and the parameters' ranges, as an operator meets them on the command line.
final class PlanLimitsCommandsTests: XCTestCase {
    /// Meals may spend one minute in the box: almost no delivery is possible. Planning used to
    /// loop in the routing search's repair for minutes although `--time-limit 1` was given; now
    /// it ends and says why the deliveries are unserved. The process timeout is only a net so a
    /// regression fails instead of hanging; nothing here measures time.
    func testAHopelessSearchEndsAndSaysWhy() throws {
        let cli = try CLIRunner()
        let fixtures = CLIRunner.packageRoot.appendingPathComponent("Fixtures").path
        XCTAssertEqual(try cli.run(["init", "--with-fixture", "yuehu", "--fixtures-dir", fixtures]).status, 0)
        try cli.write("box.json", #"{"max_in_box_s": 60}"#)
        let (planned, timedOut) = try cli.run(["plan", "--date", "2026-11-25", "--time-limit", "1", "--parameters", "box.json"],
                                             timeout: 900)
        XCTAssertFalse(timedOut, "plan did not finish: \(planned.stdout)")
        XCTAssertEqual(planned.status, 0, planned.stderr)
        XCTAssertTrue(planned.stdout.contains("unserved by reason:"), planned.stdout)
        XCTAssertTrue(planned.stdout.contains("no_courier_capacity"), planned.stdout)
        let checked = try cli.run(["check", "--date", "2026-11-25"])
        XCTAssertEqual(checked.status, 0, checked.stdout + checked.stderr)

        // The diners no courier could reach in a minute never enter the search, so what is left
        // ends on its work budget: the default guard gives the same plan as a one-second one.
        let (again, slow) = try cli.run(["plan", "--date", "2026-11-25", "--parameters", "box.json"], timeout: 900)
        XCTAssertFalse(slow, "plan did not finish: \(again.stdout)")
        XCTAssertEqual(again.status, 0, again.stderr)
        let diff = try cli.run(["diff", "--date", "2026-11-25"])
        XCTAssertTrue(diff.stdout.contains("0 diners with differences"), diff.stdout + diff.stderr)
    }

    func testParametersOutOfRangeOrUnknownAreRefusedNamingTheKey() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        let cases = [
            (#"{"service_s": -5}"#, "service_s: must be a whole number of seconds from 0 to 1800 (got '-5')"),
            (#"{"servce_s": 60}"#, "servce_s: unknown parameter"),
            (#"{"trip_leg_s": 9223372036854775807}"#, "trip_leg_s: must be a whole number of seconds from 0 to 3600"),
        ]
        for (json, message) in cases {
            try cli.write("p.json", json)
            let result = try cli.run(["assign", "--date", "2026-11-25", "--parameters", "p.json"])
            XCTAssertEqual(result.status, 1, json + result.stderr)
            XCTAssertTrue(result.stderr.contains("p.json: "), result.stderr)
            XCTAssertTrue(result.stderr.contains(message), result.stderr)
        }
        let radius = try cli.run(["assign", "--date", "2026-11-25", "--radius", "9223372036854775807"])
        XCTAssertEqual(radius.status, 1, radius.stderr)
        XCTAssertTrue(radius.stderr.contains("--radius"), radius.stderr)
    }
}

extension CLIRunner {
    /// Runs `mealcli` and stops it after `timeout` seconds, so a command that never ends fails
    /// the test instead of hanging the suite.
    func run(_ arguments: [String], timeout: TimeInterval) throws -> (Result, timedOut: Bool) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = Self.environment()
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stopped = DispatchSemaphore(value: 0)
        final class Flag: @unchecked Sendable { var value = false }
        let timedOut = Flag()
        DispatchQueue.global().async {
            if stopped.wait(timeout: .now() + timeout) == .timedOut {
                timedOut.value = true
                process.terminate()
            }
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        stopped.signal()
        return (Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self)), timedOut.value)
    }
}
