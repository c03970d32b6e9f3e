import XCTest
import GRDB
@testable import MealCore

/// Outcomes, the alerts they open and close, and the outcomes CSV import.
final class WelfareCheckTests: XCTestCase {
    private func registry() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        try importAll(into: database)
        return database
    }

    @discardableResult
    private func record(_ dinerID: DinerID, _ date: String, _ status: WelfareStatus, note: String = "",
                        in database: AppDatabase) throws -> WelfareChecks.Recorded {
        try database.writer.write { db in
            try WelfareChecks.record(WelfareOutcome(date: date, dinerID: dinerID, status: status, note: note,
                                                    recordedBy: "张建国"), by: "coordinator", db)
        }
    }

    private func openAlerts(_ database: AppDatabase, openedOn date: String? = nil) throws -> [WelfareAlert] {
        try database.writer.read { db in try WelfareAlerts.openAlerts(openedOn: date, db) }
    }

    private func changeLog(_ database: AppDatabase) throws -> [String] {
        try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT by, action, subject, detail FROM change_log ORDER BY id").map {
                "\($0["by"] as String) | \($0["action"] as String) | \($0["subject"] as String) | \($0["detail"] as String)"
            }
        }
    }

    // MARK: - Store and alert rules

    func testMigrationV4IsRegisteredAfterV3() {
        XCTAssertEqual(Array(AppDatabase.knownMigrations[2...3]), ["v3 day exceptions", "v4 welfare"])
    }

    func testNoAnswerOpensAnAlertWithTheCourierNote() throws {
        let database = try registry()
        let recorded = try record("D00001", "2026-11-25", .noAnswer, note: "敲门无人应答", in: database)
        XCTAssertEqual(recorded.openedAlerts.map(\.kind), [.noAnswer])
        let alerts = try openAlerts(database)
        XCTAssertEqual(alerts.count, 1)
        XCTAssertEqual(alerts[0].dinerID, "D00001")
        XCTAssertEqual(alerts[0].date, "2026-11-25")
        XCTAssertEqual(alerts[0].note, "敲门无人应答")
        XCTAssertEqual(try openAlerts(database, openedOn: "2026-11-25").count, 1)
        XCTAssertEqual(try openAlerts(database, openedOn: "2026-11-24").count, 0)
        XCTAssertEqual(try changeLog(database).suffix(2), [
            "coordinator | welfare outcome | 2026-11-25 D00001 | no_answer, found by 张建国: 敲门无人应答",
            "coordinator | alert open | \(alerts[0].id) D00001 | no_answer on 2026-11-25",
        ])
    }

    func testDeliveredAndASingleRefusalOpenNothing() throws {
        let database = try registry()
        try record("D00001", "2026-11-24", .delivered, in: database)
        try record("D00001", "2026-11-25", .refused, in: database)
        XCTAssertEqual(try openAlerts(database), [])
    }

    func testTwoRefusalsInARowOpenOneAlertOnTheLaterDate() throws {
        let database = try registry()
        XCTAssertEqual(try record("D00002", "2026-11-23", .refused, in: database).openedAlerts, [])
        let second = try record("D00002", "2026-11-25", .refused, note: "说不想吃", in: database)
        XCTAssertEqual(second.openedAlerts.map(\.kind), [.refusedTwice])
        XCTAssertEqual(second.openedAlerts.first?.date, "2026-11-25")
        XCTAssertEqual(second.openedAlerts.first?.note, "说不想吃")
        // A third refusal is a new pair: its own alert.
        XCTAssertEqual(try record("D00002", "2026-11-27", .refused, in: database).openedAlerts.map(\.date), ["2026-11-27"])
        XCTAssertEqual(try openAlerts(database).count, 2)
    }

    func testRefusedDeliveredRefusedOpensNothing() throws {
        let database = try registry()
        try record("D00002", "2026-11-23", .refused, in: database)
        try record("D00002", "2026-11-24", .delivered, in: database)
        try record("D00002", "2026-11-25", .refused, in: database)
        XCTAssertEqual(try openAlerts(database), [])
    }

    func testOutcomesRecordedOutOfDateOrderPairByDate() throws {
        let database = try registry()
        try record("D00002", "2026-11-25", .refused, in: database)
        let earlier = try record("D00002", "2026-11-24", .refused, in: database)
        XCTAssertEqual(earlier.openedAlerts.map(\.date), ["2026-11-25"], "the pair's later date names the alert")
        // A delivery recorded late between the two breaks the pair: the alert is withdrawn.
        let between = try record("D00002", "2026-11-24", .delivered, in: database)
        XCTAssertEqual(between.replaced, .refused)
        XCTAssertEqual(between.withdrawnAlerts.map(\.kind), [.refusedTwice])
        XCTAssertEqual(try openAlerts(database), [])
    }

    func testRecordingAgainReplacesTheOutcomeAndTheLogKeepsBoth() throws {
        let database = try registry()
        try record("D00001", "2026-11-25", .noAnswer, in: database)
        let corrected = try record("D00001", "2026-11-25", .delivered, note: "老人在楼下晒太阳", in: database)
        XCTAssertEqual(corrected.replaced, .noAnswer)
        XCTAssertEqual(corrected.withdrawnAlerts.count, 1)
        XCTAssertEqual(try openAlerts(database), [])
        let outcomes = try database.writer.read { db in try WelfareChecks.outcomes(of: "D00001", db) }
        XCTAssertEqual(outcomes.map(\.status), [.delivered])
        let log = try changeLog(database).filter { $0.contains("welfare outcome") }
        XCTAssertEqual(log, [
            "coordinator | welfare outcome | 2026-11-25 D00001 | no_answer, found by 张建国",
            "coordinator | welfare outcome | 2026-11-25 D00001 | delivered (replaces no_answer), found by 张建国: 老人在楼下晒太阳",
        ])
    }

    func testResolveClosesAnAlertOnceAndRefusesUnknownOnes() throws {
        let database = try registry()
        let alert = try XCTUnwrap(try record("D00001", "2026-11-25", .noAnswer, in: database).openedAlerts.first)
        let resolved = try database.writer.write { db in
            try WelfareAlerts.resolve(id: alert.id, note: "网格员上门，老人安好", by: "网格员刘", db)
        }
        XCTAssertFalse(resolved.isOpen)
        XCTAssertEqual(resolved.resolvedBy, "网格员刘")
        XCTAssertEqual(try openAlerts(database), [])
        XCTAssertEqual(try changeLog(database).last,
                       "网格员刘 | alert resolve | \(alert.id) D00001 | no_answer on 2026-11-25: 网格员上门，老人安好")

        let before = try database.contentSnapshot()
        XCTAssertThrowsError(try database.writer.write { db in
            try WelfareAlerts.resolve(id: alert.id, note: "again", by: "x", db)
        }) { error in
            guard case WelfareError.alreadyResolved(let id, _, let by) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(id, alert.id)
            XCTAssertEqual(by, "网格员刘")
        }
        XCTAssertThrowsError(try database.writer.write { db in try WelfareAlerts.resolve(id: 999, note: "x", by: "x", db) }) {
            XCTAssertEqual($0 as? WelfareError, .unknownAlert(999))
        }
        XCTAssertEqual(try database.contentSnapshot(), before)
    }

    func testUnknownDinerAndBadDateWriteNothing() throws {
        let database = try registry()
        let before = try database.contentSnapshot()
        XCTAssertThrowsError(try record("D99999", "2026-11-25", .noAnswer, in: database)) {
            XCTAssertEqual("\($0)", "no diner with id 'D99999'")
        }
        XCTAssertThrowsError(try record("D00001", "2026-02-30", .noAnswer, in: database)) {
            XCTAssertEqual($0 as? DomainError, DomainError(field: "date", "no such date", value: "2026-02-30"))
        }
        XCTAssertThrowsError(try record("D00001", "25/11/2026", .noAnswer, in: database))
        XCTAssertEqual(try database.contentSnapshot(), before)
    }

    func testHospitalizedPausesTheDinerInTheRegistry() throws {
        let database = try registry()
        let recorded = try record("D00001", "2026-11-25", .hospitalized, note: "女儿说昨晚住院了", in: database)
        XCTAssertTrue(recorded.dinerHospitalized)
        XCTAssertEqual(recorded.openedAlerts, [])
        let diner = try XCTUnwrap(try database.writer.read { db in try Diner.fetchOne(db, id: "D00001") })
        XCTAssertEqual(diner.status, .hospitalized)
        XCTAssertFalse(diner.eats(onISOWeekday: 3), "a hospitalized diner is not planned")
        XCTAssertEqual(try changeLog(database).last,
                       "coordinator | diner status | D00001 | active → hospitalized: welfare outcome of 2026-11-25")
        // Recording it again changes nothing more in the registry.
        XCTAssertFalse(try record("D00001", "2026-11-26", .hospitalized, in: database).dinerHospitalized)
    }

    func testRosterNotesNameDinersWithAnOpenNoAnswerAlertFromBeforeTheDate() throws {
        let database = try registry()
        try record("D00001", "2026-11-25", .noAnswer, in: database)
        try record("D00002", "2026-11-24", .refused, in: database)
        try record("D00002", "2026-11-25", .refused, in: database)
        let notes = try database.writer.read { db in try WelfareAlerts.rosterNotes(date: "2026-11-26", db) }
        XCTAssertEqual(notes, ["D00001": "昨日无人应答，请上门查看 / no answer yesterday: check in person"])
        let sameDay = try database.writer.read { db in try WelfareAlerts.rosterNotes(date: "2026-11-25", db) }
        XCTAssertEqual(sameDay, [:], "the alert of the 25th is news for the 26th's round")
    }

    // MARK: - outcomes.csv

    private let outcomesCSV = """
        date,diner_id,status,note,by
        2026-11-24,D00002,refused,,李志华
        2026-11-25,D00001,no_answer,"敲门无人应答, 邻居说昨天见过",张建国
        2026-11-25,D00002,refused,说不想吃,
        2026-11-26,D00001,delivered,,张建国

        """

    func testImportRecordsEveryRowAndOpensAlerts() throws {
        let database = try registry()
        let summary = try OutcomeImport.importBytes(Array(outcomesCSV.utf8), fileName: "outcomes.csv", into: database,
                                                    by: "coordinator")
        XCTAssertEqual(summary.outcomes, 4)
        XCTAssertEqual(summary.encoding, "UTF-8")
        XCTAssertEqual(summary.openedAlerts.map { "\($0.dinerID) \($0.kind.rawValue) \($0.date)" },
                       ["D00001 no_answer 2026-11-25", "D00002 refused_twice 2026-11-25"])
        let outcome = try database.writer.read { db in try WelfareChecks.outcome(of: "D00001", on: "2026-11-25", db) }
        XCTAssertEqual(outcome, WelfareOutcome(date: "2026-11-25", dinerID: "D00001", status: .noAnswer,
                                               note: "敲门无人应答, 邻居说昨天见过", recordedBy: "张建国"))
        let third = try database.writer.read { db in try WelfareChecks.outcome(of: "D00002", on: "2026-11-25", db) }
        XCTAssertEqual(third?.recordedBy, "coordinator", "an empty by cell means the importing operator")
        XCTAssertEqual(try changeLog(database).last,
                       "coordinator | import outcomes | outcomes.csv | 4 outcomes (0 replaced), 2 alerts opened")
    }

    func testColumnsInAnyOrderAndGB18030() throws {
        let text = "status,by,diner_id,date\nno_answer,张建国,D00001,2026-11-25\n"
        let bytes = try TextDecoding.encodeGB18030(text)
        XCTAssertNotEqual(bytes, Array(text.utf8))
        let database = try registry()
        let summary = try OutcomeImport.importBytes(bytes, fileName: "gbk.csv", into: database, by: "coordinator")
        XCTAssertEqual(summary.encoding, "gb18030")
        XCTAssertEqual(summary.outcomes, 1)
        XCTAssertEqual(try openAlerts(database).first?.dinerID, "D00001")
        let outcome = try database.writer.read { db in try WelfareChecks.outcome(of: "D00001", on: "2026-11-25", db) }
        XCTAssertEqual(outcome?.recordedBy, "张建国")
    }

    func testImportFromAFileWithByteOrderMark() throws {
        let folder = try temporaryDirectory()
        let path = folder.appendingPathComponent("outcomes.csv").path
        try Data([0xEF, 0xBB, 0xBF] + Array(outcomesCSV.utf8)).write(to: URL(fileURLWithPath: path))
        let database = try registry()
        let summary = try OutcomeImport.importFile(path: path, into: database, by: "coordinator")
        XCTAssertEqual(summary.encoding, "UTF-8 with BOM")
        XCTAssertEqual(summary.outcomes, 4)
    }

    func testEveryErrorClassIsReportedAtOnceAndNothingIsWritten() throws {
        let text = """
            date,diner_id,status,note,by,weather
            2026-11-31,D00001,no_answer,,,
            2026-11-25,,gone,,,
            2026-11-25,D00077,refused,,,
            2026-11-26,D00001,delivered,,,
            2026-11-26,D00001,refused,,,
            2026-11-27,D00002
            """
        let database = try registry()
        let before = try database.contentSnapshot()
        XCTAssertThrowsError(try OutcomeImport.importBytes(Array(text.utf8), fileName: "in.csv", into: database)) { error in
            guard let failure = error as? ImportFailure else { return XCTFail("\(error)") }
            XCTAssertEqual(failure.issues.map(\.description), [
                "in.csv:2: column date: no such date (got '2026-11-31')",
                "in.csv:3: column diner_id: a value is required",
                "in.csv:3: column status: expected one of delivered|no_answer|refused|hospitalized (got 'gone')",
                "in.csv:4: column diner_id: no diner with this id (got 'D00077')",
                "in.csv:6: column diner_id: a second outcome for this diner on 2026-11-26, first on line 5 (got 'D00001')",
                "in.csv:7: column status: the row has 2 cells but the header has 6",
            ])
            XCTAssertTrue(failure.description.hasSuffix("in.csv: 6 errors; nothing was imported"), failure.description)
        }
        XCTAssertEqual(try database.contentSnapshot(), before)
    }

    func testHeaderProblemsAndUnknownColumnWarning() throws {
        let database = try registry()
        XCTAssertThrowsError(try OutcomeImport.importBytes(Array("date,note,note\n".utf8), fileName: "h.csv", into: database)) {
            XCTAssertEqual(($0 as? ImportFailure)?.issues.map(\.description), [
                "h.csv:1: column note: the column appears twice in the header",
                "h.csv:1: column diner_id: required column is missing from the header",
                "h.csv:1: column status: required column is missing from the header",
            ])
        }
        let summary = try OutcomeImport.importBytes(Array("date,diner_id,status,weather\n2026-11-25,D00001,delivered,晴\n".utf8),
                                                    fileName: "w.csv", into: database)
        XCTAssertEqual(summary.warnings.map(\.description), ["w.csv:1: column weather: unknown column, ignored"])
    }

    func testFailureListsFiftyErrorsThenACount() throws {
        var text = "date,diner_id,status\n"
        for index in 0..<60 { text += "2026-11-25,D\(index),maybe\n" }
        let database = try registry()
        XCTAssertThrowsError(try OutcomeImport.importBytes(Array(text.utf8), fileName: "many.csv", into: database)) { error in
            let lines = "\(error)".split(separator: "\n")
            XCTAssertEqual(lines.count, 52)
            XCTAssertTrue(lines[0].hasPrefix("many.csv:2: column status"), String(lines[0]))
            XCTAssertEqual(lines[50], "... and 10 more errors")
        }
    }
}
