import ArgumentParser
import MealCore
import MealPlanner

extension MealCLI {
    struct Swap: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Exchange the places of two diners (canteen, service, sitting or round).")

        @Argument(help: "The first diner: id, name or the last 4 digits of the phone.") var first: String
        @Argument(help: "The second diner, the same way.") var second: String
        @OptionGroup var edit: EditOptions

        func validate() throws {
            if first == second { throw ValidationError("name two different diners") }
        }

        func run() throws {
            let people = try edit.people()
            let (one, other) = (try people.diner(first), try people.diner(second))
            if one == other {
                printError("error: '\(first)' and '\(second)' are the same diner, \(one); name two different diners")
                throw ExitCode.failure
            }
            try edit.apply(action: "swap", subject: "\(one) \(other)") { try $0.swap(one, other) }
        }
    }
}
