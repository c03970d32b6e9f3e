import ArgumentParser
import Foundation
import GRDB
import MealCore
import MealPlanner

/// The planning figures: a JSON parameters file, then individual overrides.
struct PlanningOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A JSON file of planning parameters (see docs/planning.md).", valueName: "file"))
    var parameters: String?

    @Option(name: .customLong("radius"), help: ArgumentHelp("The service circle in minutes (default 15).", valueName: "minutes"))
    var radiusMinutes: Int?

    func resolve() throws -> PlanningParameters {
        var result = PlanningParameters.standard
        if let parameters {
            guard let data = FileManager.default.contents(atPath: parameters) else {
                throw ValidationError("cannot read parameters file \(parameters)")
            }
            do {
                result = try JSONDecoder().decode(PlanningParameters.self, from: data)
            } catch {
                throw ValidationError("\(parameters): not a valid parameters file: \(error)")
            }
        }
        if let radiusMinutes {
            guard radiusMinutes > 0 else { throw ValidationError("--radius must be positive") }
            result.radiusSeconds = radiusMinutes * 60
        }
        return try result.validated()
    }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv, json
}

/// Loads the registry the planner works on.
struct Registry {
    let canteens: [Canteen]
    let couriers: [Courier]
    let diners: [Diner]

    init(_ store: AppDatabase) throws {
        self = try store.writer.read { try Registry($0) }
    }

    init(_ db: Database) throws {
        canteens = try Canteen.fetchAll(db)
        couriers = try Courier.fetchAll(db)
        diners = try Diner.fetchAll(db)
    }
}
