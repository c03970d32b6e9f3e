import Foundation
import GRDB
@testable import MealCore
import XCTest

/// `--format json` on the commands operators and the district's IT script: standard output holds
/// one JSON document and nothing else, with the figures the text shows, phones masked, times on
/// the district's clock, and the same exit status as the text.
final class JSONOutputTests: XCTestCase {
    let date = "2026-11-25"

    /// The shared small district (`CLIRunner.twoCanteenDistrict`), not yet planned.
    private func district() throws -> CLIRunner { try CLIRunner.twoCanteenDistrict() }

    /// The whole of standard output as one JSON object (fails when anything else was printed).
    private func document(_ result: CLIRunner.Result, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                      "stdout is one JSON object:\n\(result.stdout)\n\(result.stderr)", file: file, line: line)
    }

    func testPlanAndReplanAsJSONGiveTheSummaryFigures() throws {
        let cli = try district()
        let planned = try cli.run(["plan", "--date", date, "--format", "json"])
        XCTAssertEqual(planned.status, 0, planned.stderr)
        let plan = try document(planned)
        XCTAssertEqual(plan["date"] as? String, date)
        XCTAssertEqual(plan["version"] as? Int, 1)
        XCTAssertEqual(plan["status"] as? String, "draft")
        XCTAssertEqual(plan["printed_version"] as? Int, 1, "nothing published: operators print this draft")
        let summary = try XCTUnwrap(plan["summary"] as? [String: Any])
        let unservedDiners = try XCTUnwrap(summary["unserved_diners"] as? [[String: Any]])
        XCTAssertEqual(unservedDiners.map { $0["diner"] as? String }, ["D5"])
        XCTAssertEqual(unservedDiners.first?["reason"] as? String, "outside_radius")
        XCTAssertEqual((summary["unserved_by_reason"] as? [String: Int])?["outside_radius"], 1)

        // The same data and seed plan the same day: the text summary of version 2 says the same.
        let text = try cli.run(["plan", "--date", date])
        XCTAssertEqual(text.status, 0, text.stderr)
        let first = try XCTUnwrap(text.stdout.split(separator: "\n").first.map(String.init))
        let (plannedCount, dineIn, pickup, delivery, unserved) = try (
            XCTUnwrap(summary["planned"] as? Int), XCTUnwrap(summary["dine_in"] as? Int), XCTUnwrap(summary["pickup"] as? Int),
            XCTUnwrap(summary["delivery"] as? Int), XCTUnwrap(summary["unserved"] as? Int))
        XCTAssertEqual(first, "\(date) v2: \(plannedCount) diners planned (dine-in \(dineIn), pickup \(pickup), delivery \(delivery)), "
                       + "\(unserved) unserved")
        XCTAssertEqual(plannedCount, 4)
        XCTAssertTrue(text.stdout.contains("couriers used \(summary["couriers_used"] as? Int ?? -1) on \(summary["trips"] as? Int ?? -1) trips"),
                      text.stdout)

        let replanned = try cli.run(["replan", "--date", date, "--format", "json", "--publish"])
        XCTAssertEqual(replanned.status, 0, replanned.stderr)
        let replan = try document(replanned)
        XCTAssertEqual(replan["date"] as? String, date)
        XCTAssertEqual(replan["new_version"] as? Bool, false, "a replan of a fresh plan moves nobody")
        XCTAssertEqual(replan["version"] as? Int, 2)
        XCTAssertEqual(replan["changed"] as? [String], [])
        XCTAssertEqual(replan["unserved"] as? Int, 1)
        XCTAssertEqual(replan["printed_version"] as? Int, 2, "--publish published the version")

        // A diner registered after planning: the replan places them in a new version.
        try cli.write("late.csv", "id,name,community,lat,lon,mode\nD6,孙丽,江边街道,28.2502,117.0302,dine_in\n")
        XCTAssertEqual(try cli.run(["import", "diners", "late.csv"]).status, 0)
        let fixed = try document(try cli.run(["replan", "--date", date, "--format", "json"]))
        XCTAssertEqual(fixed["new_version"] as? Bool, true, "\(fixed)")
        XCTAssertEqual(fixed["version"] as? Int, 3)
        XCTAssertEqual(fixed["status"] as? String, "draft")
        XCTAssertEqual(fixed["changed"] as? [String], ["D6"])
        XCTAssertEqual(fixed["printed_version"] as? Int, 2, "operators print the published version until the draft is published")
    }

    func testCheckAsJSONListsTheViolationsAndStillExits1() throws {
        let cli = try district()
        XCTAssertEqual(try cli.run(["plan", "--date", date]).status, 0)
        let clean = try cli.run(["check", "--date", date, "--format", "json"])
        XCTAssertEqual(clean.status, 0, clean.stderr)
        XCTAssertEqual((try document(clean)["violations"] as? [Any])?.count, 0)

        let store = try AppDatabase.open(path: cli.path("meals.db"))
        let late = try store.writer.write { db -> String in
            let diner = try XCTUnwrap(String.fetchOne(db, sql: "SELECT min(diner_id) FROM plan_meal WHERE mode = 'delivery'"))
            try db.execute(sql: "UPDATE plan_meal SET arrive_s = arrive_s + 7200 WHERE diner_id = ?", arguments: [diner])
            return diner
        }
        let broken = try cli.run(["check", "--date", date, "--format", "json"])
        XCTAssertEqual(broken.status, 1, "violations exit 1 in JSON too")
        let report = try document(broken)
        XCTAssertEqual(report["version"] as? Int, 1)
        let violations = try XCTUnwrap(report["violations"] as? [[String: Any]])
        let window = try XCTUnwrap(violations.first { $0["rule"] as? String == "outside_window" }, "\(violations)")
        XCTAssertEqual(window["diner"] as? String, late)
        XCTAssertTrue((window["detail"] as? String)?.contains("after the window") ?? false, "\(window)")
        XCTAssertFalse((window["name"] as? String ?? "").isEmpty)
    }

    func testHistoryAsJSONHasLocalTimesAndMaskedNotes() throws {
        let cli = try district()
        XCTAssertEqual(try cli.run(["plan", "--date", date]).status, 0)
        let store = try AppDatabase.open(path: cli.path("meals.db"))
        try store.writer.write { db in
            try db.execute(sql: """
                INSERT INTO change_log (at, by, action, subject, detail)
                VALUES ('2026-11-24T23:30:00Z', '王主任', 'note', '2026-11-25', '邻居 15912345678 代收')
                """)
        }
        let history = try cli.run(["history", "--date", date, "--format", "json"])
        XCTAssertEqual(history.status, 0, history.stderr)
        let report = try document(history)
        XCTAssertEqual(report["time_zone"] as? String, "Asia/Shanghai")
        let entries = try XCTUnwrap(report["entries"] as? [[String: Any]])
        let note = try XCTUnwrap(entries.first { $0["action"] as? String == "note" }, "\(entries)")
        XCTAssertEqual(note["at"] as? String, "2026-11-25T07:30:00+08:00", "the district's clock, with its offset")
        XCTAssertEqual(note["detail"] as? String, "邻居 159****5678 代收")
        let versions = try XCTUnwrap(report["versions"] as? [[String: Any]])
        XCTAssertEqual(versions.map { $0["version"] as? Int }, [1])
        XCTAssertEqual(versions.first?["provenance"] as? String, "planned")
        XCTAssertTrue((versions.first?["created_at"] as? String)?.hasSuffix("+08:00") ?? false, "\(versions)")

        let utc = try document(try cli.run(["history", "--date", date, "--format", "json", "--tz", "UTC", "--unmasked"]))
        let utcNote = try XCTUnwrap((utc["entries"] as? [[String: Any]])?.first { $0["action"] as? String == "note" })
        XCTAssertEqual(utcNote["at"] as? String, "2026-11-24T23:30:00Z")
        XCTAssertEqual(utcNote["detail"] as? String, "邻居 15912345678 代收")
    }

    func testAlertsAsJSONMaskPhonesUnlessUnmasked() throws {
        let cli = try district()
        let recorded = try cli.run(["outcome", "D1", "--date", date, "--status", "no_answer", "--note", "邻居 15912345678 说去医院了"])
        XCTAssertEqual(recorded.status, 0, recorded.stderr)
        let masked = try cli.run(["alerts", "--format", "json"])
        XCTAssertEqual(masked.status, 0, masked.stderr)
        let report = try document(masked)
        let alert = try XCTUnwrap((report["alerts"] as? [[String: Any]])?.first, masked.stdout)
        XCTAssertEqual(alert["diner"] as? String, "D1")
        XCTAssertEqual(alert["kind"] as? String, "no_answer")
        XCTAssertEqual(alert["date"] as? String, date)
        XCTAssertEqual(alert["emergency_contact"] as? String, "儿子 王军 139****1111")
        XCTAssertEqual(alert["note"] as? String, "邻居 159****5678 说去医院了")
        XCTAssertFalse(masked.stdout.contains("13900001111") || masked.stdout.contains("15912345678"), masked.stdout)
        XCTAssertTrue((alert["opened_at"] as? String)?.hasSuffix("+08:00") ?? false, "\(alert)")

        let unmasked = try document(try cli.run(["alerts", "--format", "json", "--unmasked"]))
        XCTAssertEqual((unmasked["alerts"] as? [[String: Any]])?.first?["emergency_contact"] as? String, "儿子 王军 13900001111")
        let none = try document(try cli.run(["alerts", "--date", "2026-11-26", "--format", "json"]))
        XCTAssertEqual((none["alerts"] as? [Any])?.count, 0)
    }

    func testAssignAsJSONCountsAsTheTextDoes() throws {
        let cli = try district()
        let json = try cli.run(["assign", "--date", date, "--format", "json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let report = try document(json)
        let text = try cli.run(["assign", "--date", date])
        XCTAssertTrue(text.stdout.hasPrefix("Assignment for \(date): \(report["served"] as? Int ?? -1) served, "
                                            + "\(report["unserved"] as? Int ?? -1) unserved"), text.stdout)
        let canteens = try XCTUnwrap(report["canteens"] as? [[String: Any]])
        XCTAssertEqual(canteens.map { $0["canteen"] as? String }, ["C1", "C2"])
        XCTAssertEqual(canteens.reduce(0) { $0 + ($1["meals"] as? Int ?? 0) }, report["served"] as? Int)
        XCTAssertEqual((report["unserved_diners"] as? [[String: Any]])?.map { $0["diner"] as? String }, ["D5"])
    }

    func testBatchAsJSONKeepsTheLogOnStandardErrorAndExitStatus3() throws {
        let cli = try CLIRunner()
        try cli.write("canteens.csv", "id,name,lat,lon,seats,sittings,kitchen_capacity\nC01,江边食堂,28.247103,117.035747,20,11:10-11:50,1\n")
        try cli.write("diners.csv", """
            id,name,lat,lon,mobility,mode
            D00001,熊明华,28.247503,117.035747,independent,dine_in
            D00004,李芳,28.247303,117.035847,independent,dine_in

            """)
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        for kind in ["canteens", "diners"] {
            XCTAssertEqual(try cli.run(["import", kind, "\(kind).csv"]).status, 0)
        }
        let batch = try cli.run(["batch", "--from", date, "--days", "2", "--format", "json"])
        XCTAssertEqual(batch.status, 3, "a diner in reach left out fails the night in JSON too:\n\(batch.stderr)")
        let report = try document(batch)
        let dates = try XCTUnwrap(report["dates"] as? [[String: Any]])
        XCTAssertEqual(dates.map { $0["date"] as? String }, [date, "2026-11-26"])
        XCTAssertEqual(dates.map { $0["status"] as? String }, ["planned", "planned"])
        XCTAssertEqual(dates.map { $0["unserved"] as? Int }, [1, 1])
        XCTAssertEqual(report["planned"] as? Int, 2)
        XCTAssertEqual(report["served"] as? Int, 2)
        XCTAssertTrue(batch.stderr.contains("\(date): planned as version 1"), "the log lines went to standard error:\n\(batch.stderr)")
    }

    func testStatusFindAndDiffWriteValidJSONWhateverTheNamesHold() throws {
        let cli = try district()
        XCTAssertEqual(try cli.run(["plan", "--date", date]).status, 0)
        // A name written by another program, with a zero-width space and a right-to-left override.
        let store = try AppDatabase.open(path: cli.path("meals.db"))
        try store.writer.write { db in
            try db.execute(sql: "UPDATE diner SET name = ? WHERE id = 'D2'", arguments: ["李\u{200B}桂\u{202E}兰"])
        }
        let found = try cli.run(["find", "D2", "--date", date, "--format", "json"])
        XCTAssertEqual(found.status, 0, found.stderr)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(found.stdout.utf8)) as? [[String: Any]], found.stdout)
        XCTAssertEqual(rows.first?["name"] as? String, "李\u{200B}桂\u{202E}兰", "a program reads the name as stored")
        XCTAssertFalse(found.stdout.unicodeScalars.contains { $0 == "\u{200B}" || $0 == "\u{202E}" },
                       "a terminal sees escapes, not invisible characters")

        XCTAssertEqual(try cli.run(["cancel", "D2", "--date", date, "--reason", "away"]).status, 0)
        let diff = try cli.run(["diff", "--date", date, "--format", "json"])
        XCTAssertEqual(diff.status, 0, diff.stderr)
        let changes = try XCTUnwrap(try document(diff)["changes"] as? [[String: Any]])
        XCTAssertEqual(changes.first { $0["diner_id"] as? String == "D2" }?["name"] as? String, "李\u{200B}桂\u{202E}兰")

        let status = try cli.run(["status", "--from", date, "--days", "1", "--format", "json"])
        XCTAssertEqual(status.status, 0, status.stderr)
        XCTAssertEqual((try document(status)["dates"] as? [[String: Any]])?.first?["latest_version"] as? Int, 2)
    }

    static let tinySolomon = """
        TINY1

        VEHICLE
        NUMBER     CAPACITY
          3         20

        CUSTOMER
        CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

            0      40         50          0          0       1236          0
            1      45         68         10        912        967         90
            2      45         70         10        825        870         90
            3      42         66         10         65        146         90
            4      42         68         10        727        782         90
            5      42         65         10         15         67         90

        """

    func testSolveTakesFormatJSONAndNamesTheOldSpellings() throws {
        let cli = try CLIRunner()
        try cli.write("tiny.txt", Self.tinySolomon)
        let solved = try cli.run(["solve", "tiny.txt", "--input-format", "solomon", "--format", "json", "--max-iterations", "50"])
        XCTAssertEqual(solved.status, 0, solved.stderr)
        let report = try document(solved)
        XCTAssertEqual(report["instance"] as? String, "TINY1")
        XCTAssertEqual(report["feasible"] as? Bool, true)
        XCTAssertEqual(report["vehicle_count"] as? Int, 3)
        XCTAssertEqual((report["routes"] as? [[Int]])?.flatMap { $0 }.sorted(), [1, 2, 3, 4, 5])
        XCTAssertTrue(try cli.run(["solve", "tiny.txt", "--max-iterations", "50"]).stdout.hasPrefix("instance  TINY1\n"),
                      "text stays the default")

        let oldFormat = try cli.run(["solve", "tiny.txt", "--format", "solomon"])
        XCTAssertEqual(oldFormat.status, 64, oldFormat.stderr)
        XCTAssertTrue(oldFormat.stderr.contains("--input-format solomon"), oldFormat.stderr)
        let oldJSON = try cli.run(["solve", "tiny.txt", "--json"])
        XCTAssertEqual(oldJSON.status, 64, oldJSON.stderr)
        XCTAssertTrue(oldJSON.stderr.contains("--format json"), oldJSON.stderr)
    }
}
