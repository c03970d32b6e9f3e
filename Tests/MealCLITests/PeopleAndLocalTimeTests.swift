import Foundation
import GRDB
@testable import MealCore
import XCTest

/// Coordinators name people as they know them (by name, or the last digits of a phone number)
/// and read times on the district's clock, not UTC.
final class PeopleAndLocalTimeTests: XCTestCase {
    let date = "2026-11-25"

    /// The shared small district (`CLIRunner.twoCanteenDistrict`: two diners both called 王秀英),
    /// the day planned once.
    private func prepared() throws -> CLIRunner {
        let cli = try CLIRunner.twoCanteenDistrict()
        let planned = try cli.run(["plan", "--date", date])
        XCTAssertEqual(planned.status, 0, planned.stderr)
        return cli
    }

    private func versions(_ cli: CLIRunner) throws -> Int {
        try AppDatabase.open(path: cli.path("meals.db")).planVersions(date: date).count
    }

    // MARK: - local time

    /// Regression: history printed the stored UTC timestamps, so a change made at 07:30 in the
    /// morning in the district read as 23:30 the evening before.
    func testHistoryShowsTimesOnTheDistrictClock() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        let store = try AppDatabase.open(path: cli.path("meals.db"))
        try store.writer.write { db in
            try db.execute(sql: """
                INSERT INTO change_log (at, by, action, subject, detail)
                VALUES ('2026-12-01T23:30:00Z', '王主任', 'publish', '2026-12-02', 'version 1')
                """)
        }
        let history = try cli.run(["history", "--date", "2026-12-02"])
        XCTAssertEqual(history.status, 0, history.stderr)
        XCTAssertTrue(history.stdout.contains("2026-12-02 07:30"), history.stdout)
        XCTAssertFalse(history.stdout.contains("2026-12-01T23:30"), history.stdout)
        XCTAssertTrue(history.stdout.contains("Asia/Shanghai (+08:00)"), "the listing says which clock: \(history.stdout)")

        let utc = try cli.run(["history", "--date", "2026-12-02", "--tz", "UTC"])
        XCTAssertEqual(utc.status, 0, utc.stderr)
        XCTAssertTrue(utc.stdout.contains("2026-12-01 23:30"), utc.stdout)

