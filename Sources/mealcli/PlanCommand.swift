import ArgumentParser
import Foundation
import MealCore
import MealPlanner

extension MealCLI {
    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Plan a day's lunch: assignment, delivery rounds, and store it as a new version.",
            discussion: "The same data, seed and time limit give the same plan. --publish makes it the version operators print.")

        @Option(help: "The date (YYYY-MM-DD).", transform: DateArgument.parse)
        var date: String

        @Option(name: .customLong("time-limit"), help: "Seconds one canteen's routing may take at most (a guard against runaway: the search stops on a work budget).")
        var timeLimit: Double = DayPlanner.defaultTimeGuard

        @Option(help: "Random seed of the routing search.")
        var seed: UInt64 = 1

        @OptionGroup var publishing: PublishOption
        @OptionGroup var output: OutputFormatOption

        @OptionGroup var planning: PlanningOptions
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var operatorOptions: OperatorOptions

        /// `plan --format json` (docs/formats.md): the stored version and the summary's figures.
        struct Document: Encodable {
            var date: String
            var version: Int
            var status: DayPlan.Status
            /// What operators print now: this version when published (or nothing is), else the published one.
            var printedVersion: Int?
            var seconds: Double
            var summary: PlanSummary

            enum CodingKeys: String, CodingKey {
                case date, version, status, seconds, summary
                case printedVersion = "printed_version"
            }
        }

        func validate() throws {
            guard timeLimit > 0 else { throw ValidationError("--time-limit must be positive") }
        }

        func run() throws {
            let store = try database.open()
            try CLIError.reporting {
                let started = Date()
                let settings = DayPlanner.Settings(parameters: try planning.resolve(), seed: seed, timeLimit: timeLimit,
                                                   createdBy: operatorOptions.name, travel: try planning.travel.choice(in: store))
                let result = try DailyPlanning.plan(date: date, in: store, settings: settings, publish: publishing.publish)
                if output.isJSON {
                    try JSONOutput.write(Document(
                        date: date, version: result.plan.version, status: result.plan.status,
                        printedVersion: try publishing.printedVersion(date: date, in: store),
                        seconds: JSONOutput.seconds(since: started), summary: result.summary))
                    return
                }
                print(result.summary.text(whereToSeeAll: "`mealcli export plan --date \(date)`"), terminator: "")
                print(String(format: "  stored as version %d (%@) in %.2f s", result.plan.version,
                             result.plan.status.rawValue, Date().timeIntervalSince(started)))
                try publishing.report(date: date, published: publishing.publish ? result.plan.version : nil, in: store)
            }
        }
    }
}
