import XCTest
import GRDB
@testable import MealCore
@testable import MealPlanner

/// What a change leaves in the store: a version only when something changed, published in the
/// same transaction when asked, and an undo that is the old version again.
final class StoredChangeTests: XCTestCase {
    let date = "2026-11-25"

    func plannedCopy() throws -> AppDatabase {
        let planned = try PlannedDistrict.wednesday.get()
        let copy = try DatabaseQueue()
        try planned.database.writer.backup(to: copy)
        return AppDatabase(writer: copy, path: nil)
    }

    func testLockingTwiceStoresOneVersionAndPublishingMarksIt() throws {
        let database = try plannedCopy()
        let sitter = try XCTUnwrap(database.plan(date: date, version: .latest).assignments.first { $0.mode == .dineIn })
        let first = try PlanEditing.apply(date: date, in: database, by: "王协调", baseVersion: nil, action: "lock",
                                          subject: sitter.dinerID.rawValue) { try $0.setLock(sitter.dinerID, locked: true) }
        XCTAssertTrue(first.change.isNewVersion)
        XCTAssertEqual(first.plan.status, .draft)
        let second = try PlanEditing.apply(date: date, in: database, by: "王协调", baseVersion: nil, publish: true, action: "lock",
                                           subject: sitter.dinerID.rawValue) { try $0.setLock(sitter.dinerID, locked: true) }
        XCTAssertFalse(second.change.isNewVersion)
        XCTAssertEqual(second.change.published, first.plan.version)
        let versions = try database.planVersions(date: date)
        XCTAssertEqual(versions.map(\.version), [1, first.plan.version])
        XCTAssertEqual(PlanPublication(versions)?.published, first.plan.version)
        XCTAssertEqual(PlanPublication(versions)?.newerDrafts, [])
    }

    func testRevertIsTheOldVersionAgain() throws {
        let database = try plannedCopy()
        let original = try database.plan(date: date, version: .number(1))
        let round = try XCTUnwrap(original.rounds.first)
        try PlanEditing.apply(date: date, in: database, by: "王协调", baseVersion: nil, action: "absent",
                              subject: round.courierID.rawValue) { try $0.courierAbsent(round.courierID) }
        let reverted = try PlanReverting.revert(date: date, toVersion: 1, in: database, by: "王协调", publish: true)
        XCTAssertTrue(reverted.isNewVersion)
        XCTAssertEqual(reverted.plan.version, 3)
        XCTAssertEqual(reverted.published, 3)
        XCTAssertTrue(StoredChange.isUnchanged(try database.plan(date: date), from: original))
        XCTAssertEqual(try database.changeLog(aboutDate: date).last { $0.action == "revert" }?.by, "王协调")
        XCTAssertFalse(try PlanReverting.revert(date: date, toVersion: 1, in: database, by: "王协调", publish: false).isNewVersion)
    }
}

/// A coordinator's locked move that breaks a rule (a delivery put on a far courier's round) is
/// what the coordinator decided: a replan keeps it rather than leave the diner without lunch.
final class LockedMoveReplanTests: XCTestCase {
    let date = "2026-11-25"

    func testReplanKeepsALockedMoveTheRoutingWouldNotMake() throws {
        let planned = try PlannedDistrict.wednesday.get()
        let copy = try DatabaseQueue()
        try planned.database.writer.backup(to: copy)
        let database = AppDatabase(writer: copy, path: nil)
        let plan = try database.plan(date: date, version: .latest)
        let delivery = try XCTUnwrap(plan.assignments.first { $0.mode == .delivery })
        let home = try XCTUnwrap(planned.diners.first { $0.id == delivery.dinerID }).location
        let canteens = Dictionary(uniqueKeysWithValues: planned.canteens.map { ($0.id, $0) })
        let far = try XCTUnwrap(plan.rounds.max { a, b in
            canteens[a.canteenID]!.location.greatCircleMetres(to: home) < canteens[b.canteenID]!.location.greatCircleMetres(to: home)
        })
        try PlanEditing.apply(date: date, in: database, by: "王协调", baseVersion: nil, action: "move",
                              subject: delivery.dinerID.rawValue) { editor in
            try editor.moveToCourier(delivery.dinerID, courierID: far.courierID, position: nil)
            try editor.setLock(delivery.dinerID, locked: true)
        }
        let replanned = try Replanning.replan(date: date, in: database, by: "test", maxChanges: nil)
        let kept = try XCTUnwrap(replanned.plan.assignment(of: delivery.dinerID), "the locked diner is still served")
        XCTAssertEqual(kept.courierID, far.courierID)
        XCTAssertTrue(kept.locked)
    }
}
