import XCTest
import MealCore
@testable import MealPlanner

/// Each kind of change between two versions, in the coordinators' words, and the replan's
/// change-count rule.
final class PlanDiffTests: XCTestCase {
    struct Registry {
        let diners: [DinerID: Diner]
        let couriers: [CourierID: Courier]
        let canteens: [CanteenID: Canteen]
    }

    func registry() throws -> Registry {
        let here = try GeoPoint(latitude: 28.24, longitude: 117.03)
        let shift = try MealCore.TimeWindow(parsing: "10:30-13:30")
        let canteens = [
            try Canteen(id: "C01", name: "江边街道长者食堂", location: here, seats: 40,
                        sittings: [try Sitting(parsing: "11:00-11:45"), try Sitting(parsing: "11:45-12:30")], kitchenCapacity: 120),
            try Canteen(id: "C02", name: "东湖街道长者食堂", location: here, kitchenCapacity: 80),
            try Canteen(id: "C03", name: "梅园街道长者食堂", location: here, kitchenCapacity: 80),
        ]
        let couriers = [
            try Courier(id: "K01", name: "张建国", canteenID: "C01", vehicle: .ebike, capacity: 10, shift: shift),
            try Courier(id: "K02", name: "李志华", canteenID: "C01", vehicle: .ebike, capacity: 10, shift: shift),
            try Courier(id: "K03", name: "刘国强", canteenID: "C02", vehicle: .ebike, capacity: 10, shift: shift),
        ]
        let names = ["D00012": "王秀英", "D00031": "李桂兰", "D00077": "赵德明", "D00102": "孙秀珍", "D00200": "周细妹",
                     "D00201": "陈春生", "D00202": "吴菊英", "D00203": "杨玉兰"]
        let diners = try names.map { try Diner(id: DinerID($0.key), name: $0.value, location: here) }
        return Registry(diners: Dictionary(uniqueKeysWithValues: diners.map { ($0.id, $0) }),
                        couriers: Dictionary(uniqueKeysWithValues: couriers.map { ($0.id, $0) }),
                        canteens: Dictionary(uniqueKeysWithValues: canteens.map { ($0.id, $0) }))
    }

    func plan(_ version: Int, _ meals: [PlannedMeal], unserved: [UnservedDiner] = []) -> DayPlan {
        DayPlan(date: "2026-11-25", version: version, parametersJSON: "{}", seed: 1, timeLimitSeconds: 1,
                createdAt: "2026-11-24T20:00:00Z", createdBy: "test", assignments: meals, rounds: [], unserved: unserved)
    }

    func sitting(_ text: String) throws -> MealCore.TimeWindow { try MealCore.TimeWindow(parsing: text) }

    func delivery(_ id: DinerID, _ canteen: CanteenID, _ courier: CourierID, trip: Int = 1, at time: Int) -> PlannedMeal {
        PlannedMeal(dinerID: id, canteenID: canteen, mode: .delivery, courierID: courier, trip: trip, position: 1,
                    arrivalSeconds: time)
    }

    func hm(_ h: Int, _ m: Int, _ s: Int = 0) -> Int { h * 3600 + m * 60 + s }

    func diff(_ from: DayPlan, _ to: DayPlan) throws -> PlanDiff {
        let r = try registry()
        return PlanDiff(from: from, to: to, diners: r.diners, couriers: r.couriers, canteens: r.canteens)
    }

