import MealCore
import MealPlanner

/// Library errors in operator wording: the libraries say what went wrong; the command line adds
/// which command or flag puts it right, since only it knows its own commands and flags.
enum OperatorWording {
    static func message(for error: Error) -> String {
        switch error {
        case let error as StoreError: message(for: error)
        case let error as PlanStore.Failure: message(for: error)
        case let error as WelfareError: message(for: error)
        case let error as OutputFile.Refused where error.reason == .alreadyExists:
            "\(error); use --force to replace it"
        case let error as PlanEditing.Conflict:
            "\(error)\nLook at `mealcli diff --date \(error.date)` and make the change again on version \(error.latestVersion)."
        case TravelSelection.Failure.noRoadNetwork:
            "no road network imported: mealcli import roads FILE (or choose --travel straight)"
        case PlanEditor.Failure.notDelivery(let id):
            "\(id) is not a delivery; move them to a courier with --to-canteen ... --mode delivery"
        default: "\(error)"
        }
    }

    static func message(for error: StoreError) -> String {
        switch error {
        case .missing(let path):
            "no meal database at \(path): create it with `mealcli init` (or name another with --db or MEALS_DB)"
        case .newerSchema(let path):
            "\(path) was written by a newer version of mealcli; upgrade mealcli to open it"
        case .corrupt:
            "\(error) (`mealcli doctor` shows what is wrong)"
        default: "\(error)"
        }
    }

    static func message(for error: PlanStore.Failure) -> String {
        switch error {
        case .noPlan(let date): "\(error): make one with `mealcli plan --date \(date)`"
        case .versionMoved(let date, let expected, let latest, let since):
            message(for: PlanEditing.Conflict(date: date, baseVersion: expected, latestVersion: latest,
                                              collisions: ["the plan"], since: since))
        case .noVersion: "\(error)"
        }
    }

    static func message(for error: WelfareError) -> String {
        switch error {
        case .unknownAlert: "\(error) (`mealcli alerts` lists the open ones)"
        case .emptyResolution: "say what was done: --note TEXT is required and may not be empty"
        case .alreadyResolved: "\(error)"
        }
    }
}
