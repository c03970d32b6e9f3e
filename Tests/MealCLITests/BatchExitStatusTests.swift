import Foundation
import XCTest

/// What a nightly cron job reads from `batch`: exit status 3 only when diners the service could
/// reach were left out; diners outside the circle, or whose diet no canteen in reach cooks, are
/// reported in the summary but do not fail the job.
final class BatchExitStatusTests: XCTestCase {
    let canteens = """
        id,name,lat,lon,seats,sittings,kitchen_capacity,diets
        C01,江边食堂,28.247103,117.035747,20,11:10-11:50,KITCHEN,regular

        """
    let couriers = """
        id,name,canteen_id,vehicle,capacity,shift_start,shift_end
        K001,周文斌,C01,bicycle,5,11:00,14:00

        """
    /// One diner next door, one 30 km away, one who eats halal food the canteen does not cook.
    let diners = """
        id,name,lat,lon,mobility,mode,diets
        D00001,熊明华,28.247503,117.035747,independent,dine_in,
        D00002,王远,28.517103,117.035747,independent,dine_in,
        D00003,马清,28.247603,117.035947,independent,dine_in,halal

        """

    func district(kitchen: Int, extraDiner: String = "") throws -> CLIRunner {
        let cli = try CLIRunner()
        try cli.write("canteens.csv", canteens.replacingOccurrences(of: "KITCHEN", with: "\(kitchen)"))
        try cli.write("couriers.csv", couriers)
        try cli.write("diners.csv", diners + extraDiner)
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        try cli.importRegistryFiles()
        return cli
    }

    func testDinersOutOfReachDoNotFailTheNight() throws {
        let cli = try district(kitchen: 10)
        let batch = try cli.run(["batch", "--from", "2026-11-25", "--days", "2"])
        XCTAssertEqual(batch.status, 0, batch.stdout + batch.stderr)
        XCTAssertTrue(batch.stdout.contains("2 dates planned, 0 skipped"), batch.stdout)
        XCTAssertTrue(batch.stdout.contains("out of reach on 2026-11-25 (2), 2026-11-26 (2)"), "reported, not failed:\n\(batch.stdout)")

        let again = try cli.run(["batch", "--from", "2026-11-25", "--days", "1"])
        XCTAssertEqual(again.status, 0, again.stdout + again.stderr)
        XCTAssertTrue(again.stdout.contains("0 dates planned, 1 skipped"), again.stdout)
    }

    func testReachableDinersLeftOutFailTheNight() throws {
        // Two diners next door, a kitchen that cooks one meal.
        let cli = try district(kitchen: 1, extraDiner: "D00004,李芳,28.247303,117.035847,independent,dine_in,\n")
        let batch = try cli.run(["batch", "--from", "2026-11-25", "--days", "1"])
        XCTAssertEqual(batch.status, 3, batch.stdout + batch.stderr)
        XCTAssertTrue(batch.stdout.contains("1 date planned, 0 skipped"), batch.stdout)
        XCTAssertTrue(batch.stdout.contains("2026-11-25 (1)"), "names the date and how many were left out:\n\(batch.stdout)")
    }

    /// A canteen's regular closing day (or a declared closure) is not a failure of the night's
    /// plan: nobody could serve those diners that day. Before this, the bundled district's batch
    /// exited 3 every week on the diners of canteens closed at weekends.
    func testDinersWhoseCanteensAreClosedThatDayDoNotFailTheNight() throws {
        let cli = try CLIRunner()
        try cli.write("canteens.csv", """
            id,name,lat,lon,seats,sittings,kitchen_capacity,diets,open_days
            C01,江边食堂,28.247103,117.035747,20,11:10-11:50,10,regular,12345

            """)
        try cli.write("couriers.csv", couriers)
        try cli.write("diners.csv", """
            id,name,lat,lon,mobility,mode,diets
            D00001,熊明华,28.247503,117.035747,independent,dine_in,

            """)
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        try cli.importRegistryFiles()
        // 2026-11-28 is a Saturday.
        let batch = try cli.run(["batch", "--from", "2026-11-27", "--days", "2"])
        XCTAssertEqual(batch.status, 0, batch.stdout + batch.stderr)
        XCTAssertTrue(batch.stdout.contains("2 dates planned, 0 skipped"), batch.stdout)
        XCTAssertTrue(batch.stdout.contains("canteens closed on 2026-11-28 (1)"), "reported, not failed:\n\(batch.stdout)")
        XCTAssertFalse(batch.stdout.contains("left out although in reach"), batch.stdout)

        let json = try cli.run(["batch", "--from", "2026-11-28", "--days", "1", "--format", "json"])
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(document["closed"] as? Int, 1, json.stdout)
        XCTAssertEqual(document["unserved"] as? Int, 0, json.stdout)
    }

    func testTheVersionIsPrinted() throws {
        let version = try CLIRunner().run(["--version"])
        XCTAssertEqual(version.status, 0, version.stderr)
        XCTAssertTrue(version.stdout.range(of: #"^\d+\.\d+\.\d+"#, options: .regularExpression) != nil, version.stdout)
    }
}
