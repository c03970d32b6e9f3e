import Foundation
import XCTest

/// Couriers' route sheets in every format, with the phone numbers they must call, and the
/// closed-canteen page of `roster`.
final class RoutePrintoutTests: XCTestCase {
    let date = "2026-11-25"

    private func prepared() throws -> CLIRunner {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        try cli.write("canteens.csv", """
            id,name,community,lat,lon,seats,sittings,kitchen_capacity
            C1,江边长者食堂,江边街道,28.25,117.03,10,11:00-12:00,20
            C2,河西长者食堂,江边街道,28.251,117.031,10,11:00-12:00,20
            """)
        try cli.write("couriers.csv", """
            id,name,canteen_id,vehicle,capacity,shift_start,shift_end,phone
            K1,张建国,C1,ebike,8,10:30,13:30,139 1234 5678
            """)
        try cli.write("diners.csv", """
            id,name,community,lat,lon,address,phone,mode,emergency_contact,preferred_canteen
            D1,王秀英,江边街道,28.2505,117.03,滨江路12号,13612345678,dine_in,,C2
            D2,李桂兰,江边街道,28.252,117.031,滨江路8号,138-1234-5678,delivery,邻居 15912345678,C1
            D3,赵德明,江边街道,28.2515,117.0305,滨江路3号,13512345678,delivery,女儿 13312345678,C1
            """)
        try cli.importRegistryFiles()
        return cli
    }

    /// The defect: `routes` printed text only, with no load list, no result column, and the
    /// phone numbers the courier must call masked.
    func testRoutesPrintEveryFormatWithLoadResultColumnAndFullPhones() throws {
        let cli = try prepared()
        XCTAssertEqual(try cli.run(["plan", "--date", date]).status, 0)
        let text = try cli.run(["routes", "--date", date])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("装车 load: 普通 2 (2 份)") && text.stdout.contains("result"), text.stdout)
        XCTAssertTrue(text.stdout.contains("13812345678") && text.stdout.contains("邻居 15912345678"), "the courier calls them:\n\(text.stdout)")

        let html = try cli.run(["routes", "--date", date, "--format", "html", "--out", "routes.html"])
        XCTAssertEqual(html.status, 0, html.stderr)
        let page = try String(contentsOfFile: cli.path("routes.html"), encoding: .utf8)
        for expected in ["<thead>", "装车", "送餐顺序", "已送达", "无人应答", "拒收", "住院", "13512345678", "counter(pages)"] {
            XCTAssertTrue(page.contains(expected), "\(expected):\n\(page)")
        }
        XCTAssertNotEqual(try cli.run(["routes", "--date", date, "--format", "html", "--out", "routes.html"]).status, 0,
                          "an existing file is kept without --force")

        let csv = try cli.run(["routes", "--date", date, "--format", "csv"])
        XCTAssertTrue(csv.stdout.contains("courier_id") && csv.stdout.contains(",K1,张建国,1,"), csv.stdout)
        let json = try cli.run(["routes", "--date", date, "--format", "json"])
        let sheets = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(sheets.count, 1)
        XCTAssertEqual((sheets[0]["stops"] as? [[String: Any]])?.count, 2)
        XCTAssertEqual(sheets[0]["courier"] as? String, "K1")

        let roster = try cli.run(["roster", "--date", date, "--canteen", "C1", "--format", "html"])
        XCTAssertFalse(roster.stdout.contains("13812345678"), "rosters stay masked")
    }

    /// The defect: a canteen closed for the date got no page at all.
    func testAClosedCanteenPrintsAClosedTodayPageWithWhereItsDinersWent() throws {
        let cli = try prepared()
        XCTAssertEqual(try cli.run(["plan", "--date", date]).status, 0)
        let all = try cli.run(["roster", "--date", date, "--all", "--format", "html", "--out", "rosters"])
        XCTAssertEqual(all.status, 0, all.stderr)
        XCTAssertTrue(try String(contentsOfFile: cli.path("rosters/C2.html"), encoding: .utf8).contains("王秀英"))
        let closing = try cli.run(["close", "--date", date, "--canteen", "C2"])
        XCTAssertEqual(closing.status, 0, closing.stderr + closing.stdout)
        let page = try cli.run(["roster", "--date", date, "--canteen", "C2", "--format", "html"])
        XCTAssertEqual(page.status, 0, page.stderr)
        XCTAssertTrue(page.stdout.contains("今日停业") && page.stdout.contains("王秀英") && page.stdout.contains("江边长者食堂"), page.stdout)
        let again = try cli.run(["roster", "--date", date, "--all", "--format", "html", "--out", "rosters", "--force"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(try String(contentsOfFile: cli.path("rosters/C2.html"), encoding: .utf8).contains("今日停业"),
                      "the closed canteen's page replaces its earlier roster")
    }
}