        let wrong = try cli.run(["history", "--date", "2026-12-02", "--tz", "Asia/Shangai"])
        XCTAssertNotEqual(wrong.status, 0)
        XCTAssertTrue(wrong.stderr.contains("Asia/Shangai"), wrong.stderr)
    }

    func testBatchLogLinesCarryLocalTime() throws {
        let cli = try prepared()
        let batch = try cli.run(["batch", "--from", "2026-11-26", "--days", "1"])
        let line = try XCTUnwrap(batch.stdout.split(separator: "\n").first { $0.contains(" 2026-11-26: planned") }, batch.stdout)
        XCTAssertNotNil(line.range(of: #"^\d{4}-\d\d-\d\d \d\d:\d\d 2026-11-26: planned"#, options: .regularExpression),
                        "local wall-clock time, not a UTC timestamp: \(line)")
    }

    func testTheDistrictTimeZoneIsASettingOfTheDatabase() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        XCTAssertTrue(try cli.run(["settings"]).stdout.contains("time zone: Asia/Shanghai"))
        let set = try cli.run(["settings", "--time-zone", "Asia/Urumqi"])
        XCTAssertEqual(set.status, 0, set.stderr)
        let store = try AppDatabase.open(path: cli.path("meals.db"))
        try store.writer.write { db in
            try db.execute(sql: """
                INSERT INTO change_log (at, by, action, subject, detail)
                VALUES ('2026-12-01T23:30:00Z', '王主任', 'publish', '2026-12-02', 'version 1')
                """)
        }
        let history = try cli.run(["history", "--date", "2026-12-02"])
        XCTAssertTrue(history.stdout.contains("2026-12-02 05:30"), history.stdout)
        XCTAssertNotEqual(try cli.run(["settings", "--time-zone", "Mars/Olympus"]).status, 0)
    }

    // MARK: - people by name

    func testAMoveByTheDinersAndTheCouriersNames() throws {
        let cli = try prepared()
        let plan = try AppDatabase.open(path: cli.path("meals.db")).plan(date: date)
        let courierOfD3 = try XCTUnwrap(plan.assignment(of: "D3")?.courierID)
        let other = courierOfD3 == "K1" ? "李志华" : "张建国"
        let moved = try cli.run(["move", "赵德明", "--to-courier", other, "--date", date])
        XCTAssertEqual(moved.status, 0, moved.stderr)
        let after = try AppDatabase.open(path: cli.path("meals.db")).plan(date: date, version: .latest)
        XCTAssertNotEqual(after.assignment(of: "D3")?.courierID, courierOfD3)
        let history = try cli.run(["history", "--date", date]).stdout
        XCTAssertTrue(history.contains("\(date) D3"), "the change log names the diner by id: \(history)")
    }

    func testAnAmbiguousNameListsTheCandidatesAndChangesNothing() throws {
        let cli = try prepared()
        let cancelled = try cli.run(["cancel", "王秀英", "--date", date])
        XCTAssertEqual(cancelled.status, 1)
        XCTAssertTrue(cancelled.stderr.contains("2 diners match '王秀英'"), cancelled.stderr)
        for expected in ["D1", "D4", "江边街道", "梅园街道", "136****0001", "137****4321"] {
            XCTAssertTrue(cancelled.stderr.contains(expected), "\(expected) in:\n\(cancelled.stderr)")
        }
        XCTAssertFalse(cancelled.stderr.contains("13612340001"), "phones are masked in the list")
        XCTAssertEqual(try versions(cli), 1, "nothing was written")

        let exact = try cli.run(["lock", "D4", "--date", date])
        XCTAssertEqual(exact.status, 0, "an exact id always wins: \(exact.stderr)")
        XCTAssertEqual(try cli.run(["cancel", "不存在", "--date", date]).status, 1)
    }

    /// At a terminal the coordinator is asked which one is meant (a pseudo-terminal from `script`).
    func testAtATerminalTheCoordinatorChoosesAmongTheCandidates() throws {
        let script = URL(fileURLWithPath: "/usr/bin/script")
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: script.path), "needs script(1) for a terminal")
        let cli = try prepared()
        let process = Process()
        process.executableURL = script
        process.arguments = ["-qec", "\(CLIRunner.binary.path) lock 王秀英 --date \(date)", "/dev/null"]
        process.currentDirectoryURL = cli.directory
        process.environment = CLIRunner.environment()
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data("2\n".utf8))
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("Which one (1-2"), text)
        let plan = try AppDatabase.open(path: cli.path("meals.db")).plan(date: date, version: .latest)
        XCTAssertEqual(plan.assignment(of: "D4")?.locked, true, "the second candidate, D4, was locked")
        XCTAssertEqual(plan.assignment(of: "D1")?.locked, false)
    }

    func testTheLastFourDigitsOfThePhoneFindThePerson() throws {
        let cli = try prepared()
        let locked = try cli.run(["lock", "4321", "--date", date])
        XCTAssertEqual(locked.status, 0, locked.stderr)
        let plan = try AppDatabase.open(path: cli.path("meals.db")).plan(date: date, version: .latest)
        XCTAssertEqual(plan.assignment(of: "D4")?.locked, true)
        let routes = try cli.run(["routes", "--courier", "0002", "--date", date])
        XCTAssertEqual(routes.status, 0, routes.stderr)
        let wrongKind = try cli.run(["routes", "--courier", "4321", "--date", date])
        XCTAssertEqual(wrongKind.status, 1, "a diner's digits do not name a courier")
        XCTAssertTrue(wrongKind.stderr.contains("no courier has the id, name or phone ending '4321'"), wrongKind.stderr)
    }

    func testFindListsDinersAndCouriersWithTheirCanteenToday() throws {
        let cli = try prepared()
        let found = try cli.run(["find", "王秀英", "--date", date])
        XCTAssertEqual(found.status, 0, found.stderr)
        let lines = found.stdout.split(separator: "\n").map(String.init)
        let d1 = try XCTUnwrap(lines.first { $0.hasPrefix("D1 ") }, found.stdout)
        XCTAssertTrue(d1.contains("江边街道") && d1.contains("136****0001"), d1)
        XCTAssertTrue(lines.contains { $0.hasPrefix("D4 ") }, found.stdout)
        let courier = try cli.run(["find", "张建国", "--date", date])
        XCTAssertTrue(courier.stdout.contains("K1") && courier.stdout.contains("courier"), courier.stdout)

        let json = try cli.run(["find", "钱多多", "--date", date, "--format", "json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.first?["id"] as? String, "D5")
        XCTAssertEqual(rows.first?["phone"] as? String, "133****5555")
        XCTAssertTrue((rows.first?["canteen_today"] as? String)?.contains("unserved") ?? false, json.stdout)
        XCTAssertEqual(try cli.run(["find", "无此人", "--date", date]).status, 1)
    }

    // MARK: - diff and summary

    func testDiffMarksWhoMustBeToldWithTheirPhone() throws {
        let cli = try prepared()
        XCTAssertEqual(try cli.run(["move", "D1", "--to-canteen", "C2", "--date", date]).status, 0)
        XCTAssertEqual(try cli.run(["lock", "D2", "--date", date]).status, 0)
        let diff = try cli.run(["diff", "--date", date, "--from", "1"])
        XCTAssertEqual(diff.status, 0, diff.stderr)
        let lines = diff.stdout.split(separator: "\n").map(String.init)
        let d1 = try XCTUnwrap(lines.first { $0.contains("(D1)") }, diff.stdout)
        XCTAssertTrue(d1.hasPrefix("TELL") && d1.contains("13612340001"), d1)
        let d2 = try XCTUnwrap(lines.first { $0.contains("(D2)") }, diff.stdout)
        XCTAssertFalse(d2.hasPrefix("TELL") || d2.contains("13812345678"), "a lock is nothing to phone about: \(d2)")
        XCTAssertTrue(try cli.run(["diff", "--help"]).stdout.contains("in full"), "the help says why phones are shown")

        let c2 = try cli.run(["diff", "--date", date, "--from", "1", "--canteen", "C2"]).stdout
        XCTAssertTrue(c2.contains("(D1)") && !c2.contains("(D2)"), c2)

        let csv = try cli.run(["diff", "--date", date, "--from", "1", "--format", "csv"])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        XCTAssertTrue(csv.stdout.hasPrefix("diner_id,name,must_tell,phone,"), csv.stdout)
        XCTAssertTrue(csv.stdout.contains("D1,王秀英,yes,13612340001,"), csv.stdout)

        let json = try cli.run(["diff", "--date", date, "--from", "1", "--format", "json"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], json.stdout)
        let changes = try XCTUnwrap(object["changes"] as? [[String: Any]])
        XCTAssertEqual(changes.first { $0["diner_id"] as? String == "D1" }?["must_tell"] as? Bool, true)
    }

    func testDiffFiltersByCourierName() throws {
        let cli = try prepared()
        let plan = try AppDatabase.open(path: cli.path("meals.db")).plan(date: date)
        let courierOfD3 = try XCTUnwrap(plan.assignment(of: "D3")?.courierID)
        let target: CourierID = courierOfD3 == "K1" ? "K2" : "K1"
        XCTAssertEqual(try cli.run(["move", "D3", "--to-courier", target.rawValue, "--date", date]).status, 0)
        XCTAssertEqual(try cli.run(["move", "D1", "--to-canteen", "C2", "--date", date]).status, 0)
        let byCourier = try cli.run(["diff", "--date", date, "--from", "1", "--courier", target == "K1" ? "张建国" : "李志华"])
        XCTAssertEqual(byCourier.status, 0, byCourier.stderr)
        XCTAssertTrue(byCourier.stdout.contains("(D3)") && !byCourier.stdout.contains("(D1)"), byCourier.stdout)
    }

    func testThePlanSummaryNamesTheUnservedDiners() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        try cli.write("canteens.csv", "id,name,community,lat,lon,seats,sittings,kitchen_capacity\nC1,江边长者食堂,江边街道,28.25,117.03,10,11:00-12:00,20\n")
        var diners = "id,name,community,lat,lon,mode\n"
        for index in 1...23 { diners += "F\(index),远方老人\(index),远山村,28.40,117.20,dine_in\n" }
        try cli.write("diners.csv", diners)
        XCTAssertEqual(try cli.run(["import", "canteens", "canteens.csv"]).status, 0)
        XCTAssertEqual(try cli.run(["import", "diners", "diners.csv"]).status, 0)
        let planned = try cli.run(["plan", "--date", date])
        XCTAssertTrue(planned.stdout.contains("远方老人1 (F1)"), planned.stdout)
        XCTAssertTrue(planned.stdout.contains("and 3 more"), planned.stdout)
        XCTAssertTrue(planned.stdout.contains("mealcli export plan --date \(date)"), planned.stdout)
    }
}
