import XCTest
import MealCore
@testable import MealPlanner

/// The bundled district planned once per test run (seed 1, 2026-11-25, a Wednesday), shared by
/// the tests that only read it. The search stops on its work budget, so the plan is the same on
/// any machine and in debug builds.
enum PlannedDistrict {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/yuehu").path
    static let settings = DayPlanner.Settings(seed: 1, createdBy: "test")

    static func loadedDistrict() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        _ = try BundledData.load(from: fixtures, into: database, by: "test")
        return database
    }

    struct Planned: Sendable {
        let database: AppDatabase
        let result: DailyPlanning.Result
        let canteens: [Canteen]
        let couriers: [Courier]
        let diners: [Diner]
    }

    static let wednesday: Result<Planned, Error> = Result {
        let database = try loadedDistrict()
        let result = try DailyPlanning.plan(date: "2026-11-25", in: database, settings: settings)
        let registry = try database.registry()
        return Planned(database: database, result: result, canteens: registry.canteens, couriers: registry.couriers,
                       diners: registry.diners)
    }
}

/// Checks the planned district with `PlanVerifier`, which shares no code with the planner.
final class DailyPlanTests: XCTestCase {
    func testBundledDistrictPlanKeepsEveryHardRule() throws {
        let planned = try PlannedDistrict.wednesday.get()
        let stored = try planned.database.plan(date: "2026-11-25", version: .number(1))
        XCTAssertEqual(stored, planned.result.plan, "what is stored is what was planned")
        let problems = PlanVerifier.violations(stored, canteens: planned.canteens, couriers: planned.couriers,
                                               diners: planned.diners, isoWeekday: 3)
        XCTAssertEqual(problems, [], problems.prefix(20).joined(separator: "\n"))
        XCTAssertGreaterThan(stored.assignments.count, 1_600)
        XCTAssertGreaterThan(stored.rounds.flatMap(\.trips).count, 40)
        XCTAssertTrue(stored.rounds.contains { $0.trips.count > 1 }, "couriers go out more than once")
        for entry in stored.unserved {
            XCTAssertTrue(["outside_radius", "no_diet", "canteen_full", "no_courier_capacity", "closed"].contains(entry.reason.rawValue))
        }
    }

    func testSamePlanForSameSeedAndContinuityOnTheNextDay() throws {
        let planned = try PlannedDistrict.wednesday.get()
        let database = try PlannedDistrict.loadedDistrict()
        let again = try DailyPlanning.plan(date: "2026-11-25", in: database, settings: PlannedDistrict.settings).plan
        XCTAssertEqual(again.assignments, planned.result.plan.assignments)
        XCTAssertEqual(again.rounds, planned.result.plan.rounds)

        let thursday = try DailyPlanning.plan(date: "2026-11-26", in: database, settings: PlannedDistrict.settings)
        XCTAssertGreaterThan(thursday.summary.deliveryWithHistory, 300)
        XCTAssertGreaterThan(Double(thursday.summary.keptCourier) / Double(thursday.summary.deliveryWithHistory), 0.8,
                             thursday.summary.text())
        XCTAssertEqual(thursday.summary.canteenChanged, 0, thursday.summary.text())
    }
}
