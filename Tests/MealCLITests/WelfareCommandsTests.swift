import Foundation
import XCTest

final class WelfareCommandsTests: XCTestCase {
    func testOutcomeOpensAnAlertThatIsListedAndResolved() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        try cli.write("diners.csv", """
            id,name,grid,lat,lon,address,emergency_contact
            D00001,王秀英,江边-01,28.2405,117.0320,滨江路12号3栋201,儿子 王军 13900001111
            """)
        XCTAssertEqual(try cli.run(["import", "diners", "diners.csv"]).status, 0)

        let unknown = try cli.run(["outcome", "D404", "--date", "2026-11-25", "--status", "no_answer"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.stderr, "error: no diner has the id, name or phone ending 'D404'\n")
        let badDate = try cli.run(["outcome", "D00001", "--date", "2026-13-01", "--status", "no_answer"])
        XCTAssertNotEqual(badDate.status, 0, "a date that is no date is a usage mistake")
        XCTAssertTrue(badDate.stderr.contains("--date") && badDate.stderr.contains("expected a date as YYYY-MM-DD"), badDate.stderr)
        let badStatus = try cli.run(["outcome", "D00001", "--date", "2026-11-25", "--status", "away"])
        XCTAssertNotEqual(badStatus.status, 0)
        XCTAssertEqual(try cli.run(["alerts"]).stdout, "no open alerts\n", "the refused commands wrote nothing")

        let recorded = try cli.run(["outcome", "D00001", "--date", "2026-11-25", "--status", "no_answer",
                                    "--note", "敲门无人应答", "--by", "张建国"])
        XCTAssertEqual(recorded.status, 0, recorded.stderr)
        XCTAssertEqual(recorded.stdout, """
            2026-11-25 D00001: no_answer (无人应答) recorded
            alert 1 opened: D00001 no_answer (无人应答) on 2026-11-25

            """)

        let listed = try cli.run(["alerts", "--date", "2026-11-25"])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        let lines = listed.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4, listed.stdout)
        XCTAssertTrue(lines[2].contains("王秀英") && lines[2].contains("滨江路12号3栋201") && lines[2].contains("江边-01")
                      && lines[2].contains("儿子 王军 139****1111") && lines[2].contains("敲门无人应答"), listed.stdout)
        // Chinese text is two columns wide, so the note column starts at the same place on every line.
        let header = lines[0]
        let noteColumn = header.distance(from: header.startIndex, to: header.range(of: "note")!.lowerBound)
        XCTAssertEqual(Self.displayWidth(String(lines[2].prefix(while: { $0 != "敲" }))),
                       Self.displayWidth(String(header.prefix(noteColumn))), listed.stdout)
        XCTAssertEqual(lines[3], "1 open alert")
        XCTAssertTrue(try cli.run(["alerts", "--unmasked"]).stdout.contains("13900001111"))
        XCTAssertEqual(try cli.run(["alerts", "--date", "2026-11-24"]).stdout, "no open alerts opened on 2026-11-24\n")

        let resolved = try cli.run(["resolve", "1", "--note", "网格员上门，老人安好", "--by", "刘网格员"])
        XCTAssertEqual(resolved.status, 0, resolved.stderr)
        XCTAssertEqual(resolved.stdout, "alert 1 resolved: D00001 no_answer on 2026-11-25\n")
        XCTAssertEqual(try cli.run(["alerts"]).stdout, "no open alerts\n")

