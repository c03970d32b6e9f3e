import ArgumentParser
import MealCore
import MealPlanner

extension MealCLI {
    struct Lock: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Keep a diner's placement (or a courier's whole round with --courier) through every replan.")

        @Argument(help: "The diner: id, name or the last 4 digits of the phone (or use --courier).") var diner: String?
        @Option(help: "Lock this courier's whole round (id, name or the last 4 digits of the phone).") var courier: String?
        @OptionGroup var edit: EditOptions

        func validate() throws {
            if (diner == nil) == (courier == nil) { throw ValidationError("give a diner or --courier COURIER") }
        }

        func run() throws {
            let people = try edit.people()
            let courierID = try courier.map(people.courier), dinerID = try diner.map(people.diner)
            try edit.apply(action: "lock", subject: courierID?.rawValue ?? dinerID!.rawValue) { editor in
                if let courierID { try editor.setCourierLock(courierID, locked: true) } else { try editor.setLock(dinerID!, locked: true) }
            }
        }
    }

    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Let replanning move a locked diner (or --courier round) again.")

        @Argument(help: "The diner: id, name or the last 4 digits of the phone (or use --courier).") var diner: String?
        @Option(help: "Unlock this courier's round (id, name or the last 4 digits of the phone).") var courier: String?
        @OptionGroup var edit: EditOptions

        func validate() throws {
            if (diner == nil) == (courier == nil) { throw ValidationError("give a diner or --courier COURIER") }
        }

        func run() throws {
            let people = try edit.people()
            let courierID = try courier.map(people.courier), dinerID = try diner.map(people.diner)
            try edit.apply(action: "unlock", subject: courierID?.rawValue ?? dinerID!.rawValue) { editor in
                if let courierID { try editor.setCourierLock(courierID, locked: false) } else { try editor.setLock(dinerID!, locked: false) }
            }
        }
    }
}
