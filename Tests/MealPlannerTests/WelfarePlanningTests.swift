import XCTest
import MealCore
@testable import MealPlanner

/// Planning takes open welfare alerts into account.
final class WelfarePlanningTests: XCTestCase {
    private func diner(_ id: DinerID, _ priority: Priority) throws -> Diner {
        try Diner(id: id, name: "王秀英", location: try GeoPoint(latitude: 28.2405, longitude: 117.0320), priority: priority)
    }

    func testAnOpenNoAnswerAlertRaisesPriorityOneLevelCappedAtHigh() throws {
        let diners = [try diner("D1", .normal), try diner("D2", .elevated), try diner("D3", .high), try diner("D4", .normal)]
        let raised = DailyPlanning.raisingPriority(of: diners, checkInPerson: ["D1", "D2", "D3"])
        XCTAssertEqual(raised.map(\.priority), [.elevated, .high, .high, .normal])
        XCTAssertEqual(raised.map(\.id), diners.map(\.id))
        XCTAssertEqual(DailyPlanning.raisingPriority(of: diners, checkInPerson: []), diners)
    }

    /// One meal, two diners alike: the one nobody saw yesterday gets it, whichever the planner
    /// would pick without the alert.
    func testPlanningServesTheDinerWithAnOpenNoAnswerAlertWhenMealsAreShort() throws {
        let database = try AppDatabase.inMemory()
        let canteens = """
            id,name,lat,lon,seats,sittings,kitchen_capacity
            C01,江边街道长者食堂,28.2401,117.0312,10,11:00-12:00,1
            """
        let diners = """
            id,name,lat,lon,mobility,mode
            D1,王秀英,28.2403,117.0314,independent,dine_in
            D2,李桂兰,28.2403,117.0314,independent,dine_in
            """
        _ = try RegistryImport.importBytes(Canteen.self, bytes: Array(canteens.utf8), fileName: "c.csv", into: database)
        _ = try RegistryImport.importBytes(Diner.self, bytes: Array(diners.utf8), fileName: "d.csv", into: database)
        let settings = DayPlanner.Settings(seed: 1, timeLimit: 10, createdBy: "test")
        let date = "2026-11-25"

        let before = try DailyPlanning.plan(date: date, in: database, settings: settings)
        XCTAssertEqual(before.plan.assignments.count, 1)
        let servedBefore = try XCTUnwrap(before.plan.assignments.first?.dinerID)
        let leftOut: DinerID = servedBefore == "D1" ? "D2" : "D1"

        _ = try database.recordWelfareOutcome(WelfareOutcome(date: "2026-11-24", dinerID: leftOut, status: .noAnswer,
                                                             recordedBy: "张建国"), by: "test")
        let after = try DailyPlanning.plan(date: date, in: database, settings: settings)
        XCTAssertEqual(after.plan.assignments.map(\.dinerID), [leftOut])
        let notes = try database.welfareRosterNotes(date: date)
        XCTAssertEqual(notes, [leftOut: WelfareAlerts.checkInPersonNote])
        let registry = try database.fetchAll(Diner.self)
        XCTAssertEqual(registry.map(\.priority), [.normal, .normal], "the registry keeps its priorities")
    }
}