        let again = try cli.run(["resolve", "1", "--note", "again"])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.hasPrefix("error: alert 1 was already resolved by 刘网格员 at "), again.stderr)
        let missing = try cli.run(["resolve", "7", "--note", "x"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "error: no alert with id 7 (`mealcli alerts` lists the open ones)\n")
    }

    func testOutcomesImportReportsErrorsAsFileLineColumn() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        try cli.write("diners.csv", "id,name,lat,lon\nD00001,王秀英,28.2405,117.0320\n")
        XCTAssertEqual(try cli.run(["import", "diners", "diners.csv"]).status, 0)
        try cli.write("bad.csv", "date,diner_id,status\n2026-11-25,D00001,lost\n")
        let failed = try cli.run(["outcomes", "import", "bad.csv"])
        XCTAssertEqual(failed.status, 1)
        XCTAssertEqual(failed.stderr, """
            bad.csv:2: column status: expected one of delivered|no_answer|refused|hospitalized (got 'lost')
            bad.csv: 1 error; nothing was imported

            """)
        try cli.write("good.csv", "date,diner_id,status,note,by\n2026-11-25,D00001,hospitalized,女儿来电,张建国\n")
        let imported = try cli.run(["outcomes", "import", "good.csv"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertEqual(imported.stdout, """
            good.csv: imported 1 outcomes (0 replaced; UTF-8)
            D00001 is now hospitalized in the registry: no meals are planned until the diner is re-activated

            """)
        XCTAssertTrue(try cli.run(["export", "diners"]).stdout.contains(",hospitalized,"))
    }

    func testRosterMarksADinerNobodyAnsweredForYesterday() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        try cli.write("canteens.csv", """
            id,name,lat,lon,seats,sittings,kitchen_capacity
            C01,江边街道长者食堂,28.2401,117.0312,10,11:00-12:00,10
            """)
        try cli.write("diners.csv", """
            id,name,lat,lon,mode
            D1,王秀英,28.2403,117.0314,dine_in
            D2,李桂兰,28.2403,117.0314,dine_in
            """)
        XCTAssertEqual(try cli.run(["import", "canteens", "canteens.csv"]).status, 0)
        XCTAssertEqual(try cli.run(["import", "diners", "diners.csv"]).status, 0)
        XCTAssertEqual(try cli.run(["outcome", "D2", "--date", "2026-11-24", "--status", "no_answer"]).status, 0)
        let planned = try cli.run(["plan", "--date", "2026-11-25"])
        XCTAssertEqual(planned.status, 0, planned.stderr)

        let roster = try cli.run(["roster", "--date", "2026-11-25", "--canteen", "C01"])
        XCTAssertEqual(roster.status, 0, roster.stderr)
        let lines = roster.stdout.split(separator: "\n")
        XCTAssertTrue(lines.contains { $0.contains("李桂兰") && $0.contains("昨日无人应答，请上门查看 / no answer yesterday: check in person") },
                      roster.stdout)
        XCTAssertFalse(lines.contains { $0.contains("王秀英") && $0.contains("昨日无人应答") }, roster.stdout)

        XCTAssertEqual(try cli.run(["roster", "--date", "2026-11-25", "--all", "--format", "html", "--out", "rosters"]).status, 0)
        let page = try String(contentsOfFile: cli.path("rosters/C01.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("昨日无人应答，请上门查看"), page)

        // The courier's route sheet carries the note too: that is who knocks.
        try cli.write("diners-delivery.csv", "id,name,lat,lon,mode\nD2,李桂兰,28.2403,117.0314,delivery\n")
        try cli.write("couriers.csv", "id,name,canteen_id,vehicle,capacity,shift_start,shift_end\nK001,张建国,C01,ebike,10,10:30,13:30\n")
        XCTAssertEqual(try cli.run(["import", "diners", "diners-delivery.csv"]).status, 0)
        XCTAssertEqual(try cli.run(["import", "couriers", "couriers.csv"]).status, 0)
        XCTAssertEqual(try cli.run(["plan", "--date", "2026-11-25"]).status, 0)
        let routes = try cli.run(["routes", "--date", "2026-11-25"])
        XCTAssertEqual(routes.status, 0, routes.stderr)
        XCTAssertTrue(routes.stdout.contains("昨日无人应答，请上门查看"), routes.stdout)

        XCTAssertEqual(try cli.run(["resolve", "1", "--note", "邻居说她去女儿家了"]).status, 0)
        let after = try cli.run(["roster", "--date", "2026-11-25", "--canteen", "C01"])
        XCTAssertFalse(after.stdout.contains("昨日无人应答"), "a resolved alert leaves the roster")
    }

    /// Terminal columns, counted the way the table pads: CJK characters take two.
    private static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ((0x2E80...0x9FFF).contains($1.value) || (0xFF00...0xFF60).contains($1.value) ? 2 : 1) }
    }
}
