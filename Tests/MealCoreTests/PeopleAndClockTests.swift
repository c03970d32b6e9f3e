import Foundation
@testable import MealCore
import XCTest

/// The district clock (`DistrictTime`) and finding people by what coordinators type (`PersonLookup`).
final class PeopleAndClockTests: XCTestCase {
    func testAStoredUTCTimestampReadsInTheDistrictsLocalTime() throws {
        XCTAssertEqual(DistrictTime.standard.shown(stored: "2026-12-01T23:30:00Z"), "2026-12-02 07:30")
        XCTAssertEqual(try DistrictTime(zone: "UTC").shown(stored: "2026-12-01T23:30:00Z"), "2026-12-01 23:30")
        XCTAssertEqual(try DistrictTime(zone: "Asia/Urumqi").shown(stored: "2026-12-01T23:30:00Z"), "2026-12-02 05:30")
        XCTAssertEqual(DistrictTime.standard.shown(stored: "not a time"), "not a time", "odd rows are shown, not hidden")
        XCTAssertEqual(DistrictTime.standard.offset(at: Date()), "+08:00")
    }

    func testAConflictReportListsTheChangesMeanwhileOnTheDistrictClock() {
        let entry = ChangeLog.Entry(at: "2026-12-01T23:30:00Z", by: "王主任", action: "move", subject: "2026-12-02 D1",
                                    detail: "version 3: moved")
        XCTAssertEqual(entry.line(on: .standard), "2026-12-02 07:30 王主任: move — version 3: moved")
    }

    func testAMistypedZoneIsRefusedRatherThanTakenForUTC() {
        for zone in ["Asia/Shangai", "", "+08:00", "CST8"] {
            XCTAssertThrowsError(try DistrictTime(zone: zone), zone)
        }
    }

    func testTheDistrictsDayAndNextWeekdayFollowLocalTime() throws {
        // Friday 2026-12-04 20:00 UTC is already Saturday 04:00 in Shanghai: the next weekday is Monday.
        let fridayEvening = try XCTUnwrap(DistrictTime.instant(stored: "2026-12-04T20:00:00Z"))
        XCTAssertEqual(try DistrictTime.standard.day(at: fridayEvening).description, "2026-12-05")
        XCTAssertEqual(try DistrictTime.standard.nextWeekday(after: fridayEvening).description, "2026-12-07")
        XCTAssertEqual(try DistrictTime(zone: "UTC").nextWeekday(after: fridayEvening).description, "2026-12-07")
        let thursdayEvening = try XCTUnwrap(DistrictTime.instant(stored: "2026-12-03T17:00:00Z"))
        XCTAssertEqual(try DistrictTime.standard.nextWeekday(after: thursdayEvening).description, "2026-12-07",
                       "Thursday 17:00 UTC is Friday in Shanghai")
        XCTAssertEqual(try DistrictTime(zone: "UTC").nextWeekday(after: thursdayEvening).description, "2026-12-04")
    }

    func testTheSettingStartsAtShanghaiAndIsLogged() throws {
        let store = try AppDatabase.inMemory()
        XCTAssertEqual(try store.districtTime().identifier, "Asia/Shanghai")
        try store.setDistrictTime(try DistrictTime(zone: "Asia/Urumqi"), by: "it")
        XCTAssertEqual(try store.districtTime().identifier, "Asia/Urumqi")
    }

    // MARK: - people

    private func lookup(plan: DayPlan? = nil) throws -> PersonLookup {
        let here = try GeoPoint(latitude: 28.24, longitude: 117.03)
        let shift = try TimeWindow(parsing: "10:30-13:30")
        let canteens = [try Canteen(id: "C1", name: "江边长者食堂", community: "江边街道", location: here, kitchenCapacity: 10)]
        let couriers = [try Courier(id: "K1", name: "张建国", canteenID: "C1", vehicle: .ebike, capacity: 8, shift: shift,
                                    phone: "13912340001")]
        let diners = [
            try Diner(id: "D1", name: "王秀英", community: "江边街道", location: here, phone: "13612340001"),
            try Diner(id: "D4", name: "王秀英", community: "梅园街道", location: here, phone: "13700004321"),
            try Diner(id: "D7", name: "王秀", community: "梅园街道", location: here, phone: "05718765432;13800001234"),
            // A diner whose name is another diner's id: the id still wins.
            try Diner(id: "D9", name: "D1", location: here),
        ]
        return PersonLookup(registry: Registry(canteens: canteens, couriers: couriers, diners: diners), plan: plan)
    }

    func testAnExactIdAlwaysWins() throws {
        XCTAssertEqual(try lookup().diner("D1"), "D1")
        XCTAssertEqual(try lookup().diner("D4"), "D4")
    }

    func testAnExactNameBeatsAPartOfOne() throws {
        XCTAssertEqual(try lookup().diner("王秀"), "D7", "王秀 is one diner's whole name and part of two others'")
    }

    func testSeveralMatchesListTheCandidatesMasked() throws {
        let plan = DayPlan(date: "2026-11-25", version: 1, parametersJSON: "{}", seed: 1, timeLimitSeconds: 1,
                           createdAt: "2026-11-24T20:00:00Z", createdBy: "t",
                           assignments: [PlannedMeal(dinerID: "D1", canteenID: "C1", mode: .dineIn)], rounds: [],
                           unserved: [UnservedDiner(dinerID: "D4", reason: .outsideRadius, detail: "")])
        XCTAssertThrowsError(try lookup(plan: plan).diner("王秀英")) { error in
            guard case PersonLookup.Failure.ambiguous(.diner, "王秀英", let candidates) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(candidates.map(\.id), ["D1", "D4"])
            XCTAssertEqual(candidates.map(\.phone), ["136****0001", "137****4321"])
            XCTAssertEqual(candidates.map(\.canteenToday), ["江边长者食堂 (C1), dine_in", "unserved: outside_radius"])
            XCTAssertTrue("\(error)".contains("2 diners match '王秀英'; name one by its id"), "\(error)")
        }
    }

    func testTheLastFourDigitsOfAnyOfThePhonesFindThePerson() throws {
        XCTAssertEqual(try lookup().diner("4321"), "D4")
        XCTAssertEqual(try lookup().diner("１２３４"), "D7", "full-width digits, second number of the cell")
        XCTAssertEqual(try lookup().courier("0001"), "K1", "a courier option looks among couriers only")
        XCTAssertEqual(try lookup().diner("0001"), "D1", "a diner argument looks among diners only")
        XCTAssertThrowsError(try lookup().diner("无此人")) { error in
            XCTAssertEqual(error as? PersonLookup.Failure, .noMatch(kind: .diner, text: "无此人"))
        }
    }

    func testFindListsDinersThenCouriers() throws {
        XCTAssertEqual(try lookup().find("王").map(\.id), ["D1", "D4", "D7"])
        XCTAssertEqual(try lookup().find("0001").map(\.id), ["D1", "K1"])
        XCTAssertEqual(try lookup().find("张建国").map(\.kind), [.courier])
        XCTAssertEqual(try lookup().find("张建国").first?.community, "江边街道", "a courier's community is their canteen's")
    }
}
