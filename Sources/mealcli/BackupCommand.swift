import ArgumentParser
import Foundation
import MealCore

extension MealCLI {
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the live database to a file (consistent even while others write; private to its owner).")

        @Option(name: .long, help: "The backup file to create.")
        var out: String

        @Flag(name: .long, help: "Replace the file if it exists.")
        var force = false

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let store = try database.open()
            try CLIError.reporting {
                let report = try DatabaseMaintenance.backup(store, to: out, overwrite: force)
                print("Backed up \(database.path) to \(report.path) (\(report.bytes) bytes, mode 0600):")
                let width = report.tables.map(\.table.count).max() ?? 0
                for table in report.tables {
                    print("  " + table.table.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(table.rows)")
                }
            }
        }
    }
}
