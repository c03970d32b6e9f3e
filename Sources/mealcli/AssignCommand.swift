import ArgumentParser
import Foundation
import MealCore
import MealPlanner

extension MealCLI {
    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Preview the day's assignment of diners to canteens (nothing is stored).")

        @Option(help: "The date (YYYY-MM-DD).", transform: DateArgument.parse)
        var date: String

        @OptionGroup var output: OutputFormatOption
        @OptionGroup var planning: PlanningOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let store = try database.open()
            try CLIError.reporting {
                let registry = try Registry(store)
                let parameters = try planning.resolve()
                let reach = ServiceReach(canteens: registry.canteens, couriers: registry.couriers, parameters: parameters,
                                         day: try ServiceDay(date: date),
                                         model: try planning.travel.choice(in: store).model(for: parameters))
                let assignment = AssignmentSolver(reach: reach).assign(registry.diners)
                if output.isJSON {
                    try JSONOutput.write(AssignmentReport(assignment, canteens: registry.canteens))
                } else {
                    print(AssignmentFormatter.text(assignment, canteens: registry.canteens), terminator: "")
                }
            }
        }
    }
}
