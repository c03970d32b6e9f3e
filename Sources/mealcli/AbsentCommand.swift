import ArgumentParser
import MealCore
import MealPlanner

extension MealCLI {
    struct Absent: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A courier is absent: move only their deliveries to other rounds within the circle.")

        @Option(help: "The courier: id, name or the last 4 digits of the phone.") var courier: String
        @OptionGroup var edit: EditOptions

        func run() throws {
            let courierID = try edit.people().courier(courier)
            try edit.apply(action: "absent", subject: courierID.rawValue) { try $0.courierAbsent(courierID) }
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
