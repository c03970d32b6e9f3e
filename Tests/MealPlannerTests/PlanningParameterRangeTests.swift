import XCTest
@testable import MealCore
@testable import MealPlanner

/// Every planning parameter has a documented range (docs/planning.md); a parameters file or a
/// stored plan with an unknown key or a value outside its range is refused naming the key.
final class PlanningParameterRangeTests: XCTestCase {
    private func refusedKey(_ json: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        do {
            _ = try PlanningParameters.reading(json: Data(json.utf8))
        } catch let error as DomainError {
            return error.field
        } catch {
            XCTFail("not a domain error: \(error)", file: file, line: line)
            return nil
        }
        XCTFail("\(json) should have been refused", file: file, line: line)
        return nil
    }

    func testUnknownKeysAreRefusedNamingTheKey() {
        XCTAssertEqual(refusedKey(#"{"servce_s": 60}"#), "servce_s")
        XCTAssertEqual(refusedKey(#"{"walk_speed": {"crawling": 0.2}}"#), "walk_speed.crawling")
        XCTAssertEqual(refusedKey(#"{"courier_speed": {"rocket": 300}}"#), "courier_speed.rocket")
        XCTAssertEqual(refusedKey(#"[1, 2]"#), "parameters")
    }

    func testNegativeAndAbsurdValuesAreRefusedNamingTheKey() {
        XCTAssertEqual(refusedKey(#"{"service_s": -5}"#), "service_s")
        XCTAssertEqual(refusedKey(#"{"trip_leg_s": 9223372036854775807}"#), "trip_leg_s")
        XCTAssertEqual(refusedKey(#"{"stop_gap_s": 1e300}"#), "stop_gap_s")
        XCTAssertEqual(refusedKey(#"{"max_in_box_s": 0}"#), "max_in_box_s")
        XCTAssertEqual(refusedKey(#"{"radius_s": -900}"#), "radius_s")
        XCTAssertEqual(refusedKey(#"{"ready_s": 86401}"#), "ready_s")
        XCTAssertEqual(refusedKey(#"{"default_window_start_s": -1}"#), "default_window_start_s")
        XCTAssertEqual(refusedKey(#"{"default_window_end_s": 100000}"#), "default_window_end_s")
        XCTAssertEqual(refusedKey(#"{"circuity": 0.5}"#), "circuity")
        XCTAssertEqual(refusedKey(#"{"walk_speed": {"walker": -1}}"#), "walk_speed.walker")
        XCTAssertEqual(refusedKey(#"{"courier_speed": {"car": 1e9}}"#), "courier_speed.car")
        XCTAssertEqual(refusedKey(#"{"service_s": "two minutes"}"#), "service_s")
    }

    func testTheMessageSaysTheRange() throws {
        XCTAssertThrowsError(try PlanningParameters.reading(json: Data(#"{"service_s": -5}"#.utf8))) { error in
            XCTAssertEqual("\(error)", "service_s: must be a whole number of seconds from 0 to 1800 (got '-5')")
        }
    }

    func testValuesAtTheEdgesAreAccepted() throws {
        let low = try PlanningParameters.reading(json: Data("""
            {"circuity": 1, "radius_s": 60, "walk_speed": {"independent": 0.1, "walker": 0.1, "wheelchair": 0.1},
             "courier_speed": {"walk": 0.5, "bicycle": 0.5, "ebike": 0.5, "tricycle": 0.5, "car": 0.5},
             "service_s": 0, "max_in_box_s": 60, "ready_s": 0, "default_window_start_s": 0,
             "default_window_end_s": 1, "trip_leg_s": 0, "stop_gap_s": 0}
            """.utf8))
        XCTAssertEqual(low.serviceSeconds, 0)
        let high = try PlanningParameters.reading(json: Data("""
            {"circuity": 5, "radius_s": 3600, "walk_speed": {"independent": 3, "walker": 3, "wheelchair": 3},
             "courier_speed": {"walk": 40, "bicycle": 40, "ebike": 40, "tricycle": 40, "car": 40},
             "service_s": 1800, "max_in_box_s": 7200, "ready_s": 86400, "default_window_start_s": 86399,
             "default_window_end_s": 86400, "trip_leg_s": 3600, "stop_gap_s": 3600}
            """.utf8))
        XCTAssertEqual(high.tripLegSeconds, 3600)
        XCTAssertEqual(try PlanningParameters.reading(json: Data("{}".utf8)), .standard)
    }

    /// Editing and checking a stored version read its parameters the same way: a version whose
    /// stored figures are out of range is refused by both, not planned against the defaults.
    func testEditingAndCheckingReadStoredParametersAlike() throws {
        var plan = DayPlan(date: "2026-11-25", version: 3, parametersJSON: #"{"service_s": -5}"#, seed: 1, timeLimitSeconds: 300,
                           createdAt: "", createdBy: "test", assignments: [], rounds: [], unserved: [])
        let stored = PlanForEditing(latest: plan, base: nil, registry: Registry(canteens: [], couriers: [], diners: []),
                                    exceptions: DayExceptions(), checkInPerson: [])
        XCTAssertThrowsError(try PlanChecker.parameters(of: plan)) { error in
            XCTAssertEqual((error as? DomainError)?.field, "parameters")
            XCTAssertTrue("\(error)".contains("service_s"), "\(error)")
        }
        XCTAssertThrowsError(try PlanEditing.context(stored)) { error in
            XCTAssertEqual((error as? DomainError)?.field, "parameters")
            XCTAssertTrue("\(error)".contains("service_s"), "\(error)")
        }
        plan.parametersJSON = #"{"service_s": 90}"#
        XCTAssertEqual(try PlanChecker.parameters(of: plan).serviceSeconds, 90)
        XCTAssertEqual(try PlanEditing.context(PlanForEditing(latest: plan, base: nil, registry: stored.registry,
                                                              exceptions: DayExceptions(), checkInPerson: [])).parameters.serviceSeconds, 90)
    }
}
