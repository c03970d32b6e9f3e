import ArgumentParser
import MealCore
import MealPlanner

extension MealCLI {
    struct Swap: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Exchange the places of two diners (canteen, service, sitting or round).")

        @Argument(help: "The first diner id.") var first: String
        @Argument(help: "The second diner id.") var second: String
        @OptionGroup var edit: EditOptions

        func validate() throws {
            if first == second { throw ValidationError("name two different diners") }
        }

        func run() throws {
            try edit.apply(action: "swap", subject: "\(first) \(second)") { try $0.swap(DinerID(first), DinerID(second)) }
        }
    }
}
