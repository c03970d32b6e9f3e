import ArgumentParser
import MealCore
import MealPlanner

extension MealCLI {
    struct Cancel: ParsableCommand {
        enum Reason: String, ExpressibleByArgument, CaseIterable { case hospitalized, away, other }

        static let configuration = CommandConfiguration(abstract: "Cancel a diner's meal for the day (kept through replans).")

        @Argument(help: "The diner id.") var diner: String
        @Option(help: "hospitalized, away or other.") var reason: Reason = .other
        @OptionGroup var edit: EditOptions

        func run() throws {
            try edit.apply(action: "cancel", subject: diner) { try $0.cancel(DinerID(diner), reason: reason.rawValue) }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give a diner a one-off extra meal that day, at the nearest canteen or courier with room.")

        @Argument(help: "The diner id.") var diner: String
        @OptionGroup var edit: EditOptions

        func run() throws {
            try edit.apply(action: "add", subject: diner) { try $0.add(DinerID(diner)) }
        }
    }
}
