import ArgumentParser
import MealCore
import MealPlanner

extension MealCLI {
    struct Absent: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A courier is absent: move only their deliveries to other rounds within the circle.")

        @Option(help: "The courier id.") var courier: String
        @OptionGroup var edit: EditOptions

        func run() throws {
            try edit.apply(action: "absent", subject: courier) { try $0.courierAbsent(CourierID(courier)) }
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A canteen closes for the day: move only its diners to other canteens and couriers within the circle.")

        @Option(help: "The canteen id.") var canteen: String
        @OptionGroup var edit: EditOptions

        func run() throws {
            try edit.apply(action: "close", subject: canteen) { try $0.closeCanteen(CanteenID(canteen)) }
        }
    }
}
