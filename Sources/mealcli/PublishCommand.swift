import ArgumentParser
import MealCore

extension MealCLI {
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark a plan version as the one operators print (default: the newest).")

        @Option(help: "The date (YYYY-MM-DD).", transform: DateArgument.parse)
        var date: String

        @Option(help: "The version to publish (default: the newest).")
        var version: Int?

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var operatorOptions: OperatorOptions

        func run() throws {
            let store = try database.open()
            try CLIError.reporting {
                let published = try store.publishPlan(date: date, version: version, by: operatorOptions.name)
                print("\(date): version \(published) published")
            }
        }
    }
}
