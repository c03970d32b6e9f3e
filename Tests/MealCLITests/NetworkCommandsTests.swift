import Foundation
import MealCore
import MealRoads
import XCTest

/// The commands on the bundled district with its streets stored: `travel` and `reach` answer on
/// the network, and `plan`, `check`, a coordinator's move and `batch` run on it. One test,
/// because planning the district in a debug build takes a while.
final class NetworkCommandsTests: XCTestCase {
    let date = "2026-11-25"

    func json(_ result: CLIRunner.Result) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], result.stdout)
    }

    /// The bundled district with the generated Yuehu streets stored, as `import roads` would.
    func districtWithRoads() throws -> (CLIRunner, digest: String) {
        let cli = try CLIRunner()
        let fixtures = CLIRunner.packageRoot.appendingPathComponent("Fixtures").path
        XCTAssertEqual(try cli.run(["init", "--with-fixture", "yuehu", "--fixtures-dir", fixtures]).status, 0)
        let extract = RoadGenerator(.yuehu).generate()
        var builder = RoadNetworkBuilder()
        for node in extract.nodes { try builder.receive(node) }
        for way in extract.ways { try builder.receive(way) }
        let network = try builder.build()
        let store = try AppDatabase.open(path: cli.path("meals.db"))
        try store.replaceRoadNetwork(network, sourceFile: "roads.osm.pbf", by: "tester")
        return (cli, network.digest)
    }

    func testTravelReachPlanCheckMoveAndBatchOnTheStreets() throws {
        let (cli, digest) = try districtWithRoads()

        // C01 and C02 of the bundled district, and a place far outside it.
        let table = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("Fixtures/yuehu/canteens.csv"), encoding: .utf8)
        let fields = table.split(separator: "\n").dropFirst().prefix(2).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let places = fields.map { "\($0[3]),\($0[4])" }
        let sittings = fields[0][6].split(separator: ";").map(String.init)
        let trip = try cli.run(["travel", "--from", places[0], "--to", places[1], "--format", "json"])
        XCTAssertEqual(trip.status, 0, trip.stderr)
        let answer = try json(trip)
        XCTAssertEqual(answer["model"] as? String, "network")
        XCTAssertGreaterThan(try XCTUnwrap(answer["seconds"] as? Int), 0)
        XCTAssertLessThanOrEqual(try XCTUnwrap(answer["snap_from_m"] as? Double), 300)
        XCTAssertTrue(answer["reason"] is NSNull)
        let away = try cli.run(["travel", "--from", places[0], "--to", "30.0,120.0", "--as", "wheelchair", "--format", "json"])
        XCTAssertEqual(away.status, 0, away.stderr)
        XCTAssertTrue(try json(away)["seconds"] is NSNull)
        XCTAssertEqual(try json(away)["reason"] as? String, "the destination has no way usable in a wheelchair within 300 m")

        let map = try cli.run(["reach", "--canteen", "C01", "--as", "walker", "--format", "geojson"])
        XCTAssertEqual(map.status, 0, map.stderr)
        let features = try XCTUnwrap(try json(map)["features"] as? [[String: Any]])
        let streets = features.filter { ($0["properties"] as? [String: Any])?["kind"] as? String == "street" }
        XCTAssertGreaterThan(streets.count, 10)
        for street in streets {
            let properties = try XCTUnwrap(street["properties"] as? [String: Any])
            XCTAssertLessThanOrEqual(try XCTUnwrap(properties["to_seconds"] as? Int), 900)
            XCTAssertEqual((street["geometry"] as? [String: Any])?["type"] as? String, "LineString")
        }
        let diners = features.filter { ($0["properties"] as? [String: Any])?["kind"] as? String == "diner" }
        XCTAssertFalse(diners.isEmpty)
        XCTAssertFalse(map.stdout.contains("name"), "diners by id only")
        let summary = try cli.run(["reach", "--canteen", "C01", "--as", "walker"])
        XCTAssertTrue(summary.stdout.contains("diners inside: \(diners.count)"), summary.stdout)

        let planned = try cli.run(["plan", "--date", date, "--format", "json"])
        XCTAssertEqual(planned.status, 0, planned.stderr)
        let travel = try XCTUnwrap((try json(planned)["summary"] as? [String: Any])?["travel"] as? [String: String])
        XCTAssertEqual(travel, ["model": "network", "network_digest": digest])
        let clean = try cli.run(["check", "--date", date])
        XCTAssertEqual(clean.stdout, "no violations in version 1 of \(date)\n", clean.stderr)

        // A sitter moved to the other sitting of the same canteen (one of the two is where they are).
        let store = try AppDatabase.open(path: cli.path("meals.db"))
        let plan = try store.plan(date: date)
        let sitter = try XCTUnwrap(plan.assignments.first { $0.mode == .dineIn && $0.canteenID == "C01" })
        var moved: CLIRunner.Result?
        for sitting in sittings where moved == nil {
            let move = try cli.run(["move", sitter.dinerID.rawValue, "--date", date, "--to-canteen", "C01", "--mode", "dine_in",
                                    "--sitting", sitting, "--by", "王协调"])
            XCTAssertEqual(move.status, 0, move.stderr)
            if move.stdout.contains("stored as version 2") { moved = move }
        }
        XCTAssertNotNil(moved, "the sitter changed sitting")
        XCTAssertEqual(try cli.run(["check", "--date", date]).stdout, "no violations in version 2 of \(date)\n")

        let batch = try cli.run(["batch", "--from", "2026-11-26", "--days", "1"])
        XCTAssertEqual(batch.status, 0, batch.stdout + batch.stderr)
        XCTAssertEqual(try store.plan(date: "2026-11-26").travel, .network(digest: digest))
    }
}
