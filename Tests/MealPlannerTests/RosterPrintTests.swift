import Foundation
import XCTest
import MealCore
@testable import MealPlanner

/// What an operator pins on the wall: the HTML roster of the bundled district's largest canteen,
/// checked for the structure that makes it print well (the browser itself is driven by
/// `RosterBrowserPrintTests`), and the folder of pages `roster --all` writes.
final class RosterPrintTests: XCTestCase {
    func planned() throws -> (plan: DayPlan, canteens: [Canteen], couriers: [Courier], diners: [Diner]) {
        let planned = try PlannedDistrict.wednesday.get()
        return (planned.result.plan, planned.canteens, planned.couriers, planned.diners)
    }

    func rosterOfC01() throws -> CanteenRoster {
        let p = try planned()
        return CanteenRoster(plan: p.plan, canteen: p.canteens.first { $0.id == "C01" }!,
                             diners: Dictionary(uniqueKeysWithValues: p.diners.map { ($0.id, $0) }),
                             couriers: Dictionary(uniqueKeysWithValues: p.couriers.map { ($0.id, $0) }))
    }

    /// The defect: headers did not repeat, the kitchen count came last, there was nowhere to
    /// tick attendance or a delivery's result, and a long sitting was pushed off page 1.
    func testRosterHTMLStartsWithTheKitchenSheetAndRepeatsHeadersAndFooters() throws {
        let roster = try rosterOfC01()
        let html = RosterFormatter.html(roster)
        let firstTable = try XCTUnwrap(html.range(of: "<table"))
        let kitchen = try XCTUnwrap(html.range(of: "厨房"), "the kitchen sheet")
        let firstSitting = try XCTUnwrap(html.range(of: "<th class=\"caption\" colspan=\"6\">堂食 "), "the first sitting")
        XCTAssertLessThan(kitchen.lowerBound, firstSitting.lowerBound, "the kitchen sheet comes first")
        XCTAssertLessThan(kitchen.lowerBound, firstTable.lowerBound)
        let beforeFirstTable = String(html[..<firstTable.lowerBound])
        let body = try XCTUnwrap(beforeFirstTable.range(of: "<body>"))
        XCTAssertFalse(beforeFirstTable[body.upperBound...].contains("break"), "no forced break before the first table")
        XCTAssertFalse(html.contains("page-break-inside: avoid; }") && html.contains("section.sitting"),
                       "a whole sitting kept on one page pushes a long one to page 2, leaving page 1 blank")

        let tables = html.components(separatedBy: "<table").count - 1
        XCTAssertGreaterThan(tables, 3)
        XCTAssertEqual(html.components(separatedBy: "<thead>").count - 1, tables, "every table has a header row that repeats")
        XCTAssertTrue(html.contains("thead { display: table-header-group; }"))
        XCTAssertTrue(html.contains("counter(page)") && html.contains("counter(pages)"), "page N of M on every page")
        XCTAssertTrue(html.contains("@bottom-left") && html.contains("C01") && html.contains(roster.date), "canteen and date on every page")
        XCTAssertTrue(html.contains("<th class=\"tick\">签到</th>"), "a column to tick attendance")
        XCTAssertTrue(html.contains("已送达") && html.contains("无人应答") && html.contains("拒收") && html.contains("住院"),
                      "a column for the delivery result")
        XCTAssertTrue(html.contains("white-space: nowrap"), "names never wrap mid-word")
        XCTAssertFalse(html.contains("http://") || html.contains("https://") || html.contains("@font-face"), "no web fonts")
        XCTAssertTrue(html.contains("\"WenQuanYi Micro Hei\""))

        // The kitchen sheet: totals per diet and combination, a total row, allergies by name, loads.
        let sheet = String(html[..<firstSitting.lowerBound])
        XCTAssertTrue(sheet.contains("<tfoot>") && sheet.contains("合计 \(roster.totalMeals)") || sheet.contains(">\(roster.totalMeals)</td></tr></tfoot>"),
                      "a total row")
        for total in roster.dietTotals { XCTAssertTrue(sheet.contains(total.label), total.label) }
        let allergic = (roster.sittings.flatMap(\.diners) + roster.pickups + roster.trips.flatMap { $0.stops.map(\.diner) })
            .filter { !$0.allergies.isEmpty }
        XCTAssertFalse(allergic.isEmpty)
        for line in allergic { XCTAssertTrue(sheet.contains(RosterFormatter.escapeHTMLText(line.name)), line.name) }
        for trip in roster.trips { XCTAssertTrue(sheet.contains(RosterFormatter.escapeHTMLText(trip.courierName)), "what each courier loads") }
    }

    /// The defect: `--all` into a folder of an earlier run left that run's pages beside the new ones.
    func testWritingAllAgainRemovesItsOwnStalePagesAndKeepsOtherFiles() throws {
        let p = try planned()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rosters-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try RosterBook.write(plan: p.plan, canteens: p.canteens, couriers: p.couriers, diners: p.diners, to: folder, overwrite: false)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/C02.html"))
        try Data("mine".utf8).write(to: URL(fileURLWithPath: folder + "/notes.html"))
        let fewer = p.canteens.filter { $0.id != "C02" }
        try RosterBook.write(plan: p.plan, canteens: fewer, couriers: p.couriers, diners: p.diners, to: folder, overwrite: true)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/C02.html"), "a page of the earlier run is gone")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/C01.html"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/notes.html"), "a file the tool did not write stays")
    }

    /// The defect: a canteen closed for the date got no page, so yesterday's roster stayed up.
    func testAClosedCanteenGetsAClosedTodayPageSayingWhereItsDinersWent() throws {
        let p = try planned()
        let closed = try XCTUnwrap(p.canteens.first { $0.id == "C02" })
        var plan = p.plan
        plan.assignments.removeAll { $0.canteenID == closed.id }
        plan.rounds.removeAll { $0.canteenID == closed.id }
        let regulars = p.diners.filter { $0.preferredCanteenID == closed.id }.map(\.id)
        let moved = try XCTUnwrap(p.plan.assignments.first { regulars.contains($0.dinerID) && $0.canteenID == closed.id })
        plan.assignments.append(PlannedMeal(dinerID: moved.dinerID, canteenID: "C01", mode: .pickup))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rosters-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try RosterBook.write(plan: plan, canteens: p.canteens, couriers: p.couriers, diners: p.diners, to: folder, overwrite: false,
                             closedCanteens: [closed.id])
        let page = try String(contentsOfFile: folder + "/C02.html", encoding: .utf8)
        XCTAssertTrue(page.contains("今日停业"), page)
        let name = try XCTUnwrap(p.diners.first { $0.id == moved.dinerID }).name
        let c01 = try XCTUnwrap(p.canteens.first { $0.id == "C01" }).name
        XCTAssertTrue(page.contains(name) && page.contains(c01), "where the canteen's diners went:\n\(page)")
        let index = try String(contentsOfFile: folder + "/index.html", encoding: .utf8)
        XCTAssertTrue(index.contains("C02.html") && index.contains("停业"), index)
    }
}
