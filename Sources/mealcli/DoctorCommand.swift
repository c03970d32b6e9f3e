import ArgumentParser
import Foundation
import MealCore

extension MealCLI {
    struct Doctor: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the database without changing it: integrity, foreign keys, schema, row counts.",
            discussion: "Exits with status 1 when anything is wrong.")

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            CLIError.databasePath = database.path
            let report: HealthReport
            do {
                report = try DatabaseMaintenance.examine(path: database.path)
            } catch StoreError.corrupt(_, let detail) {
                // Too damaged for SQLite to read its list of tables, so no check can run.
                print("\(database.path):")
                print("integrity: the file is damaged (\(detail))")
                printError("error: \(database.path): the database file is damaged; restore it from a backup")
                throw ExitCode.failure
            } catch {
                return try CLIError.reporting { throw error }
            }
            print("\(database.path):")
            for line in report.lines { print(line) }
            if !report.isHealthy {
                printError("error: \(database.path): problems found; restore a backup (`mealcli backup` makes one) or ask for help")
                throw ExitCode.failure
            }
        }
    }
}
