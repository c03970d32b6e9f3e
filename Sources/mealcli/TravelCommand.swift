import ArgumentParser
import Foundation
import MealCore
import MealPlanner

extension Traveller: ExpressibleByArgument {}

/// `LAT,LON` as operators copy it from a map; a transform so the refusal says why (exit 64).
enum PointArgument {
    static func parse(_ text: String) throws -> GeoPoint {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let latitude = Double(parts[0]), let longitude = Double(parts[1]) else {
            throw ValidationError("a place is LAT,LON in decimal degrees, e.g. 28.2400,117.0300")
        }
        do {
            return try GeoPoint(latitude: latitude, longitude: longitude)
        } catch let error as DomainError {
            throw ValidationError(error.message)
        }
    }
}

extension MealCLI {
    struct Travel: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The travel time between two places by one pace or vehicle, with the model that gave it.",
            discussion: "Unreachable trips say why (JSON: seconds null with a reason).")

        @Option(help: ArgumentHelp("Where the trip starts.", valueName: "lat,lon"), transform: PointArgument.parse)
        var from: GeoPoint

        @Option(help: ArgumentHelp("Where the trip ends.", valueName: "lat,lon"), transform: PointArgument.parse)
        var to: GeoPoint

        @Option(name: .customLong("as"),
                help: ArgumentHelp("Who travels: a diner's pace, pickup (collecting at the independent pace), or a courier's vehicle.",
                                   valueName: "pace"))
        var traveller: Traveller = .independent

        @OptionGroup var output: OutputFormatOption
        @OptionGroup var planning: PlanningOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let store = try database.open()
            try CLIError.reporting {
                let parameters = try planning.resolve()
                let model = try planning.travel.choice(in: store).model(for: parameters)
                let answer = TravelAnswer(from: from, to: to, as: traveller, model: model)
                if output.isJSON { return try JSONOutput.write(answer) }
                print(answer.text(from: from, to: to, as: traveller, model: model.identity))
            }
        }
    }
}
