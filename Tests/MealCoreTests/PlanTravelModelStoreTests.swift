import XCTest
import GRDB
@testable import MealCore

/// Each plan version keeps which travel model it was made with, and for the road network which
/// one (its digest); versions stored before roads existed read as made on the straight line.
final class PlanTravelModelStoreTests: XCTestCase {
    func plan(travel: TravelModelIdentity) -> DayPlan {
        DayPlan(date: "2026-11-25", parametersJSON: "{}", seed: 7, timeLimitSeconds: 1, createdAt: "2026-11-27T00:00:00Z",
                createdBy: "tester", note: "planned", provenance: .planned,
                assignments: [PlannedMeal(dinerID: "D00001", canteenID: "C01", mode: .pickup)], rounds: [],
                unserved: [UnservedDiner(dinerID: "D00002", reason: .homeOffNetwork,
                                         detail: "home off the street network: no street usable on foot within 300 m")],
                travel: travel)
    }

    func testTheTravelModelAndTheNetworkDigestSurviveTheStore() throws {
        let database = try AppDatabase.inMemory()
        try importAll(into: database)
        let note = PlanChangeNote(by: "tester", action: "plan", subject: "2026-11-25", summary: "")
        let network = try database.savePlan(plan(travel: .network(digest: "9f86d081884c7d65")), note: note)
        let straight = try database.savePlan(plan(travel: .straight), note: note)
        XCTAssertEqual(try database.plan(date: "2026-11-25", version: .number(network.version)).travel,
                       .network(digest: "9f86d081884c7d65"))
        XCTAssertEqual(try database.plan(date: "2026-11-25", version: .number(straight.version)).travel, .straight)
        XCTAssertEqual(try database.plan(date: "2026-11-25", version: .number(network.version)).unserved.map(\.reason),
                       [.homeOffNetwork])
        let rows = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT travel_model, network_digest FROM plan ORDER BY version").map {
                "\($0["travel_model"] as String) \($0["network_digest"] as String)"
            }
        }
        XCTAssertEqual(rows, ["network 9f86d081884c7d65", "straight "])
    }

    func testVersionsStoredBeforeTheMigrationWereMadeOnTheStraightLine() throws {
        let queue = try DatabaseQueue(configuration: AppDatabase.makeConfiguration())
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA application_id = \(AppDatabase.applicationID)")
        }
        try AppDatabase.migrator.migrate(queue, upTo: "v8 diner check comparisons")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO plan (date, version, parameters, seed, time_limit_s, created_at, created_by, note)
                VALUES ('2026-11-25', 1, '{}', 1, 1, '2026-11-24T22:00:00Z', 'batch', 'planned')
                """)
        }
        try AppDatabase.migrator.migrate(queue)
        let database = AppDatabase(writer: queue, path: nil)
        XCTAssertEqual(try database.plan(date: "2026-11-25", version: .number(1)).travel, .straight)
    }

    func testTheIdentityReadsAsOperatorsSayIt() {
        XCTAssertEqual(TravelModelIdentity.straight.description, "straight line")
        XCTAssertEqual(TravelModelIdentity.network(digest: "9f86d081884c7d65aa").description, "road network 9f86d081884c")
        XCTAssertNil(TravelModelIdentity(kind: .straight, networkDigest: "x").networkDigest, "a digest only for a network")
    }
}
