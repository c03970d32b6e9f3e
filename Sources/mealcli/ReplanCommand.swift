import ArgumentParser
import Foundation
import MealCore
import MealPlanner

extension MealCLI {
    struct Replan: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-optimise the latest version around the locks, changing at most --max-changes diners.",
            discussion: """
                A diner counts as changed when canteen, service or courier differ or the arrival moves by more than \
                15 minutes. Without --max-changes, changes are minimised first and travel second.
                """)

        @Option(help: "The date (YYYY-MM-DD).", transform: DateArgument.parse) var date: String
        @Option(name: .customLong("max-changes"), help: "At most this many diners may change.") var maxChanges: Int?
        @Option(help: "Random seed of the routing search.") var seed: UInt64 = 1
        @Option(name: .customLong("time-limit"), help: "Seconds one canteen's routing may take at most (a guard against runaway: the search stops on a work budget).") var timeLimit: Double = DayPlanner.defaultTimeGuard
        @OptionGroup var publishing: PublishOption
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var operatorOptions: OperatorOptions

        func validate() throws {
            if let maxChanges, maxChanges < 0 { throw ValidationError("--max-changes cannot be negative") }
        }

        func run() throws {
            let store = try database.open()
            try CLIError.reporting {
                let started = Date()
                let outcome = try Replanning.replan(date: date, in: store, by: operatorOptions.name, maxChanges: maxChanges,
                                                   seed: seed, timeLimit: timeLimit, publish: publishing.publish)
                let seconds = String(format: "%.2f s", Date().timeIntervalSince(started))
                if outcome.change.isNewVersion {
                    print("\(date): version \(outcome.plan.version), \(outcome.changed.count) diners changed "
                          + "(\(outcome.strategy); a fresh re-optimisation would change \(outcome.idealChanged)); "
                          + "\(outcome.plan.unserved.filter(\.reason.isFailure).count) unserved; " + seconds)
                } else {
                    print("\(date): nothing changed: the replan moves nobody and keeps every time of version "
                          + "\(outcome.plan.version); no new version stored (\(seconds))")
                }
                try publishing.report(outcome.change, in: store)
            }
        }
    }
}
