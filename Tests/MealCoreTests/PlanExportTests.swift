import XCTest
@testable import MealCore

/// The plan export keeps the field names of docs/plan-format.md and reads back as it was written.
final class PlanExportTests: XCTestCase {
    func samplePlan() throws -> DayPlan {
        DayPlan(date: "2026-11-25", version: 2, status: .published, parametersJSON: #"{"circuity":1.3,"radius_s":900}"#,
                seed: 1, timeLimitSeconds: 2, createdAt: "2026-11-24T22:10:03Z", createdBy: "batch",
                assignments: [
                    PlannedMeal(dinerID: "D00001", canteenID: "C12", mode: .dineIn, sitting: try TimeWindow(parsing: "11:00-11:45")),
                    PlannedMeal(dinerID: "D00002", canteenID: "C10", mode: .pickup, locked: true),
                    PlannedMeal(dinerID: "D00003", canteenID: "C10", mode: .delivery, courierID: "K017", trip: 1, position: 1,
                                arrivalSeconds: 40_260),
                ],
                rounds: [CourierRound(courierID: "K017", canteenID: "C10", trips: [
                    .init(departSeconds: 39_480, returnSeconds: 41_700, stops: [("D00003", 40_260)]),
                ])],
                unserved: [UnservedDiner(dinerID: "D00004", reason: .outsideRadius, detail: "nearest canteen \"夏埠\" is 19 min away"),
                           UnservedDiner(dinerID: "D00005", reason: .cancelled, detail: "hospitalized")])
    }

    func testTheExportReadsBackAsTheDocumentItWasWrittenFrom() throws {
        let plan = try samplePlan()
        let text = try PlanExport.json(plan)
        let decoded = try JSONDecoder().decode(PlanExport.Document.self, from: Data(text.utf8))
        XCTAssertEqual(decoded, try PlanExport.document(plan))
        XCTAssertEqual(decoded.parameters, .object(["circuity": .number(1.3), "radius_s": .integer(900)]))
        XCTAssertEqual(decoded.unserved.map(\.reason), [.outsideRadius, .cancelled])
    }

    func testFieldNamesAreThoseOfThePlanFormat() throws {
        let text = try PlanExport.json(samplePlan())
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["date", "service", "version", "status", "created_at", "created_by", "seed",
                                          "time_limit_s", "parameters", "assignments", "routes", "unserved"])
        let assignments = try XCTUnwrap(object["assignments"] as? [[String: Any]])
        XCTAssertEqual(assignments.map { Set($0.keys) }, [["diner", "canteen", "mode", "sitting"], ["diner", "canteen", "mode", "locked"],
                                                           ["diner", "canteen", "mode", "courier", "arrive_s"]])
        XCTAssertEqual(assignments.map { $0["mode"] as? String }, ["dine_in", "pickup", "delivery"])
        XCTAssertEqual(assignments[0]["sitting"] as? String, "11:00-11:45")
        let route = try XCTUnwrap((object["routes"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(route.keys), ["courier", "canteen", "trips"])
        let trip = try XCTUnwrap((route["trips"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(trip.keys), ["depart_s", "return_s", "stops"])
        XCTAssertEqual((trip["stops"] as? [[String: Any]])?.first.map { Set($0.keys) }, ["diner", "arrive_s"])
        let unserved = try XCTUnwrap(object["unserved"] as? [[String: Any]])
        XCTAssertEqual(unserved.map { $0["reason"] as? String }, ["outside_radius", "cancelled"])
        XCTAssertEqual(Set(unserved[0].keys), ["diner", "reason", "detail"])
        XCTAssertTrue(text.hasPrefix("{\n") && text.hasSuffix("}\n"), "pretty-printed, one value per line")
    }
}
