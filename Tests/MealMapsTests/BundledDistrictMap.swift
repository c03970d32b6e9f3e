import Foundation
import MealCore
import MealMaps
import MealPlanner

/// The bundled district (Fixtures/yuehu, with its streets) planned for Wednesday 2026-11-25 on
/// the streets, once for every test of this target.
enum BundledDistrictMap {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/yuehu").path

    struct Planned: Sendable {
        let plan: DayPlan
        let registry: Registry
        let roads: NetworkRoads
    }

    static let wednesday: Result<Planned, Error> = Result {
        let database = try AppDatabase.inMemory()
        _ = try BundledData.load(from: fixtures, into: database, by: "test")
        guard let roads = try TravelSelection.storedRoads(in: database) as? NetworkRoads else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "the bundled district has no streets"])
        }
        let settings = DayPlanner.Settings(seed: 1, createdBy: "test", travel: .network(roads))
        let result = try DailyPlanning.plan(date: "2026-11-25", in: database, settings: settings)
        return Planned(plan: result.plan, registry: try database.registry(), roads: roads)
    }

    /// The day's map, with `rename` applied to the registry first.
    static func html(focus: DayMap.Focus = .whole, streets: Bool = true, rename: (inout Registry) -> Void = { _ in }) throws -> String {
        let planned = try wednesday.get()
        var registry = planned.registry
        rename(&registry)
        let roads = streets ? NetworkTravelModel(roads: planned.roads, parameters: .standard) : nil
        return DayMap(plan: planned.plan, registry: registry, parameters: .standard, roads: roads, focus: focus).html
    }

    /// How many times `pattern` (a regular expression) matches `text`.
    static func count(_ pattern: String, in text: String) -> Int {
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
    }
}
