import ArgumentParser
import Foundation
import MealCore
import MealPlanner

extension MealCLI {
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "From nothing: load the bundled district into a new database, plan the next weekday, print the summary and a roster, write the HTML rosters.")

        @Option(help: "Folder for the demo database and rosters (default: a new temporary folder).")
        var dir: String?

        @Option(help: "The date to plan (YYYY-MM-DD; default: the next weekday).", transform: DateArgument.parse)
        var date: String?

        @Option(help: "The canteen whose roster is printed.")
        var canteen: String = "C01"

        @Option(name: .customLong("time-limit"), help: "Seconds one canteen's routing may take at most (a guard against runaway).")
        var timeLimit: Double = DayPlanner.defaultTimeGuard

        @Option(name: .customLong("fixtures-dir"), help: "Where the bundled data sets are.")
        var fixturesDirectory: String?

        @OptionGroup var travel: TravelOption

        func run() throws {
            try CLIError.reporting {
                let folder = dir ?? FileManager.default.temporaryDirectory
                    .appendingPathComponent("mealcli-demo-\(ChangeClock.timestamp().filter(\.isNumber))-\(getpid())").path
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                let path = (folder as NSString).appendingPathComponent("meals.db")
                guard !FileManager.default.fileExists(atPath: path) else {
                    throw ValidationError("\(path) already exists; the demo starts from an empty database (choose another --dir)")
                }
                // The next weekday in the district (a new database has the default zone), not on
                // the machine's clock: a server on UTC would otherwise plan a day early after 16:00.
                let day = try date ?? DistrictTime.standard.nextWeekday(after: Date()).description

                print("== 1. Load the bundled district (Fixtures/yuehu) into \(path)")
                let store = try AppDatabase.open(path: path, create: true)
                let directory = try FixtureLocator.directory(named: "yuehu", in: fixturesDirectory)
                for summary in try BundledData.load(from: directory, into: store, by: "demo") {
                    print("   " + ImportReport.line(for: summary).replacingOccurrences(of: directory + "/", with: ""))
                }

                print("\n== 2. The 15-minute service circle on \(day)")
                let registry = try Registry(store)
                let travelChoice = try travel.choice(in: store)
                let reach = ServiceReach(canteens: registry.canteens, couriers: registry.couriers, parameters: .standard,
                                         day: try ServiceDay(date: day), model: travelChoice.model(for: .standard))
                let coverage = CoverageReport(diners: registry.diners, reach: reach, suggestionCount: 1)
                let d = coverage.district
                print("   \(d.total) diners eat that day: \(d.dineIn) can dine in, \(d.pickup) pick up, "
                      + "\(d.delivery) need delivery, \(d.outside) are outside the circle")
                if let roads = try TravelSelection.storedRoads(in: store) {
                    print("   " + CircleComparison(
                        diners: registry.diners, ruler: reach.with(model: GreatCircleTravelModel(parameters: .standard)),
                        network: reach.with(model: roads.travelModel(parameters: .standard))).text)
                }

                print("\n== 3. Plan \(day): assignment (exact min-cost flow), delivery rounds (hybrid genetic search)")
                let started = Date()
                let result = try DailyPlanning.plan(
                    date: day, in: store,
                    settings: DayPlanner.Settings(seed: 1, timeLimit: timeLimit, createdBy: "demo", travel: travelChoice))
                let summary = result.summary.text(whereToSeeAll: "`mealcli export plan --date \(day)`")
                print(summary.split(separator: "\n").map { "   " + $0 }.joined(separator: "\n"))
                print(String(format: "   planned and stored as version %d in %.2f s", result.plan.version,
                             Date().timeIntervalSince(started)))

                print("\n== 4. The roster of \(canteen)")
                let welfareNotes = try store.welfareRosterNotes(date: day)
                guard let shown = registry.canteens.first(where: { $0.id.rawValue == canteen }) else {
                    throw StoreError.notFound(kind: "canteen", id: canteen)
                }
                let roster = CanteenRoster(
                    plan: result.plan, canteen: shown,
                    diners: Dictionary(uniqueKeysWithValues: registry.diners.map { ($0.id, $0) }),
                    couriers: Dictionary(uniqueKeysWithValues: registry.couriers.map { ($0.id, $0) }),
                    notesByDiner: welfareNotes)
                print(RosterFormatter.text(roster))

                let rosters = (folder as NSString).appendingPathComponent("rosters")
                let pages = try RosterBook.write(plan: result.plan, canteens: registry.canteens, couriers: registry.couriers,
                                                 diners: registry.diners, to: rosters, overwrite: false,
                                                 notesByDiner: welfareNotes)
                print("== 5. Printable rosters: \(pages) canteen pages in \(rosters)/ (open index.html)")
                print("   The database stays at \(path); for example:")
                print("   mealcli routes --db \(path) --date \(day) --canteen \(canteen)")
                print("   mealcli export plan --db \(path) --date \(day)")
            }
        }
    }
}
