import ArgumentParser
import Foundation
import MealCore
import MealPlanner

enum RosterFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv, html, json
}

extension MealCLI {
    struct Roster: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a canteen's day: sittings, pickups, delivery rounds and the kitchen count.",
            discussion: """
                Prints the published version of the date, else the newest draft (marked DRAFT). When newer versions \
                are not published, says so on standard error (in JSON: newer_unpublished_versions).
                """)

        @Option(help: "The date (YYYY-MM-DD).", transform: DateArgument.parse)
        var date: String

        @Option(help: "The canteen id.")
        var canteen: String?

        @Flag(help: "Every canteen: with --format html and --out DIR, one page per canteen and an index.")
        var all = false

        @Option(help: "text, csv, html or json.")
        var format: RosterFormat = .text

        @Option(help: "A plan version (default: the published one, else the newest).")
        var version: Int?

        @Option(help: "Write to this file (or folder with --all).")
        var out: String?

        @Flag(help: "Replace existing output.")
        var force = false

        @Flag(help: "Show phone numbers in full.")
        var unmasked = false

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            if all == (canteen != nil) { throw ValidationError("give either --canteen ID or --all") }
            if all && (format != .html || out == nil) { throw ValidationError("--all needs --format html and --out DIR") }
        }

        func run() throws {
            let store = try database.open()
            try CLIError.reporting {
                let stored = try store.planWithContext(date: date, version: version.map(PlanVersionChoice.number) ?? .current)
                let (plan, registry) = (stored.plan, stored.registry)
                let newer = try DraftNotice.warn(printing: plan, in: store)
                // Notes beside a name: a broken rule a manual change let through, and a
                // welfare check to make in person.
                let flagged = PlanChecker.rosterNotes(
                    try PlanChecker.violations(of: plan, registry: registry, exceptions: stored.exceptions))
                let notes = flagged.merging(stored.welfareNotes) { "\($0); \($1)" }
                let diners = Dictionary(uniqueKeysWithValues: registry.diners.map { ($0.id, $0) })
                let couriers = Dictionary(uniqueKeysWithValues: registry.couriers.map { ($0.id, $0) })
                func roster(_ canteen: Canteen) -> CanteenRoster {
                    CanteenRoster(plan: plan, canteen: canteen, diners: diners, couriers: couriers, unmaskedPhones: unmasked,
                                  notesByDiner: notes)
                }
                var day = try ServiceDay(date: plan.date)
                day.exceptions = stored.exceptions
                let closed = Set(registry.canteens.filter { !day.isOpen($0) }.map(\.id))
                if all, let out {
                    let pages = try RosterBook.write(plan: plan, canteens: registry.canteens, couriers: registry.couriers,
                                                     diners: registry.diners, to: out, overwrite: force, unmaskedPhones: unmasked,
                                                     notesByDiner: notes, closedCanteens: closed)
                    print("\(out): \(pages) canteen pages and index.html")
                    return
                }
                guard let canteen = registry.canteens.first(where: { $0.id.rawValue == self.canteen }) else {
                    throw StoreError.notFound(kind: "canteen", id: self.canteen ?? "")
                }
                if closed.contains(canteen.id), !plan.assignments.contains(where: { $0.canteenID == canteen.id }), format == .text || format == .html {
                    let notice = ClosedCanteenNotice(plan: plan, canteen: canteen, canteens: registry.canteens, diners: registry.diners,
                                                     unmaskedPhones: unmasked)
                    try OutputTarget.emit(Array((format == .html ? notice.html : notice.text).utf8), to: out, force: force)
                    return
                }
                var r = roster(canteen)
                r.newerUnpublishedVersions = newer
                let bytes: [UInt8] = switch format {
                case .text: Array(RosterFormatter.text(r).utf8)
                case .csv: RosterFormatter.csv(r)
                case .html: Array(RosterFormatter.html(r).utf8)
                case .json: Array((RosterFormatter.json(r) + "\n").utf8)
                }
                try OutputTarget.emit(bytes, to: out, force: force)
            }
        }
    }
}
