import XCTest
import GRDB
@testable import MealCore

final class PlanStoreTests: XCTestCase {
    func plan(date: String, canteen: CanteenID = "C01", note: String = "") throws -> DayPlan {
        DayPlan(date: date, parametersJSON: "{}", seed: 7, timeLimitSeconds: 1, createdAt: "2026-11-27T00:00:00Z",
                createdBy: "tester", note: note,
                assignments: [
                    PlannedMeal(dinerID: "D00001", canteenID: canteen, mode: .dineIn, sitting: try TimeWindow(parsing: "11:00-11:45")),
                    PlannedMeal(dinerID: "D00002", canteenID: "C02", mode: .delivery, courierID: "K002", trip: 1, position: 1,
                                arrivalSeconds: 40_000),
                ],
                rounds: [CourierRound(courierID: "K002", canteenID: "C02", trips: [
                    .init(departSeconds: 39_000, returnSeconds: 41_000, stops: [("D00002", 40_000)]),
                ])],
                unserved: [])
    }

    func testVersionsRoundTripAndPublishing() throws {
        let database = try AppDatabase.inMemory()
        try importAll(into: database)
        let first = try database.writer.write { try PlanStore.save(self.plan(date: "2026-11-25"), $0) }
        let second = try database.writer.write { try PlanStore.save(self.plan(date: "2026-11-25", canteen: "C02"), $0) }
        XCTAssertEqual([first.version, second.version], [1, 2])
        let loaded = try database.writer.read { try PlanStore.load(date: "2026-11-25", version: 1, $0) }
        XCTAssertEqual(loaded, first)
        XCTAssertEqual(try database.writer.read { try PlanStore.load(date: "2026-11-25", $0) }.version, 2)
        _ = try database.writer.write { try PlanStore.publish(date: "2026-11-25", version: 1, $0) }
        XCTAssertEqual(try database.writer.read { try PlanStore.load(date: "2026-11-25", $0) }.version, 1,
                       "the published version is the one printed")
        XCTAssertThrowsError(try database.writer.read { try PlanStore.load(date: "2026-11-26", $0) }) { error in
            XCTAssertEqual(error as? PlanStore.Failure, .noPlan(date: "2026-11-26"))
            XCTAssertEqual("\(error)", "no plan for 2026-11-26", "the library names no command")
        }
    }

    func testPreviousMealsComeFromTheLastPlannedDaysCurrentVersion() throws {
        let database = try AppDatabase.inMemory()
        try importAll(into: database)
        try database.writer.write { db in
            try PlanStore.save(self.plan(date: "2026-11-23", canteen: "C02"), db)
            try PlanStore.save(self.plan(date: "2026-11-24", canteen: "C01"), db)
            try PlanStore.save(self.plan(date: "2026-11-26", canteen: "C02"), db)
        }
        let previous = try database.writer.read { try PlanStore.previousMeals(before: "2026-11-25", $0) }
        XCTAssertEqual(previous["D00001"]?.date, "2026-11-24")
        XCTAssertEqual(previous["D00001"]?.meal.canteenID, "C01")
        XCTAssertEqual(previous["D00002"]?.meal.courierID, "K002")
    }

    func testAPlanNamingAnUnknownDinerIsRefusedWhole() throws {
        let database = try AppDatabase.inMemory()
        try importAll(into: database)
        var bad = try plan(date: "2026-11-25")
        bad.assignments.append(PlannedMeal(dinerID: "D99999", canteenID: "C01", mode: .pickup))
        let before = try tableDump(database)
        XCTAssertThrowsError(try database.writer.write { try PlanStore.save(bad, $0) })
        XCTAssertEqual(try tableDump(database), before)
    }

    /// Typed ids change nothing outside the program: the database holds them as plain TEXT (so
    /// databases from before read back unchanged), SQL arguments bind them as text, and the
    /// plan export writes them as plain JSON strings.
    func testIdsRoundTripThroughTheStoreAndTheExportAsPlainStrings() throws {
        let database = try AppDatabase.inMemory()
        try importAll(into: database)
        let saved = try database.writer.write { try PlanStore.save(self.plan(date: "2026-11-25"), $0) }
        try database.writer.read { db in
            let stored = try Row.fetchAll(db, sql: """
                SELECT typeof(diner_id) AS diner_type, diner_id, typeof(canteen_id) AS canteen_type, canteen_id,
                       typeof(courier_id) AS courier_type, courier_id
                FROM plan_meal ORDER BY diner_id
                """)
            XCTAssertEqual(stored.map { $0["diner_type"] as String }, ["text", "text"])
            XCTAssertEqual(stored.map { $0["canteen_type"] as String }, ["text", "text"])
            XCTAssertEqual(stored.map { $0["courier_type"] as String }, ["null", "text"])
            XCTAssertEqual(stored.map { $0["diner_id"] as String }, ["D00001", "D00002"])
            XCTAssertEqual(stored.map { $0["courier_id"] as String? }, [nil, "K002"])
            let bound = try String.fetchOne(db, sql: "SELECT canteen_id FROM plan_meal WHERE diner_id = ?",
                                            arguments: [DinerID("D00002")])
            XCTAssertEqual(bound, "C02")
            XCTAssertEqual(try Row.fetchOne(db, sql: "SELECT typeof(id) AS t FROM diner WHERE id = ?",
                                            arguments: [DinerID("D00001")])?["t"] as String?, "text")
        }
        let loaded = try database.writer.read { try PlanStore.load(date: "2026-11-25", $0) }
        XCTAssertEqual(loaded, saved)
        XCTAssertEqual(loaded.rounds.first?.trips.first?.stops.first?.dinerID, DinerID("D00002"))

        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(PlanExport.json(loaded).utf8)) as? [String: Any])
        let assignments = try XCTUnwrap(object["assignments"] as? [[String: Any]])
        XCTAssertEqual(assignments.map { $0["diner"] as? String }, ["D00001", "D00002"])
        XCTAssertEqual(assignments.map { $0["canteen"] as? String }, ["C01", "C02"])
        XCTAssertEqual(assignments[1]["courier"] as? String, "K002")
        let route = try XCTUnwrap((object["routes"] as? [[String: Any]])?.first)
        XCTAssertEqual([route["courier"] as? String, route["canteen"] as? String], ["K002", "C02"])
        let decoded = try JSONDecoder().decode(PlanExport.Document.self, from: Data(PlanExport.json(loaded).utf8))
        XCTAssertEqual(decoded.assignments.map(\.diner), ["D00001", "D00002"])
    }
}
