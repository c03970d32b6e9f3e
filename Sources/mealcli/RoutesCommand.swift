import ArgumentParser
import Foundation
import MealCore
import MealPlanner

extension MealCLI {
    struct Routes: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Route sheets for couriers: each trip's stops in order with arrival time, address and notes.",
            discussion: "Prints the published version, else the newest; says on standard error when newer versions are not published.")

        @Option(help: "The date (YYYY-MM-DD).", transform: DateArgument.parse)
        var date: String

        @Option(help: "Only this canteen's couriers.")
        var canteen: String?

        @Option(help: "Only this courier (id, name or the last 4 digits of the phone).")
        var courier: String?

        @Option(help: "A plan version (default: the published one, else the newest).")
        var version: Int?

        @Flag(help: "Show phone numbers in full.")
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
                var printed = 0
                for canteen in registry.canteens where self.canteen == nil || canteen.id.rawValue == self.canteen {
                    let roster = CanteenRoster(plan: plan, canteen: canteen, diners: diners, couriers: couriers,
                                               unmaskedPhones: unmasked, notesByDiner: welfareNotes)
                    for trip in roster.trips where courier == nil || trip.courierID == courier {
                        print(RosterFormatter.routeSheet(trip, canteen: canteen, date: plan.date, version: plan.version))
                        printed += 1
                    }
                }
                if printed == 0 { print("no delivery trips match on \(date) (version \(plan.version))") }
            }
        }
    }
}
