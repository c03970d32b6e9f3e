import ArgumentParser
import MealCore
import MealPlanner

extension MealCLI {
    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a diner to another canteen (and service or sitting), or a delivery onto another courier's round.",
            discussion: "A manual move may break a rule; it is kept, and `mealcli check` shows it.")

        @Argument(help: "The diner: id, name or the last 4 digits of the phone.")
        var diner: String

        @Option(name: .customLong("to-canteen"), help: "The canteen to move to.")
        var toCanteen: String?

        @Option(help: "With --to-canteen: dine_in, delivery or pickup (default: as now).")
        var mode: ServiceMode?

        @Option(help: "With --to-canteen and dine-in: the sitting HH:MM-HH:MM (default: the emptiest).")
        var sitting: String?

        @Option(name: .customLong("to-courier"), help: "The courier whose round the delivery joins (id, name or the last 4 digits of the phone).")
        var toCourier: String?

        @Option(help: "With --to-courier: the place in the courier's day, counting from 1 across trips (default: the best place).")
        var position: Int?

        @OptionGroup var edit: EditOptions

        func validate() throws {
            guard (toCanteen == nil) != (toCourier == nil) else { throw ValidationError("give either --to-canteen or --to-courier") }
            if toCourier != nil && (mode != nil || sitting != nil) { throw ValidationError("--mode and --sitting go with --to-canteen") }
            if toCanteen != nil && position != nil { throw ValidationError("--position goes with --to-courier") }
            if let position, position < 1 { throw ValidationError("--position counts from 1") }
            if let sitting { _ = try TimeWindow(parsing: sitting) }
        }

        func run() throws {
            let window = try sitting.map { try TimeWindow(parsing: $0) }
            let people = try edit.people()
            let dinerID = try people.diner(diner), courierID = try toCourier.map(people.courier)
            try edit.apply(action: "move", subject: dinerID.rawValue) { editor in
                if let toCanteen {
                    try editor.moveToCanteen(dinerID, canteenID: CanteenID(toCanteen), mode: mode, sitting: window)
                } else if let courierID {
                    try editor.moveToCourier(dinerID, courierID: courierID, position: position)
                }
            }
        }
    }
}
