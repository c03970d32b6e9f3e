import ArgumentParser
import Foundation
import MealCore
import MealPlanner

extension MealCLI {
    struct Routes: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Route sheets for couriers: per trip the load, the stops in order with time, address, phone and notes, and a result column.",
            discussion: """
                Prints the published version, else the newest; says on standard error when newer versions are not published. \
                Phone numbers of a sheet's own stops (diner and emergency contact) are printed in full: the courier calls them.
                """)

        @Option(help: "The date (YYYY-MM-DD).", transform: DateArgument.parse)
        var date: String

        @Option(help: "Only this canteen's couriers.")
        var canteen: String?

        @Option(help: "Only this courier (id, name or the last 4 digits of the phone).")
        var courier: String?

        @Option(help: "A plan version (default: the published one, else the newest).")
        var version: Int?

        @Option(help: "text, csv, html (one A4 sheet per courier and trip) or json.")
        var format: RosterFormat = .text

        @Option(help: "Write to this file.")
        var out: String?

        @Flag(help: "Replace existing output.")
        var force = false

        @Flag(help: "Kept for scripts: route sheets always show their stops' phone numbers in full.")
        var unmasked = false

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let store = try database.open()
            try CLIError.reporting {
                let stored = try store.planWithContext(date: date, version: version.map(PlanVersionChoice.number) ?? .current)
                let (plan, registry, welfareNotes) = (stored.plan, stored.registry, stored.welfareNotes)
                _ = try DraftNotice.warn(printing: plan, in: store)
                let diners = Dictionary(uniqueKeysWithValues: registry.diners.map { ($0.id, $0) })
                let couriers = Dictionary(uniqueKeysWithValues: registry.couriers.map { ($0.id, $0) })
                let courier = try self.courier.map(PersonLookup(registry: registry, plan: plan).courier)
                if let canteen, !registry.canteens.contains(where: { $0.id.rawValue == canteen }) {
                    throw StoreError.notFound(kind: "canteen", id: canteen)
                }
                var sheets: [RouteSheet] = []
                for canteen in registry.canteens where self.canteen == nil || canteen.id.rawValue == self.canteen {
                    // The courier's job is to call these people: the sheet's own stops in full.
                    let roster = CanteenRoster(plan: plan, canteen: canteen, diners: diners, couriers: couriers,
                                               unmaskedPhones: true, notesByDiner: welfareNotes)
                    sheets += roster.trips.filter { courier == nil || $0.courierID == courier }.map { RouteSheet(roster: roster, trip: $0) }
                }
                let bytes: [UInt8] = switch format {
                case .text: Array((sheets.isEmpty ? "no delivery trips match on \(date) (version \(plan.version))\n"
                                   : sheets.map(\.text).joined(separator: "\n")).utf8)
                case .csv: RouteSheet.csv(sheets)
                case .html: Array(RouteSheet.html(sheets).utf8)
                case .json: Array((RouteSheet.json(sheets) + "\n").utf8)
                }
                try OutputTarget.emit(bytes, to: out, force: force)
            }
        }
    }
}
