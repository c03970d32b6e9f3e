import ArgumentParser
import Foundation
import MealCore
import MealMaps
import MealPlanner

extension MealCLI {
    struct Map: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A map as one self-contained HTML file: a day's plan (--date), or where the elderly live (--registry).",
            discussion: """
                --date: streets (when roads are imported), each canteen with the outline of its 15-minute reach, diners \
                coloured by how they are served (unserved in red), and the delivery rounds along the streets, one colour \
                per courier, with numbered stops and each trip's times. --registry: per grid the elderly and the share \
                inside the circle, the diners outside it and the suggested new sites. The file loads nothing from the \
                internet; it pans and zooms, and prints on A4 landscape. Phone numbers are masked. A day's map uses the \
                parameters its plan was made with (--parameters and --radius go with --registry); --travel straight draws \
                it without streets. See docs/printouts.md.
                """)

        @Option(help: "The date of the plan to draw (YYYY-MM-DD).", transform: DateArgument.parse)
        var date: String?

        @Flag(help: "Draw the registry's distribution instead of a day's plan.")
        var registry = false

        @Option(help: "A plan version (default: the published one, else the newest).")
        var version: Int?

        @Option(help: "Open on this canteen and dim the rest.")
        var canteen: String?

        @Option(help: "Open on this courier's rounds (id, name or the last 4 digits of the phone) and dim the rest.")
        var courier: String?

        @Option(help: "With --registry: how many new canteen sites to mark.")
        var suggestions: Int = 5

        @Option(help: "The HTML file to write.")
        var out: String

        @Flag(help: "Replace an existing file.")
        var force = false

        @OptionGroup var planning: PlanningOptions
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            if registry == (date != nil) { throw ValidationError("give either --date DATE (a day's plan) or --registry") }
            if registry, version != nil || canteen != nil || courier != nil {
                throw ValidationError("--version, --canteen and --courier go with --date")
            }
            if !registry, planning.parameters != nil || planning.radiusMinutes != nil {
                throw ValidationError("a day's map uses the parameters its plan was made with; --parameters and --radius go with --registry")
            }
            if canteen != nil && courier != nil { throw ValidationError("give --canteen or --courier, not both") }
            if suggestions < 0 { throw ValidationError("--suggestions must be 0 or more (got \(suggestions))") }
        }

        func run() throws {
            let store = try database.open()
            try CLIError.reporting {
                let html = try registry ? registryMap(store) : dayMap(store)
                try OutputFile.write(Array(html.utf8), to: out, overwrite: force)
                print("\(out): map written (\(html.utf8.count / 1024) KB)")
            }
        }

        private func dayMap(_ store: AppDatabase) throws -> String {
            let stored = try store.planWithContext(date: date ?? "", version: version.map(PlanVersionChoice.number) ?? .current)
            let (plan, registry) = (stored.plan, stored.registry)
            _ = try DraftNotice.warn(printing: plan, in: store)
            var focus = DayMap.Focus.whole
            if let canteen {
                guard registry.canteens.contains(where: { $0.id.rawValue == canteen }) else {
                    throw StoreError.notFound(kind: "canteen", id: canteen)
                }
                focus = .canteen(CanteenID(rawValue: canteen))
            }
            if let courier { focus = .courier(try PersonLookup(registry: registry, plan: plan).courier(courier)) }
            let parameters = try PlanningParameters.reading(json: Data(plan.parametersJSON.utf8))
            let roads = try planning.travel.choice(in: store).model(for: parameters) as? NetworkTravelModel
            return DayMap(plan: plan, registry: registry, parameters: parameters, roads: roads, focus: focus,
                          timeZone: try store.districtTime().identifier).html
        }

        private func registryMap(_ store: AppDatabase) throws -> String {
            let registry = try Registry(store)
            let parameters = try planning.resolve()
            let model = try planning.travel.choice(in: store).model(for: parameters)
            let reach = ServiceReach(canteens: registry.canteens, couriers: registry.couriers, parameters: parameters,
                                     day: .anyDay, model: model)
            let report = CoverageReport(diners: registry.diners, reach: reach, suggestionCount: suggestions)
            return RegistryMap(registry: registry, coverage: report, parameters: parameters,
                               roads: model as? NetworkTravelModel).html
        }
    }
}
