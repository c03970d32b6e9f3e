import ArgumentParser
import Foundation
import MealCore
import MealPlanner

/// The planning figures: a JSON parameters file, then individual overrides.
struct PlanningOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A JSON file of planning parameters (see docs/planning.md).", valueName: "file"))
    var parameters: String?

    @Option(name: .customLong("radius"), help: ArgumentHelp("The service circle in minutes (default 15).", valueName: "minutes"))
    var radiusMinutes: Int?

    @OptionGroup var travel: TravelOption

    func resolve() throws -> PlanningParameters {
        var result = PlanningParameters.standard
        if let parameters {
            guard let data = FileManager.default.contents(atPath: parameters) else {
                throw ValidationError("cannot read parameters file \(parameters)")
            }
            do {
                result = try PlanningParameters.reading(json: data)
            } catch {
                throw ValidationError("\(parameters): not a valid parameters file: \(error)")
            }
        }
        if let radiusMinutes {
            let minutes = PlanningParameters.Ranges.radiusSeconds.lowerBound / 60...PlanningParameters.Ranges.radiusSeconds.upperBound / 60
            guard minutes.contains(radiusMinutes) else {
                throw ValidationError("--radius must be from \(minutes.lowerBound) to \(minutes.upperBound) minutes (got \(radiusMinutes))")
            }
            result.radiusSeconds = radiusMinutes * 60
        }
        return try result.validated()
    }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv, json
}

extension Registry {
    /// Loads the registry the planner works on.
    init(_ store: AppDatabase) throws {
        self = try store.registry()
    }
}
