import ArgumentParser
import MealCore
import MealPlanner

extension MealCLI {
    struct Revert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Undo: store an earlier version again as the newest version (logged like any change).",
            discussion: "Absences, closures and cancellations declared since stay declared; `mealcli check` shows what they break.")

        @Option(help: "The date (YYYY-MM-DD).", transform: DateArgument.parse) var date: String
        @Option(name: .customLong("to-version"), help: "The version to go back to.") var toVersion: Int
        @OptionGroup var publishing: PublishOption
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var operatorOptions: OperatorOptions

        func validate() throws {
            guard toVersion >= 1 else { throw ValidationError("--to-version counts from 1") }
        }

        func run() throws {
            let store = try database.open()
            try CLIError.reporting {
                let change = try PlanReverting.revert(date: date, toVersion: toVersion, in: store, by: operatorOptions.name,
                                                      publish: publishing.publish)
                if change.isNewVersion {
                    print("\(date): version \(toVersion) stored as version \(change.plan.version)")
                    // The day's declarations are facts about the date, not part of a version.
                    let broken = try PlanChecker.violations(of: change.plan, registry: store.registry(),
                                                            exceptions: store.dayExceptions(date: date))
                    if !broken.isEmpty {
                        print("\(broken.count) rule\(broken.count == 1 ? "" : "s") broken under the date's declarations "
                              + "(absences, closures and cancellations stay declared); see `mealcli check --date \(date)`")
                    }
                } else {
                    print("\(date): nothing changed: the newest version (\(change.plan.version)) already equals version "
                          + "\(toVersion); no new version stored")
                }
                try publishing.report(change, in: store)
            }
        }
    }
}
