import XCTest
import GRDB
@testable import MealCore
@testable import MealPlanner

/// Coordinators' changes on copies of the planned bundled district (version 1 of 2026-11-25).
final class CoordinationTests: XCTestCase {
    let date = "2026-11-25"

    func plannedCopy() throws -> AppDatabase {
        let planned = try PlannedDistrict.wednesday.get()
        let copy = try DatabaseQueue()
        try planned.database.writer.backup(to: copy)
        return AppDatabase(writer: copy, path: nil)
    }

    func latest(_ database: AppDatabase) throws -> DayPlan {
        try database.writer.read { db in try PlanStore.load(date: self.date, version: PlanStore.latestVersion(date: self.date, db), db) }
    }

    func edit(_ database: AppDatabase, on version: Int? = nil, by user: String = "王协调",
              _ change: (inout PlanEditor) throws -> Void) throws -> DayPlan {
        try PlanEditing.apply(date: date, in: database, by: user, baseVersion: version, action: "test", subject: "edit", change).plan
    }

    func busiestCourier(_ plan: DayPlan) -> CourierRound {
        plan.rounds.max { ($0.trips.flatMap(\.stops).count, $1.courierID) < ($1.trips.flatMap(\.stops).count, $0.courierID) }!
    }

    func testReplanKeepsEveryLockedAssignmentExactly() throws {
        let database = try plannedCopy()
        let plan = try latest(database)
        let sitter = plan.assignments.first { $0.mode == .dineIn }!
        let delivery = plan.assignments.first { $0.mode == .delivery }!
        let round = busiestCourier(plan)
        _ = try edit(database) { editor in
            try editor.setLock(sitter.dinerID, locked: true)
            try editor.setLock(delivery.dinerID, locked: true)
            try editor.setCourierLock(round.courierID, locked: true)
        }
        let outcome = try Replanning.replan(date: date, in: database, by: "test", maxChanges: nil)
        let replanned = outcome.plan
        for original in [sitter, delivery] {
            let kept = try XCTUnwrap(replanned.assignment(of: original.dinerID))
            XCTAssertTrue(kept.locked)
            XCTAssertEqual([kept.canteenID.rawValue, kept.mode.rawValue, kept.sitting?.description ?? "", kept.courierID?.rawValue ?? ""],
                           [original.canteenID.rawValue, original.mode.rawValue, original.sitting?.description ?? "", original.courierID?.rawValue ?? ""])
        }
        XCTAssertEqual(replanned.rounds.first { $0.courierID == round.courierID }, round, "a locked round stays as it was, times included")
    }

    func testAbsenceMovesOnlyThatCouriersDinersAndABudgetedReplanStaysWithinIt() throws {
        let database = try plannedCopy()
        let before = try latest(database)
        let round = busiestCourier(before)
        let own = Set(round.trips.flatMap { $0.stops.map(\.dinerID) })
        let afterAbsence = try edit(database) { try $0.courierAbsent(round.courierID) }
        XCTAssertFalse(afterAbsence.rounds.contains { $0.courierID == round.courierID })
        for id in own {
            let meal = afterAbsence.assignment(of: id)
            XCTAssertTrue(meal == nil ? afterAbsence.unserved.contains { $0.dinerID == id } : meal!.courierID != round.courierID)
        }
        let othersAfterAbsence = Replanning.changedDiners(from: before, to: afterAbsence).subtracting(own)
        XCTAssertLessThanOrEqual(othersAfterAbsence.count, 2, "the absence itself barely disturbs other diners: \(othersAfterAbsence)")

        let replanned = try Replanning.replan(date: date, in: database, by: "test", maxChanges: 5)
        XCTAssertLessThanOrEqual(replanned.changed.count, 5)
        XCTAssertEqual(replanned.changed, Replanning.changedDiners(from: afterAbsence, to: replanned.plan))
        let beyondOwn = Replanning.changedDiners(from: before, to: replanned.plan).subtracting(own)
        XCTAssertLessThanOrEqual(beyondOwn.count, 5 + othersAfterAbsence.count)
        XCTAssertFalse(replanned.plan.rounds.contains { $0.courierID == round.courierID }, "the absence holds through the replan")
    }

    func testAStaleChangeIsRefusedAndWritesNothing() throws {
        let database = try plannedCopy()
        let plan = try latest(database)
        let delivery = plan.assignments.filter { $0.mode == .delivery }
        let target = delivery[0].dinerID
        let otherCourier = plan.rounds.first { $0.courierID != delivery[0].courierID && $0.canteenID == delivery[0].canteenID }
            ?? plan.rounds.first { $0.courierID != delivery[0].courierID }!
        _ = try edit(database, by: "王协调") { try $0.moveToCourier(target, courierID: otherCourier.courierID, position: nil) }
        let dump = try database.contentSnapshot()
        XCTAssertThrowsError(try edit(database, on: 1, by: "李协调") { try $0.cancel(target, reason: "away") }) { error in
            let text = "\(error)"
            XCTAssertTrue(error is PlanEditing.Conflict, text)
            XCTAssertTrue(text.contains("made on version 1, but the plan is now at version 2 and \(target) changed since"), text)
            XCTAssertTrue(text.contains("王协调: test"), "says who changed what: \(text)")
        }
        XCTAssertEqual(try database.contentSnapshot(), dump, "nothing was written")
        // A change on version 1 that touches someone else applies cleanly on top.
        let sitter = plan.assignments.first { $0.mode == .dineIn }!.dinerID
        let applied = try edit(database, on: 1, by: "李协调") { try $0.cancel(sitter, reason: "away") }
        XCTAssertEqual(applied.version, 3)
        XCTAssertEqual(applied.assignment(of: target)?.courierID, otherCourier.courierID, "the other coordinator's move is kept")
    }

