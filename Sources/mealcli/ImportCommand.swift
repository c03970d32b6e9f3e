import ArgumentParser
import MealCore

/// The registry files the interchange format knows.
enum RegistryKind: String, ExpressibleByArgument, CaseIterable {
    case canteens, couriers, diners
}

extension MealCLI {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import canteens, couriers or diners from CSV (UTF-8 or GB18030): all rows or none.",
            discussion: "Rows are matched by id: new ids are added, known ids updated. See docs/formats.md.")

        @Argument(help: "What the file holds: canteens, couriers or diners.")
        var kind: RegistryKind

        @Argument(help: "The CSV file.")
        var file: String

        @Flag(name: .customLong("dry-run"), help: "Check the file and say what would change, without writing.")
        var dryRun = false

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var operatorOptions: OperatorOptions

        func run() throws {
            let store = try database.open()
            let summary = try CLIError.reporting {
                try ImportReport.run(kind, file: file, into: store, dryRun: dryRun, by: operatorOptions.name)
            }
            for warning in summary.warnings { printError("warning: \(warning)") }
            print(ImportReport.line(for: summary))
        }
    }
}

enum ImportReport {
    static func run(_ kind: RegistryKind, file: String, into store: AppDatabase, dryRun: Bool, by user: String) throws -> ImportSummary {
        switch kind {
        case .canteens: try RegistryImport.importFile(Canteen.self, path: file, into: store, dryRun: dryRun, by: user)
        case .couriers: try RegistryImport.importFile(Courier.self, path: file, into: store, dryRun: dryRun, by: user)
        case .diners: try RegistryImport.importFile(Diner.self, path: file, into: store, dryRun: dryRun, by: user)
        }
    }

    static func line(for summary: ImportSummary) -> String {
        let verb = summary.dryRun ? "would import" : "imported"
        return "\(summary.file): \(verb) \(summary.rows) \(summary.fileKind) (\(summary.inserted) new, "
            + "\(summary.updated) updated, \(summary.unchanged) unchanged"
            + (summary.kept == 0 ? "" : ", \(summary.kept) kept as \(summary.kept == 1 ? "it was" : "they were")")
            + "; \(summary.encoding))"
    }
}
