import ArgumentParser
import MealCore
import MealPlanner

extension MealCLI {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What changed for each diner between two versions of a day's plan.",
            discussion: """
                Prints one line per diner whose placement differs, then a count. Diners count as changed for \
                replanning when their canteen, service or courier differs, their arrival moved by more than 15 \
                minutes, or they are planned in one version only.
                """)

        @Option(help: "The date (YYYY-MM-DD).", transform: DateArgument.parse)
        var date: String

        @Option(help: "The older version (default: the one before --to).")
        var from: Int?

        @Option(help: "The newer version (default: the newest).")
        var to: Int?

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let store = try database.open()
            try CLIError.reporting {
                let (older, newer, registry) = try { () throws -> (DayPlan, DayPlan, Registry) in
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
                    return (try store.plan(date: date, version: .number(older)), try store.plan(date: date, version: .number(newer)),
                            try store.registry())
                }()
                let diff = PlanDiff(
                    from: older, to: newer,
                    diners: Dictionary(uniqueKeysWithValues: registry.diners.map { ($0.id, $0) }),
                    couriers: Dictionary(uniqueKeysWithValues: registry.couriers.map { ($0.id, $0) }),
                    canteens: Dictionary(uniqueKeysWithValues: registry.canteens.map { ($0.id, $0) }))
                print("\(date): version \(older.version) → version \(newer.version)")
                for change in diff.changes { print(change.description) }
                let counted = PlanDiff.changedDiners(from: older, to: newer).count
                print("\(diff.changes.count) diner\(diff.changes.count == 1 ? "" : "s") with differences, "
                    + "\(counted) changed by the replan rule (canteen, service, courier, arrival over 15 min, added or removed)")
            }
        }
    }
}
