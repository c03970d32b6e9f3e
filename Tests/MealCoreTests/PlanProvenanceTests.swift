import XCTest
import GRDB
@testable import MealCore

/// Who made a plan version is a column, typed, and older rows get it from their note.
final class PlanProvenanceTests: XCTestCase {
    func plan(date: String = "2026-11-25", note: String, provenance: PlanProvenance,
              unserved: [UnservedDiner] = []) -> DayPlan {
        DayPlan(date: date, parametersJSON: "{}", seed: 7, timeLimitSeconds: 1, createdAt: "2026-11-27T00:00:00Z",
                createdBy: "tester", note: note, provenance: provenance,
                assignments: [PlannedMeal(dinerID: "D00001", canteenID: "C01", mode: .pickup)], rounds: [],
                unserved: unserved)
    }

    func testTheMigrationIsRegisteredAfterTheWelfareOne() {
        let names = AppDatabase.knownMigrations
        XCTAssertEqual(names.firstIndex(of: "v5 plan provenance"), names.firstIndex(of: "v4 welfare").map { $0 + 1 })
    }

    func testRowsStoredBeforeTheMigrationAreClassifiedFromTheirNote() throws {
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "v4 welfare")
        try queue.write { db in
            for (version, note) in [(1, "planned"), (2, "move D00012"), (3, "replan"), (4, "absent K003"), (5, "")] {
                try db.execute(sql: """
                    INSERT INTO plan (date, version, parameters, seed, time_limit_s, created_at, created_by, note)
                    VALUES ('2026-11-25', ?, '{}', 1, 1, '2026-11-24T22:00:00Z', 'batch', ?)
                    """, arguments: [version, note])
            }
        }
        try AppDatabase.migrator.migrate(queue)
        let stored = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT provenance FROM plan ORDER BY version")
        }
        XCTAssertEqual(stored, ["planned", "edited:move", "replanned", "edited:absent", "edited:"])
        XCTAssertEqual(stored.compactMap(PlanProvenance.init(storedValue:)),
                       [.planned, .edited(action: "move"), .replanned, .edited(action: "absent"), .edited(action: "")])
    }

    func testProvenanceAndUnservedReasonsSurviveTheStore() throws {
        let database = try AppDatabase.inMemory()
        try importAll(into: database)
        let cancelled = UnservedDiner(dinerID: "D00002", reason: .cancelled, detail: "hospitalized")
        let saved = try database.savePlan(plan(note: "cancel D00002", provenance: .edited(action: "cancel"), unserved: [cancelled]),
                                          note: PlanChangeNote(by: "王协调", action: "cancel", subject: "2026-11-25 D00002",
                                                               summary: "cancelled"))
        let loaded = try database.plan(date: "2026-11-25", version: .number(saved.version))
        XCTAssertEqual(loaded, saved)
        XCTAssertEqual(loaded.provenance, .edited(action: "cancel"))
        XCTAssertEqual(loaded.unserved, [cancelled])
        let code = try database.read { db in try String.fetchOne(db, sql: "SELECT reason FROM plan_unserved") }
        XCTAssertEqual(code, "cancelled", "the stored code is the one files have always held")
    }

    func testTheNewestPlannerMadeVersionIsFoundByProvenanceNotByNote() throws {
        let database = try AppDatabase.inMemory()
        try importAll(into: database)
        let note = PlanChangeNote(by: "tester", action: "plan", subject: "2026-11-25", summary: "")
        try database.savePlan(plan(note: "overnight run", provenance: .planned), note: note)
        // An edit whose note happens to read like the planner's must not count as planner-made.
        try database.savePlan(plan(note: "planned", provenance: .edited(action: "move")), note: note)
        XCTAssertEqual(try database.newestPlannerMadePlan(date: "2026-11-25")?.version, 1)
        try database.savePlan(plan(note: "re-optimised", provenance: .replanned), note: note)
        XCTAssertEqual(try database.newestPlannerMadePlan(date: "2026-11-25")?.version, 3)
    }

    func testUnservedReasonCodesAreTheDocumentedOnes() {
        XCTAssertEqual(UnservedReason.allCases.map(\.rawValue),
                       ["outside_radius", "no_diet", "canteen_full", "no_courier_capacity", "closed", "no_route", "cancelled",
                        "home_off_network"])
        XCTAssertEqual(UnservedReason.allCases.filter { !$0.isFailure }, [.cancelled])
    }
}
