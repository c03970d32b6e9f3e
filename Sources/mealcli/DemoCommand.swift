import ArgumentParser
import Foundation
import MealCore
import MealPlanner

extension MealCLI {
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the engine on the bundled Yuehu district in a fresh database and print what it decided.")

        @Option(help: "The date to plan (YYYY-MM-DD; default 2026-11-25, a Wednesday).")
        var date: String = "2026-11-25"

        @Option(help: "Keep the demo database here (default: a temporary file, removed afterwards).")
        var db: String?

        @Option(name: .customLong("fixtures-dir"), help: "Where the bundled data sets are.")
        var fixturesDirectory: String?

        func run() throws {
            try CLIError.reporting {
                let temporary = FileManager.default.temporaryDirectory
                    .appendingPathComponent("mealcli-demo-\(getpid())").path
                let path = db ?? temporary + "/meals.db"
                if db == nil { try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true) }
                defer { if db == nil { try? FileManager.default.removeItem(atPath: temporary) } }
                guard !FileManager.default.fileExists(atPath: path) else {
                    throw ValidationError("\(path) already exists; the demo starts from an empty database")
                }

                print("== 1. Load the bundled district (Fixtures/yuehu) into \(db ?? "a temporary database")")
                let store = try AppDatabase.open(path: path, create: true)
                let directory = try FixtureLocator.directory(named: "yuehu", in: fixturesDirectory)
                for summary in try BundledData.load(from: directory, into: store, by: "demo") {
                    print("   " + ImportReport.line(for: summary).replacingOccurrences(of: directory + "/", with: ""))
                }
                let registry = try Registry(store)
                let day = try ServiceDay(date: date)

                print("\n== 2. The 15-minute service circle on \(date)")
                let reach = ServiceReach(canteens: registry.canteens, couriers: registry.couriers,
                                         parameters: .standard, day: day)
                let coverage = CoverageReport(diners: registry.diners, reach: reach, suggestionCount: 3)
                let d = coverage.district
                print("   \(d.total) diners eat that day: \(d.dineIn) can dine in, \(d.pickup) pick up, "
                      + "\(d.delivery) need delivery, \(d.outside) are outside the circle")
                for site in coverage.suggestions {
                    print(String(format: "   suggested new site near %@ (%@, %.5f N %.5f E) brings %d inside",
                                 site.nearDiner, site.community, site.location.latitude, site.location.longitude,
                                 site.newlyCovered))
                }

                print("\n== 3. Assign every diner to a canteen and a service (exact min-cost flow)")
                let started = Date()
                let assignment = AssignmentSolver(reach: reach).assign(registry.diners)
                let elapsed = Date().timeIntervalSince(started)
                print(AssignmentFormatter.text(assignment, canteens: registry.canteens)
                    .split(separator: "\n", omittingEmptySubsequences: false).map { "   " + $0 }.joined(separator: "\n"))
                print(String(format: "   unserved by reason: %@; assignment took %.0f ms",
                             AssignmentFormatter.unservedSummary(assignment), elapsed * 1000))
            }
        }
    }
}
