import Foundation
import XCTest

/// Dates typed on the command line are read by the one date parser, and the bundled data set is
/// never mixed into a real registry by accident.
final class DatesAndFixtureTests: XCTestCase {
    /// A small generated district, so a few dates plan quickly in a debug build.
    private func smallDistrict() throws -> CLIRunner {
        let cli = try CLIRunner()
        let made = try cli.run(["fixture", "--diners", "40", "--seed", "11", "--out", cli.path("sets/small")])
        XCTAssertEqual(made.status, 0, made.stderr)
        let loaded = try cli.run(["init", "--with-fixture", "small", "--fixtures-dir", cli.path("sets")])
        XCTAssertEqual(loaded.status, 0, loaded.stderr)
        return cli
    }

    func testADatePlannedWithShortMonthAndDayIsFoundByTheSameSpelling() throws {
        let cli = try smallDistrict()
        let planned = try cli.run(["plan", "--date", "2026-2-3"])
        XCTAssertEqual(planned.status, 0, planned.stderr)
        let pages = try cli.run(["roster", "--date", "2026-2-3", "--all", "--format", "html", "--out", "pages"])
        XCTAssertEqual(pages.status, 0, pages.stderr)
        XCTAssertTrue(pages.stdout.hasPrefix("pages: "), pages.stdout)
        let exported = try cli.run(["export", "plan", "--date", "2026-02-3"])
        XCTAssertEqual(exported.status, 0, exported.stderr)
        XCTAssertTrue(exported.stdout.contains("\"date\" : \"2026-02-03\""), String(exported.stdout.prefix(400)))
        XCTAssertEqual(try cli.run(["history", "--date", "2026-2-03"]).status, 0)
    }

    func testDatesOutsideTheServiceRangeAreRefusedByEveryCommand() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        let commands: [[String]] = [
            ["plan"], ["assign"], ["check"], ["coverage"], ["diff"], ["export", "plan"], ["history"], ["publish"],
            ["replan"], ["roster", "--canteen", "C01"], ["routes"], ["outcome", "D00001", "--status", "delivered"],
            ["alerts"], ["absent", "--courier", "K001"], ["demo", "--dir", cli.path("demo")],
        ]
        for date in ["0000-01-01", "9999-12-31", "2101-01-01", "1999-12-31"] {
            for command in commands {
                let result = try cli.run(command + ["--date", date])
                XCTAssertNotEqual(result.status, 0, "\(command) \(date)")
                XCTAssertTrue(result.stderr.contains("--date") && result.stderr.contains("a date must be from 2000-01-01 to 2100-12-31"),
                              "\(command) \(date): \(result.stderr)")
            }
            let batch = try cli.run(["batch", "--from", date, "--days", "1"])
            XCTAssertNotEqual(batch.status, 0)
            XCTAssertTrue(batch.stderr.contains("--from") && batch.stderr.contains("a date must be from 2000-01-01 to 2100-12-31"),
                          batch.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.path("demo")))
    }

    func testABatchThatWouldRunPastTheLastDateIsRefusedBeforePlanningAnything() throws {
        let cli = try smallDistrict()
        let batch = try cli.run(["batch", "--from", "2100-12-31", "--days", "2"])
        XCTAssertEqual(batch.status, 64, batch.stderr)
        XCTAssertTrue(batch.stderr.contains(
            "--from 2100-12-31 with --days 2 would end on 2101-01-01; the last date that can be planned is 2100-12-31"),
            batch.stderr)
        let history = try cli.run(["history", "--date", "2100-12-31"]).stdout
        XCTAssertTrue(history.contains("no plan versions for 2100-12-31"), "nothing was planned: \(history)")
        let last = try cli.run(["batch", "--from", "2100-12-30", "--days", "2"])
        XCTAssertTrue([0, 3].contains(last.status), last.stderr)
    }

    func testTheBundledDistrictIsNotMixedIntoARealRegistry() throws {
        let cli = try CLIRunner()
        let fixtures = CLIRunner.packageRoot.appendingPathComponent("Fixtures").path
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        try cli.write("canteens.csv", "id,name,lat,lon,kitchen_capacity\nC01,真实食堂,28.2405,117.0320,30\n")
        try cli.write("diners.csv", """
            id,name,grid,lat,lon,address
            D00001,王秀英,江边-01,28.2405,117.0320,滨江路12号3栋201
            """)
        XCTAssertEqual(try cli.run(["import", "canteens", "canteens.csv"]).status, 0)
        XCTAssertEqual(try cli.run(["import", "diners", "diners.csv"]).status, 0)
        let hospitalized = try cli.run(["outcome", "D00001", "--date", "2026-11-25", "--status", "hospitalized"])
        XCTAssertEqual(hospitalized.status, 0, hospitalized.stderr)
        let before = try cli.run(["export", "diners", "--format", "json"]).stdout

        let refused = try cli.run(["init", "--with-fixture", "yuehu", "--fixtures-dir", fixtures])
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr, """
            error: meals.db already holds a registry (1 canteen, 0 couriers, 1 diner); the yuehu data set was not loaded. \
            Give --force to add its records whose ids are new (records already there are kept as they are)

            """)
        XCTAssertEqual(try cli.run(["export", "diners", "--format", "json"]).stdout, before, "nothing changed")

        let forced = try cli.run(["init", "--with-fixture", "yuehu", "--fixtures-dir", fixtures, "--force"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(forced.stdout.contains("1 kept as it was"), forced.stdout)
        let diners = try JSONSerialization.jsonObject(with: Data(try cli.run(["export", "diners", "--format", "json"]).stdout.utf8))
            as? [[String: Any]] ?? []
        XCTAssertEqual(diners.count, 2000)
        let real = try XCTUnwrap(diners.first { $0["id"] as? String == "D00001" })
        XCTAssertEqual(real["name"] as? String, "王秀英")
        XCTAssertEqual(real["status"] as? String, "hospitalized", "a fixture never re-activates a real diner")
        let canteens = try cli.run(["export", "canteens"]).stdout
        XCTAssertTrue(canteens.contains("C01,真实食堂"), canteens)
    }
}
