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
        @OptionGroup var travel: TravelOption
        @OptionGroup var publishing: PublishOption
        @OptionGroup var output: OutputFormatOption
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var operatorOptions: OperatorOptions

        /// `replan --format json` (docs/formats.md).
        struct Document: Encodable {
            var date: String
            /// False when the replan changed nothing and no version was stored.
            var newVersion: Bool
            var version: Int
            var status: DayPlan.Status
            var changed: [DinerID]
            var freshReoptimisationWouldChange: Int
            var strategy: String
            var unserved: Int
            var printedVersion: Int?
            var seconds: Double

            enum CodingKeys: String, CodingKey {
                case date, version, status, changed, strategy, unserved, seconds
                case newVersion = "new_version"
                case freshReoptimisationWouldChange = "fresh_reoptimisation_would_change"
                case printedVersion = "printed_version"
            }

            init(_ outcome: Replanning.Outcome, date: String, seconds: Double, printedVersion: Int?) {
                (self.date, self.seconds, self.printedVersion) = (date, seconds, printedVersion)
                newVersion = outcome.change.isNewVersion
                version = outcome.plan.version
                status = outcome.plan.status
                changed = outcome.changed.sorted()
                freshReoptimisationWouldChange = outcome.idealChanged
                strategy = outcome.strategy
                unserved = outcome.plan.unserved.filter(\.reason.isFailure).count
            }
        }

        func validate() throws {
            if let maxChanges, maxChanges < 0 { throw ValidationError("--max-changes cannot be negative") }
        }

        func run() throws {
            let store = try database.open()
            try CLIError.reporting {
                let started = Date()
                let outcome = try Replanning.replan(date: date, in: store, by: operatorOptions.name, maxChanges: maxChanges,
                                                   seed: seed, timeLimit: timeLimit, publish: publishing.publish,
                                                   travel: try travel.choice(in: store))
                if output.isJSON {
                    return try JSONOutput.write(Document(outcome, date: date, seconds: JSONOutput.seconds(since: started),
                                                         printedVersion: try publishing.printedVersion(date: date, in: store)))
                }
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
