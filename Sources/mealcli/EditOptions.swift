import ArgumentParser
import Foundation
import MealCore
import MealPlanner

/// What every coordinator's change names: the date, and the version it was made on.
struct EditOptions: ParsableArguments {
    @Option(help: "The date (YYYY-MM-DD).", transform: DateArgument.parse)
    var date: String

    @Option(name: .customLong("on-version"),
            help: "The version you were looking at (default: the latest). If others changed the same diners since, the change is refused.")
    var onVersion: Int?

    @OptionGroup var publishing: PublishOption
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var operatorOptions: OperatorOptions

    /// Applies one change and prints what it did; the new version is stored in one transaction.
    /// Ends with which version operators will print and how to publish.
    func apply(action: String, subject: String, _ edit: (inout PlanEditor) throws -> Void) throws {
        let store = try database.open()
        try CLIError.reporting {
            let applied = try PlanEditing.apply(date: date, in: store, by: operatorOptions.name, baseVersion: onVersion,
                                                publish: publishing.publish, action: action, subject: subject, edit)
            let (plan, editor) = (applied.plan, applied.editor)
            guard applied.change.isNewVersion else {
                print("\(date): nothing changed (version \(plan.version) already has it so); no new version stored")
                try publishing.report(applied.change, in: store)
                return
            }
            for line in editor.log { print(line) }
            let unserved = editor.touched.compactMap { id in plan.unserved.first { $0.dinerID == id } }.sorted { $0.dinerID < $1.dinerID }
            for entry in unserved where entry.reason.isFailure {
                print("cannot be served: \(entry.dinerID) (\(entry.reason.rawValue)): \(entry.detail)")
            }
            let flagged = try PlanChecker.violations(of: plan, registry: store.registry(), exceptions: store.dayExceptions(date: plan.date))
                .filter { violation in violation.dinerID.map(editor.touched.contains) ?? false }
            for violation in flagged { print("flagged: \(violation)") }
            print("\(date): stored as version \(plan.version) (\(editor.touched.count) diner\(editor.touched.count == 1 ? "" : "s") changed"
                  + (flagged.isEmpty ? "" : "; \(flagged.count) rule\(flagged.count == 1 ? "" : "s") broken, see `mealcli check --date \(date)`") + ")")
            try publishing.report(applied.change, in: store)
        }
    }
}

extension ServiceMode: ExpressibleByArgument {}
