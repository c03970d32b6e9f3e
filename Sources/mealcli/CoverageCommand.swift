import ArgumentParser
import Foundation
import MealCore
import MealPlanner

extension MealCLI {
    struct Coverage: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Who is inside the 15-minute service circle, per community, and where new canteens would help.")

        @Option(help: "Only diners who eat on this date (YYYY-MM-DD), with that day's open canteens and working couriers.", transform: DateArgument.parse)
        var date: String?

        @Option(help: "text, csv or json.")
        var format: ReportFormat = .text

        @Option(help: "How many new canteen sites to suggest.")
        var suggestions: Int = 5

        @OptionGroup var planning: PlanningOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let store = try database.open()
            try CLIError.reporting {
                let day = try date.map(ServiceDay.init(date:)) ?? .anyDay
                let registry = try Registry(store)
                let parameters = try planning.resolve()
                let reach = ServiceReach(canteens: registry.canteens, couriers: registry.couriers, parameters: parameters,
                                         day: day, model: try planning.travel.choice(in: store).model(for: parameters))
                let report = CoverageReport(diners: registry.diners, reach: reach, suggestionCount: suggestions)
                switch format {
                case .text: print(CoverageFormatter.text(report), terminator: "")
                case .csv: FileHandle.standardOutput.write(Data(CoverageFormatter.csv(report)))
                case .json: print(CoverageFormatter.json(report))
                }
            }
        }
    }
}
