import ArgumentParser
import Foundation
import MealCore
import MealPlanner

extension MealCLI {
    struct Reach: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What lies inside a canteen's circle on the streets: the street segments with the time at each end, and the diners inside.",
            discussion: "Needs imported roads. GeoJSON (docs/formats.md): LineStrings with from_seconds/to_seconds, Points for the canteen and the diners inside (ids only).")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, geojson
        }

        @Option(help: "The canteen's id.")
        var canteen: String

        @Option(name: .customLong("as"),
                help: ArgumentHelp("Whose circle: a diner's pace, pickup, or a courier's vehicle.", valueName: "pace"))
        var traveller: Traveller = .independent

        @Option(help: "text (a summary) or geojson (for a map).")
        var format: Format = .text

        @OptionGroup var planning: PlanningOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let store = try database.open()
            try CLIError.reporting {
                guard planning.travel.model != .straight else {
                    throw ValidationError("reach draws the circle on the streets; it has no --travel straight")
                }
                let parameters = try planning.resolve()
                let registry = try Registry(store)
                guard let shown = registry.canteens.first(where: { $0.id.rawValue == canteen }) else {
                    throw StoreError.notFound(kind: "canteen", id: canteen)
                }
                guard let model = try TravelSelection.choose(.network, in: store).model(for: parameters) as? NetworkTravelModel
                else { throw TravelSelection.Failure.noRoadNetwork }
                let reach = CircleReach(canteen: shown, diners: registry.diners, as: traveller, model: model,
                                        radiusSeconds: parameters.radiusSeconds)
                switch format {
                case .text: print(reach.text, terminator: "")
                case .geojson: try JSONOutput.write(CircleReachGeoJSON(reach))
                }
            }
        }
    }
}
