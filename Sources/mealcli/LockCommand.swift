import ArgumentParser
import MealCore
import MealPlanner

extension MealCLI {
    struct Lock: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Keep a diner's placement (or a courier's whole round with --courier) through every replan.")

        @Argument(help: "The diner id (or use --courier).") var diner: String?
        @Option(help: "Lock this courier's whole round.") var courier: String?
        @OptionGroup var edit: EditOptions

        func validate() throws {
            if (diner == nil) == (courier == nil) { throw ValidationError("give a diner id or --courier ID") }
        }

        func run() throws {
            try edit.apply(action: "lock", subject: diner ?? courier!) { editor in
                if let courier { try editor.setCourierLock(CourierID(courier), locked: true) } else { try editor.setLock(DinerID(diner!), locked: true) }
            }
        }
    }

    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Let replanning move a locked diner (or --courier round) again.")

        @Argument(help: "The diner id (or use --courier).") var diner: String?
        @Option(help: "Unlock this courier's round.") var courier: String?
        @OptionGroup var edit: EditOptions

        func validate() throws {
            if (diner == nil) == (courier == nil) { throw ValidationError("give a diner id or --courier ID") }
        }

        func run() throws {
            try edit.apply(action: "unlock", subject: diner ?? courier!) { editor in
                if let courier { try editor.setCourierLock(CourierID(courier), locked: false) } else { try editor.setLock(DinerID(diner!), locked: false) }
            }
        }
    }
}
