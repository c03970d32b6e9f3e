import ArgumentParser
import MealCore
import MealPlanner

extension MealCLI {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What changed for each diner between two versions of a day's plan, and whom to phone.",
            discussion: """
                Prints one line per diner whose placement differs, then a count. Lines marked TELL are the diners \
                who must be told: their canteen, service, sitting or courier changed, their arrival moved by 15 \
                minutes or more, they were added, or they lost their meal for a reason other than a cancellation. \
                Their phone numbers are shown in full: this list is for the person making the calls, and calling \
                them is its purpose; keep it to that. Diners count as changed for replanning when their canteen, \
                service or courier differs, their arrival moved by more than 15 minutes, or they are planned in \
                one version only.
                """)

        @Option(help: "The date (YYYY-MM-DD).", transform: DateArgument.parse)
        var date: String

        @Option(help: "The older version (default: the one before --to).")
        var from: Int?

        @Option(help: "The newer version (default: the newest).")
        var to: Int?

        @Option(help: "Only diners who eat at this canteen in either version.")
        var canteen: String?

        @Option(help: "Only diners this courier delivers to in either version (id, name or the last 4 digits of the phone).")
        var courier: String?

        @Option(help: "text, csv or json (the must-tell phones in full in each).")
        var format: ReportFormat = .text

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let store = try database.open()
            try CLIError.reporting {
                let (older, newer) = try versions(store)
                let registry = try store.registry()
                let diners = Dictionary(uniqueKeysWithValues: registry.diners.map { ($0.id, $0) })
                if let canteen, !registry.canteens.contains(where: { $0.id.rawValue == canteen }) {
                    throw StoreError.notFound(kind: "canteen", id: canteen)
                }
                let courierID = try courier.map(People(store: store, date: date, version: .number(newer.version)).courier)
                let diff = PlanDiff(
                    from: older, to: newer, diners: diners,
                    couriers: Dictionary(uniqueKeysWithValues: registry.couriers.map { ($0.id, $0) }),
                    canteens: Dictionary(uniqueKeysWithValues: registry.canteens.map { ($0.id, $0) }))
                let changes = diff.changes.filter { change in
                    canteen.map { change.involves(canteen: CanteenID($0)) } ?? true
                        && courierID.map { change.involves(courier: $0) } ?? true
                }
                let report = PlanDiffReport(date: date, fromVersion: older.version, toVersion: newer.version,
                                            changes: changes, diners: diners)
                switch format {
                case .csv: print(report.csv(), terminator: "")
                case .json: JSONOutput.write(json: try report.json())
                case .text:
                    print("\(date): version \(older.version) → version \(newer.version)")
                    for change in changes { print(report.line(change)) }
                    let counted = changes.filter(\.counted).count
                    print("\(changes.count) diner\(changes.count == 1 ? "" : "s") with differences, "
                        + "\(counted) changed by the replan rule (canteen, service, courier, arrival over 15 min, added or removed)"
                        + (report.mustTellCount > 0 ? "; \(report.mustTellCount) to phone (marked TELL)" : ""))
                }
            }
        }

        private func versions(_ store: AppDatabase) throws -> (DayPlan, DayPlan) {
            guard let latest = try store.planVersions(date: date).last?.version else {
                throw PlanStore.Failure.noPlan(date: date)
            }
            let newer = to ?? latest
            let older = from ?? newer - 1
            if from == nil && older < 1 {
                throw ValidationError(to == nil
                    ? "\(date) has only one plan version; a diff needs two (plan again with `mealcli plan --date \(date)`)"
                    : "\(date) has no version before \(newer); name the older one with --from")
            }
            return (try store.plan(date: date, version: .number(older)), try store.plan(date: date, version: .number(newer)))
        }
    }
}
