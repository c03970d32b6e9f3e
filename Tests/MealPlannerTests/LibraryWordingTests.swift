import XCTest
@testable import MealCore
@testable import MealPlanner

/// Library errors say what went wrong without naming commands or flags: only the command line
/// knows those, and adds them in its own wording.
final class LibraryWordingTests: XCTestCase {
    func testLibraryErrorsNameNoCommandOrFlag() {
        let errors: [Error] = [
            StoreError.missing(path: "meals.db"),
            StoreError.newerSchema(path: "meals.db"),
            StoreError.corrupt(path: "meals.db", detail: "database disk image is malformed"),
            PlanStore.Failure.noPlan(date: "2026-11-25"),
            PlanStore.Failure.versionMoved(date: "2026-11-25", expected: 2, latest: 3, since: []),
            WelfareError.unknownAlert(7),
            WelfareError.emptyResolution,
            OutputFile.Refused(path: "plan.json", reason: .alreadyExists),
            PlanEditor.Failure.notDelivery("D00012"),
            PlanEditing.Conflict(date: "2026-11-25", baseVersion: 2, latestVersion: 3, collisions: ["D00012"], since: []),
        ]
        for error in errors {
            let text = "\(error)"
            XCTAssertFalse(text.contains("mealcli"), text)
            XCTAssertFalse(text.contains("--"), text)
        }
    }
}
