import ArgumentParser
import Foundation
import MealCore

extension MealCLI {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the meal database (private to its owner), optionally with the bundled district.",
            discussion: """
                A data set is loaded only into a database without a registry: mixed into a real one its \
                synthetic diners would be planned and delivered to. With --force, only its records whose ids \
                are new are added; records already there (and a diner's status) are kept as they are.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var operatorOptions: OperatorOptions

        @Option(name: .customLong("with-fixture"), help: "Load a bundled data set: yuehu.")
        var fixture: String?

        @Option(name: .customLong("fixtures-dir"), help: "Where the bundled data sets are (default: Fixtures next to the package).")
        var fixturesDirectory: String?

        @Flag(help: "With --with-fixture: add the data set to a database that already holds a registry (new ids only).")
        var force = false

        func run() throws {
            CLIError.databasePath = database.path
            try CLIError.reporting {
                let existed = FileManager.default.fileExists(atPath: database.path)
                let store = try AppDatabase.open(path: database.path, create: true)
                print(existed ? "Opened existing database \(database.path) (schema up to date)."
                              : "Created \(database.path) (mode 0600).")
                guard let fixture else { return }
                let counts = try store.registryCounts()
                let holdsRegistry = counts.canteens + counts.couriers + counts.diners > 0
                if holdsRegistry && !force {
                    throw RegistryInTheWay(path: database.path, fixture: fixture, counts: counts)
                }
                let directory = try FixtureLocator.directory(named: fixture, in: fixturesDirectory)
                let loaded = try BundledData.loadWithRoads(from: directory, into: store, by: operatorOptions.name,
                                                           keepingExisting: holdsRegistry)
                for summary in loaded.registry { print(ImportReport.line(for: summary)) }
                if let roads = loaded.roads { for line in RoadImportReport.lines(for: roads) { print(line) } }
                if loaded.keptRoadNetwork { print("The road network already imported was kept (not the data set's roads).") }
            }
        }
    }

    /// A data set refused because the database already holds canteens, couriers or diners.
    struct RegistryInTheWay: Error, CustomStringConvertible {
        var path: String
        var fixture: String
        var counts: (canteens: Int, couriers: Int, diners: Int)

        var description: String {
            func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
            return "\(path) already holds a registry (\(counted(counts.canteens, "canteen")), "
                + "\(counted(counts.couriers, "courier")), \(counted(counts.diners, "diner"))); "
                + "the \(fixture) data set was not loaded. "
                + "Give --force to add its records whose ids are new (records already there are kept as they are)"
        }
    }
}
