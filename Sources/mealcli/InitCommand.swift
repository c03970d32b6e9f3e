import ArgumentParser
import Foundation
import MealCore

extension MealCLI {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the meal database (private to its owner), optionally with the bundled district.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var operatorOptions: OperatorOptions

        @Option(name: .customLong("with-fixture"), help: "Load a bundled data set: yuehu.")
        var fixture: String?

        @Option(name: .customLong("fixtures-dir"), help: "Where the bundled data sets are (default: Fixtures next to the package).")
        var fixturesDirectory: String?

        func run() throws {
            CLIError.databasePath = database.path
            try CLIError.reporting {
                let existed = FileManager.default.fileExists(atPath: database.path)
                let store = try AppDatabase.open(path: database.path, create: true)
                print(existed ? "Opened existing database \(database.path) (schema up to date)."
                              : "Created \(database.path) (mode 0600).")
                guard let fixture else { return }
                let directory = try FixtureLocator.directory(named: fixture, in: fixturesDirectory)
                for summary in try BundledData.load(from: directory, into: store, by: operatorOptions.name) {
                    print(ImportReport.line(for: summary))
                }
            }
        }
    }
}
