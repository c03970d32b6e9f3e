import Foundation
import XCTest

/// `mealcli travel` and `--travel straight|network`: which model answers, what it answers, and
/// a clear refusal when the road network is asked for but none is imported.
final class TravelCommandTests: XCTestCase {
    func json(_ result: CLIRunner.Result) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], result.stdout)
    }

    func testTravelOnTheStraightLineInJSONAndText() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        // 0.01° of latitude is 1,111.95 m; × circuity 1.3 = 1,445.5 m; a walker at 0.7 m/s: 2,065 s.
        let walker = try cli.run(["travel", "--from", "28.24,117.03", "--to", "28.25,117.03", "--as", "walker", "--format", "json"])
        XCTAssertEqual(walker.status, 0, walker.stderr)
        let answer = try json(walker)
        XCTAssertEqual(Set(answer.keys), ["seconds", "meters", "model", "snap_from_m", "snap_to_m", "reason"])
        XCTAssertEqual(answer["seconds"] as? Int, 2_065)
        XCTAssertEqual(try XCTUnwrap(answer["meters"] as? Double), 1_445.5, accuracy: 0.1)
        XCTAssertEqual(answer["model"] as? String, "straight")
        XCTAssertEqual(answer["snap_from_m"] as? Double, 0)
        XCTAssertEqual(answer["snap_to_m"] as? Double, 0)
        XCTAssertTrue(answer["reason"] is NSNull, "reachable: reason null")

        let car = try cli.run(["travel", "--from", "28.24,117.03", "--to", "28.25,117.03", "--as", "car"])
        XCTAssertEqual(car.status, 0, car.stderr)
        // 1,445.5 m at 6.5 m/s: 222 s.
        XCTAssertTrue(car.stdout.contains("as car: 3 min 42 s (222 s), 1446 m"), car.stdout)
        XCTAssertTrue(car.stdout.contains("model: straight line"), car.stdout)
    }

    func testAnUnreachableTripSaysWhyWithSecondsNull() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        let bedridden = try cli.run(["travel", "--from", "28.24,117.03", "--to", "28.241,117.03", "--as", "bedridden",
                                     "--format", "json"])
        XCTAssertEqual(bedridden.status, 0, bedridden.stderr)
        let answer = try json(bedridden)
        XCTAssertTrue(answer["seconds"] is NSNull)
        XCTAssertTrue(answer["meters"] is NSNull)
        XCTAssertEqual(answer["reason"] as? String, "a bedridden diner does not walk; meals come by courier")
    }

    func testABadPlaceIsAnArgumentError() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        for bad in ["28.24", "north,117", "91,117.03", "28.24,117.03,5"] {
            let result = try cli.run(["travel", "--from", bad, "--to", "28.25,117.03"])
            XCTAssertEqual(result.status, 64, "\(bad): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("--from"), result.stderr)
            XCTAssertTrue(result.stderr.contains(bad), result.stderr)
        }
        let unknown = try cli.run(["travel", "--from", "28.24,117.03", "--to", "28.25,117.03", "--as", "rocket"])
        XCTAssertEqual(unknown.status, 64, unknown.stderr)
    }

    func testTheNetworkWithoutRoadsIsRefusedEverywhereAndNothingIsWritten() throws {
        let cli = try CLIRunner.twoCanteenDistrict()
        let date = "2026-11-25"
        for command in [["plan", "--date", date], ["assign", "--date", date], ["coverage"], ["batch", "--from", date, "--days", "1"],
                        ["travel", "--from", "28.24,117.03", "--to", "28.25,117.03"]] {
            let refused = try cli.run(command + ["--travel", "network"])
            XCTAssertNotEqual(refused.status, 0, "\(command)")
            XCTAssertTrue(refused.stderr.contains("no road network imported: mealcli import roads FILE"), "\(command): \(refused.stderr)")
        }
        let status = try cli.run(["status", "--from", date, "--days", "1", "--format", "json"])
        XCTAssertEqual((try json(status)["dates"] as? [[String: Any]])?.first?["planned"] as? Bool, false, "nothing planned")
        let typo = try cli.run(["plan", "--date", date, "--travel", "roads"])
        XCTAssertEqual(typo.status, 64, typo.stderr)
    }

    func testAPlanRecordsItsTravelModelAndTheCommandsShowIt() throws {
        let cli = try CLIRunner.twoCanteenDistrict()
        let date = "2026-11-25"
        // Without roads the straight line is the default; asked for by name it is the same.
        let plan = try cli.run(["plan", "--date", date, "--format", "json"])
        XCTAssertEqual(plan.status, 0, plan.stderr)
        let summary = try XCTUnwrap(try json(plan)["summary"] as? [String: Any])
        XCTAssertEqual(summary["travel"] as? [String: String], ["model": "straight"])
        let text = try cli.run(["plan", "--date", date, "--travel", "straight"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("  travel times: straight line\n"), text.stdout)

        let status = try cli.run(["status", "--from", date, "--days", "1", "--format", "json"])
        let day = try XCTUnwrap((try json(status)["dates"] as? [[String: Any]])?.first)
        XCTAssertEqual(day["travel"] as? [String: String], ["model": "straight"])
        let statusText = try cli.run(["status", "--from", date, "--days", "1"])
        XCTAssertTrue(statusText.stdout.contains("travel: straight line"), statusText.stdout)

        // A check follows the model the plan recorded; asking for the network without roads is refused.
        let check = try cli.run(["check", "--date", date])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        let network = try cli.run(["check", "--date", date, "--travel", "network"])
        XCTAssertNotEqual(network.status, 0)
        XCTAssertTrue(network.stderr.contains("no road network imported"), network.stderr)
        let replan = try cli.run(["replan", "--date", date, "--travel", "network"])
        XCTAssertNotEqual(replan.status, 0)
        XCTAssertTrue(replan.stderr.contains("no road network imported"), replan.stderr)
    }
}
