import XCTest
import MealCore
@testable import MealPlanner

/// Plans the bundled district and checks the result with `PlanVerifier`, which shares no code
/// with the planner.
final class DailyPlanTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/yuehu").path

    func loadedDistrict() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        _ = try BundledData.load(from: Self.fixtures, into: database, by: "test")
        return database
    }

    func testBundledDistrictPlanKeepsEveryHardRule() throws {
        let database = try loadedDistrict()
        let settings = DayPlanner.Settings(seed: 1, timeLimit: 2, createdBy: "test")
        let result = try DailyPlanning.plan(date: "2026-11-25", in: database, settings: settings)
        let (canteens, couriers, diners) = try database.writer.read { db in
            (try Canteen.fetchAll(db), try Courier.fetchAll(db), try Diner.fetchAll(db))
        }
        let stored = try database.writer.read { try PlanStore.load(date: "2026-11-25", $0) }
        XCTAssertEqual(stored, result.plan, "what is stored is what was planned")
        let problems = PlanVerifier.violations(stored, canteens: canteens, couriers: couriers, diners: diners, isoWeekday: 3)
        XCTAssertEqual(problems, [], problems.prefix(20).joined(separator: "\n"))
        XCTAssertGreaterThan(stored.assignments.count, 1_600)
        XCTAssertGreaterThan(stored.rounds.flatMap(\.trips).count, 40)
        XCTAssertTrue(stored.rounds.contains { $0.trips.count > 1 }, "couriers go out more than once")
    }

    func testSamePlanForSameSeedAndContinuityOnTheNextDay() throws {
        let database = try loadedDistrict()
        let settings = DayPlanner.Settings(seed: 7, timeLimit: 2, createdBy: "test")
        let first = try DailyPlanning.plan(date: "2026-11-25", in: database, settings: settings).plan
        let second = try DailyPlanning.plan(date: "2026-11-25", in: database, settings: settings).plan
        XCTAssertEqual(first.assignments, second.assignments)
        XCTAssertEqual(first.rounds, second.rounds)
        XCTAssertEqual(second.version, 2)

        let thursday = try DailyPlanning.plan(date: "2026-11-26", in: database, settings: settings)
        XCTAssertGreaterThan(thursday.summary.deliveryWithHistory, 300)
        XCTAssertGreaterThan(Double(thursday.summary.keptCourier) / Double(thursday.summary.deliveryWithHistory), 0.8,
                             thursday.summary.text())
    }
}