    func testMoveSwapCancelAddAndCloseDoWhatTheySayAndNothingElse() throws {
        let database = try plannedCopy()
        let plan = try latest(database)
        let sitters = plan.assignments.filter { $0.mode == .dineIn }
        let (a, b) = (sitters[0], sitters.first { $0.canteenID != sitters[0].canteenID }!)
        let swapped = try edit(database) { try $0.swap(a.dinerID, b.dinerID) }
        XCTAssertEqual(swapped.assignment(of: a.dinerID)?.canteenID, b.canteenID)
        XCTAssertEqual(swapped.assignment(of: b.dinerID)?.canteenID, a.canteenID)
        XCTAssertEqual(Replanning.changedDiners(from: plan, to: swapped), [a.dinerID, b.dinerID])
        XCTAssertEqual(swapped.rounds, plan.rounds, "rounds untouched by a swap of sitters keep their times")

        let cancelled = try edit(database) { try $0.cancel(a.dinerID, reason: "hospitalized") }
        XCTAssertNil(cancelled.assignment(of: a.dinerID))
        XCTAssertEqual(cancelled.unserved.first { $0.dinerID == a.dinerID }?.detail, "hospitalized")
        let added = try edit(database) { try $0.add(a.dinerID) }
        XCTAssertNotNil(added.assignment(of: a.dinerID), "an extra meal undoes the cancellation")

        let delivery = plan.assignments.first { $0.mode == .delivery }!
        let moved = try edit(database) { try $0.moveToCanteen(delivery.dinerID, canteenID: delivery.canteenID, mode: .dineIn, sitting: nil) }
        XCTAssertEqual(moved.assignment(of: delivery.dinerID)?.mode, .dineIn)
        XCTAssertFalse(moved.rounds.contains { $0.trips.contains { $0.stops.contains { $0.dinerID == delivery.dinerID } } })

        let closing = plan.assignments.first { $0.mode == .dineIn }!.canteenID
        let closed = try edit(database) { try $0.closeCanteen(closing) }
        XCTAssertFalse(closed.assignments.contains { $0.canteenID == closing })
        let affected = Set(moved.assignments.filter { $0.canteenID == closing }.map(\.dinerID))
        // Others may arrive a little later on a round that took in a closed canteen's delivery,
        // but nobody else changes canteen, service or courier.
        for meal in moved.assignments where !affected.contains(meal.dinerID) {
            let after = closed.assignment(of: meal.dinerID)
            XCTAssertEqual([after?.canteenID.rawValue, after?.mode.rawValue, after?.courierID?.rawValue], [meal.canteenID.rawValue, meal.mode.rawValue, meal.courierID?.rawValue],
                           "\(meal.dinerID)")
        }
        let exceptions = try database.writer.read { try DayExceptions.load(date: self.date, $0) }
        XCTAssertTrue(exceptions.closedCanteens.contains(closing))
    }

    func testCheckFlagsARuleBrokenByAManualMove() throws {
        let database = try plannedCopy()
        let plan = try latest(database)
        let planned = try PlannedDistrict.wednesday.get()
        XCTAssertEqual(try PlanChecker.violations(of: plan, registry: database.registry(), exceptions: database.dayExceptions(date: date)), [])
        // A walker sent to dine at the canteen farthest from home.
        let sitter = plan.assignments.first { meal in
            meal.mode == .dineIn && planned.diners.first { $0.id == meal.dinerID }!.mobility == .independent
        }!
        let home = planned.diners.first { $0.id == sitter.dinerID }!.location
        let far = planned.canteens.filter(\.offersDineIn).max { $0.location.greatCircleMetres(to: home) < $1.location.greatCircleMetres(to: home) }!
        let moved = try edit(database) { try $0.moveToCanteen(sitter.dinerID, canteenID: far.id, mode: .dineIn, sitting: nil) }
        let violations = try PlanChecker.violations(of: moved, registry: database.registry(),
                                                   exceptions: database.dayExceptions(date: date))
        XCTAssertEqual(violations.map(\.dinerID), [sitter.dinerID], "\(violations)")
        XCTAssertEqual(violations.first?.rule, .outsideCircle)
        XCTAssertEqual(PlanChecker.rosterNotes(violations)[sitter.dinerID], "⚠ outside_circle")
    }
}