    func testEveryKindOfChangeInOperatorsWords() throws {
        let before = plan(1, [
            delivery("D00012", "C01", "K01", at: hm(11, 20)),
            PlannedMeal(dinerID: "D00031", canteenID: "C01", mode: .dineIn, sitting: try sitting("11:00-11:45")),
            PlannedMeal(dinerID: "D00102", canteenID: "C01", mode: .pickup),
            PlannedMeal(dinerID: "D00200", canteenID: "C01", mode: .dineIn, sitting: try sitting("11:00-11:45")),
            delivery("D00201", "C01", "K01", at: hm(11, 40)),
            delivery("D00202", "C01", "K02", at: hm(11, 5)),
            PlannedMeal(dinerID: "D00203", canteenID: "C03", mode: .pickup),
        ], unserved: [UnservedDiner(dinerID: "D00077", reason: .canteenFull, detail: "every canteen in the circle is full")])
        let after = plan(2, [
            delivery("D00012", "C01", "K02", at: hm(11, 35)),
            delivery("D00031", "C02", "K03", at: hm(12, 2, 40)),
            PlannedMeal(dinerID: "D00077", canteenID: "C03", mode: .pickup),
            PlannedMeal(dinerID: "D00200", canteenID: "C01", mode: .dineIn, sitting: try sitting("11:45-12:30")),
            delivery("D00201", "C01", "K01", at: hm(11, 40, 20)),
            delivery("D00202", "C01", "K02", trip: 2, at: hm(11, 21)),
        ], unserved: [UnservedDiner(dinerID: "D00102", reason: .cancelled, detail: "hospitalized"),
                      UnservedDiner(dinerID: "D00203", reason: .noCourierCapacity, detail: "K02's rounds are full")])
        let lines = try diff(before, after).changes.map(\.description)
        XCTAssertEqual(lines, [
            "王秀英 (D00012): courier 张建国 → 李志华, arrival 11:20 → 11:35",
            "李桂兰 (D00031): canteen 江边街道长者食堂 → 东湖街道长者食堂, dine-in 11:00-11:45 → delivery, courier 刘国强, arrival 12:03",
            "赵德明 (D00077): added (pickup at 梅园街道长者食堂; was unserved: canteen_full)",
            "孙秀珍 (D00102): cancelled (hospitalized)",
            "周细妹 (D00200): sitting 11:00-11:45 → 11:45-12:30",
            "吴菊英 (D00202): trip 1 → 2, arrival 11:05 → 11:21",
            "杨玉兰 (D00203): unserved (no_courier_capacity: K02's rounds are full)",
        ], "陈春生's 20 seconds are not a change an operator hears about")
    }

    func testKindsAndTheReplanCountingRule() throws {
        let before = plan(1, [
            delivery("D00012", "C01", "K01", at: hm(11, 20)),
            delivery("D00031", "C01", "K01", at: hm(11, 20)),
            delivery("D00077", "C01", "K01", at: hm(11, 20)),
            PlannedMeal(dinerID: "D00102", canteenID: "C01", mode: .dineIn, sitting: try sitting("11:00-11:45")),
            PlannedMeal(dinerID: "D00200", canteenID: "C01", mode: .pickup),
            PlannedMeal(dinerID: "D00201", canteenID: "C01", mode: .pickup),
        ])
        let after = plan(2, [
            delivery("D00012", "C01", "K01", at: hm(11, 35)),        // exactly 15 min: not counted
            delivery("D00031", "C01", "K01", at: hm(11, 35, 1)),     // one second more: counted
            delivery("D00077", "C01", "K02", at: hm(11, 20)),        // courier: counted
            PlannedMeal(dinerID: "D00102", canteenID: "C01", mode: .dineIn, sitting: try sitting("11:45-12:30")),  // sitting: not counted
            PlannedMeal(dinerID: "D00200", canteenID: "C02", mode: .pickup),  // canteen: counted
            PlannedMeal(dinerID: "D00203", canteenID: "C01", mode: .pickup),  // added: counted
        ], unserved: [UnservedDiner(dinerID: "D00201", reason: .cancelled, detail: "hospitalized")])  // removed: counted
        XCTAssertEqual(PlanDiff.changedDiners(from: before, to: after), ["D00031", "D00077", "D00200", "D00201", "D00203"])
        XCTAssertEqual(PlanDiff.changedDiners(from: after, to: before), ["D00031", "D00077", "D00200", "D00201", "D00203"])
        XCTAssertEqual(PlanDiff.changedDiners(from: before, to: before), [])

        let changes = try diff(before, after).changes
        XCTAssertEqual(changes.map(\.dinerID), ["D00012", "D00031", "D00077", "D00102", "D00200", "D00201", "D00203"])
        XCTAssertEqual(Set(changes.filter(\.counted).map(\.dinerID)), PlanDiff.changedDiners(from: before, to: after))
        XCTAssertEqual(changes.map(\.kind), [.changed, .changed, .changed, .changed, .changed, .removed, .added])

        let modeOnly = plan(3, [PlannedMeal(dinerID: "D00012", canteenID: "C01", mode: .pickup)])
        let modeBefore = plan(2, [PlannedMeal(dinerID: "D00012", canteenID: "C01", mode: .dineIn, sitting: try sitting("11:00-11:45"))])
        XCTAssertEqual(PlanDiff.changedDiners(from: modeBefore, to: modeOnly), ["D00012"])
        XCTAssertEqual(try diff(modeBefore, modeOnly).changes.map(\.description), ["王秀英 (D00012): dine-in 11:00-11:45 → pickup"])
    }

    func testAddedDeliveryAndUnknownIDsFallBackToIDs() throws {
        let before = plan(1, [])
        let after = plan(2, [delivery("D00012", "C01", "K01", at: hm(11, 20, 40)), PlannedMeal(dinerID: "D09999", canteenID: "C99", mode: .pickup)])
        XCTAssertEqual(try diff(before, after).changes.map(\.description), [
            "王秀英 (D00012): added (delivery from 江边街道长者食堂 by 张建国 at 11:21)",
            "D09999 (D09999): added (pickup at C99)",
        ])
    }

