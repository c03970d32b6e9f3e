import ArgumentParser
import MealCore
import MealPlanner

extension MealCLI {
    struct Cancel: ParsableCommand {
        enum Reason: String, ExpressibleByArgument, CaseIterable { case hospitalized, away, other }

        static let configuration = CommandConfiguration(abstract: "Cancel a diner's meal for the day (kept through replans).")

        @Argument(help: "The diner: id, name or the last 4 digits of the phone.") var diner: String
        @Option(help: "hospitalized, away or other.") var reason: Reason = .other
        @OptionGroup var edit: EditOptions

        func run() throws {
            let dinerID = try edit.people().diner(diner)
            try edit.apply(action: "cancel", subject: dinerID.rawValue) { try $0.cancel(dinerID, reason: reason.rawValue) }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give a diner a one-off extra meal that day, at the nearest canteen or courier with room.")

        @Argument(help: "The diner: id, name or the last 4 digits of the phone.") var diner: String
        @OptionGroup var edit: EditOptions

        func run() throws {
            let dinerID = try edit.people().diner(diner)
            try edit.apply(action: "add", subject: dinerID.rawValue) { try $0.add(dinerID) }
        }
    }
}