    func testWhoMustBeToldAndTheFilters() throws {
        let before = plan(1, [
            delivery("D00012", "C01", "K01", at: hm(11, 20)),
            delivery("D00031", "C01", "K01", at: hm(11, 20)),
            delivery("D00077", "C01", "K01", at: hm(11, 20)),
            PlannedMeal(dinerID: "D00102", canteenID: "C01", mode: .dineIn, sitting: try sitting("11:00-11:45")),
            PlannedMeal(dinerID: "D00200", canteenID: "C01", mode: .pickup),
            PlannedMeal(dinerID: "D00201", canteenID: "C01", mode: .pickup),
            PlannedMeal(dinerID: "D00202", canteenID: "C01", mode: .pickup),
        ])
        var locked = PlannedMeal(dinerID: "D00202", canteenID: "C01", mode: .pickup)
        locked.locked = true
        let after = plan(2, [
            delivery("D00012", "C01", "K01", at: hm(11, 35)),        // exactly 15 min: tell
            delivery("D00031", "C01", "K01", at: hm(11, 34, 59)),    // under 15 min: shown, not told
            delivery("D00077", "C01", "K02", at: hm(11, 20)),        // another courier: tell
            PlannedMeal(dinerID: "D00102", canteenID: "C01", mode: .dineIn, sitting: try sitting("11:45-12:30")),  // sitting: tell
            PlannedMeal(dinerID: "D00200", canteenID: "C02", mode: .pickup),  // canteen: tell
            locked,                                                   // a lock: nothing to call about
            PlannedMeal(dinerID: "D00203", canteenID: "C03", mode: .pickup),  // added: tell
        ], unserved: [UnservedDiner(dinerID: "D00201", reason: .cancelled, detail: "hospitalized")])  // cancelled: they know
        let changes = try diff(before, after).changes
        XCTAssertEqual(changes.filter(\.mustTell).map(\.dinerID), ["D00012", "D00077", "D00102", "D00200", "D00203"])
        XCTAssertEqual(changes.filter { $0.involves(courier: "K02") }.map(\.dinerID), ["D00077"])
        XCTAssertEqual(changes.filter { $0.involves(canteen: "C02") }.map(\.dinerID), ["D00200"])
        XCTAssertEqual(changes.filter { $0.involves(canteen: "C03") }.map(\.dinerID), ["D00203"])

        let unplaced = plan(3, [], unserved: [UnservedDiner(dinerID: "D00012", reason: .noCourierCapacity, detail: "full")])
        XCTAssertEqual(try diff(after, unplaced).changes.first { $0.dinerID == "D00012" }?.mustTell, true,
                       "a diner who lost their meal to the planner must hear it")
    }

    func testTheCallListShowsOnlyTheNumbersToCall() throws {
        let here = try GeoPoint(latitude: 28.24, longitude: 117.03)
        let diners: [DinerID: Diner] = [
            "D00012": try Diner(id: "D00012", name: "王秀英", location: here, phone: "13612340001"),
            "D00031": try Diner(id: "D00031", name: "李桂兰", location: here, phone: "13812345678"),
        ]
        let before = plan(1, [delivery("D00012", "C01", "K01", at: hm(11, 20)), delivery("D00031", "C01", "K01", at: hm(11, 20))])
        let after = plan(2, [delivery("D00012", "C01", "K02", at: hm(11, 20)), delivery("D00031", "C01", "K01", at: hm(11, 25))])
        let report = PlanDiffReport(date: "2026-11-25", fromVersion: 1, toVersion: 2, changes: try diff(before, after).changes,
                                    diners: diners)
        XCTAssertEqual(report.changes.map(report.line), [
            "TELL 王秀英 (D00012): courier 张建国 → 李志华 — tel 13612340001",
            "     李桂兰 (D00031): arrival 11:20 → 11:25",
        ])
        let csv = report.csv().split(separator: "\n").map(String.init)
        XCTAssertEqual(csv.first, PlanDiffReport.csvHeader.joined(separator: ","))
        XCTAssertTrue(csv[1].hasPrefix("D00012,王秀英,yes,13612340001,changed,yes,C01,C01,K01,K02,"), csv[1])
        XCTAssertTrue(csv[2].hasPrefix("D00031,李桂兰,no,,changed,no,"), csv[2])
        XCTAssertFalse(try report.json().contains("13812345678"))
    }
}
