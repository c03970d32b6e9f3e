import ArgumentParser
import MealCore

/// The registry files the interchange format knows.
enum RegistryKind: String, ExpressibleByArgument, CaseIterable {
    case canteens, couriers, diners
}

extension MealCLI {
    /// `import canteens|couriers|diners FILE` (the default) and `import roads FILE`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import the registry from CSV (canteens, couriers, diners) or the road network from OpenStreetMap (roads).",
            discussion: "mealcli import canteens|couriers|diners FILE.csv; mealcli import roads FILE.osm.pbf",
            subcommands: [RegistryFile.self, ImportRoads.self],
            defaultSubcommand: RegistryFile.self)
    }

    struct RegistryFile: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "registry",
            abstract: "Import canteens, couriers or diners from CSV (UTF-8 or GB18030): all rows or none, or the good rows with --skip-bad-rows.",
            discussion: """
                Rows are matched by id: new ids are added, known ids updated. Chinese headings (姓名, 电话, ...) \
                and the roster's Chinese words (轮椅, 低盐, 送餐, ...) are accepted. With --skip-bad-rows the good \
                rows are imported and the others written to the --rejects file with the reason; the exit status \
                is then 3 when any row was refused. See docs/formats.md.
                """)

        @Argument(help: "What the file holds: canteens, couriers or diners.")
        var kind: RegistryKind

        @Argument(help: "The CSV file.")
        var file: String

        @Flag(name: .customLong("dry-run"), help: "Check the file and say what would change, without writing.")
        var dryRun = false

        @Flag(name: .customLong("skip-bad-rows"),
              help: "Import the rows that are right and leave out the others (needs --rejects); exit status 3 when any was left out.")
        var skipBadRows = false

        @Option(name: .customLong("rejects"),
                help: ArgumentHelp("Write the rows left out by --skip-bad-rows here, with a reason column, to fix and import again.",
                                   valueName: "file"))
        var rejects: String?

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var operatorOptions: OperatorOptions

        func validate() throws {
            if skipBadRows && rejects == nil {
                throw ValidationError("--skip-bad-rows needs --rejects FILE: the refused rows go there, to be fixed and imported again")
            }
            if rejects != nil && !skipBadRows {
                throw ValidationError("--rejects is written only with --skip-bad-rows; without it a bad row refuses the whole file")
            }
        }

        func run() throws {
            let store = try database.open()
            let summary = try CLIError.reporting {
                // A rejects path that cannot be written is refused before anything is imported.
                if let rejects { try OutputFile.checkTarget(rejects, overwrite: true) }
                let summary = try ImportReport.run(kind, file: file, into: store, dryRun: dryRun,
                                                   skippingBadRows: skipBadRows, by: operatorOptions.name)
                if let rejects, let refused = summary.rejects { try refused.write(to: rejects) }
                return summary
            }
            for warning in summary.warnings { printError("warning: \(warning)") }
            print(ImportReport.line(for: summary, rejectsFile: rejects))
            if let refused = summary.rejects, refused.count > 0 {
                let issues = refused.rows.flatMap(\.issues)
                for issue in issues.prefix(ImportFailure.shownIssues) { printError(issue.description) }
                if issues.count > ImportFailure.shownIssues {
                    printError("... and \(issues.count - ImportFailure.shownIssues) more errors")
                }
                printError("\(file): \(refused.count) row\(refused.count == 1 ? "" : "s") refused, written to \(rejects ?? "") "
                           + "with the reasons; fix them there and import that file again")
                // The good rows are in; a distinct status tells a scheduled job that some were not.
                throw ExitCode(3)
            }
        }
    }
}

enum ImportReport {
    static func run(_ kind: RegistryKind, file: String, into store: AppDatabase, dryRun: Bool,
                    skippingBadRows: Bool = false, by user: String) throws -> ImportSummary {
        switch kind {
        case .canteens: try RegistryImport.importFile(Canteen.self, path: file, into: store, dryRun: dryRun,
                                                      skippingBadRows: skippingBadRows, by: user)
        case .couriers: try RegistryImport.importFile(Courier.self, path: file, into: store, dryRun: dryRun,
                                                      skippingBadRows: skippingBadRows, by: user)
        case .diners: try RegistryImport.importFile(Diner.self, path: file, into: store, dryRun: dryRun,
                                                    skippingBadRows: skippingBadRows, by: user)
        }
    }

    /// The summary line, with `, N refused (see FILE)` when bad rows were skipped.
    static func line(for summary: ImportSummary, rejectsFile: String?) -> String {
        guard let rejects = summary.rejects else { return line(for: summary) }
        return line(for: summary) + ", \(rejects.count) refused" + (rejectsFile.map { " (see \($0))" } ?? "")
    }

    static func line(for summary: ImportSummary) -> String {
        let verb = summary.dryRun ? "would import" : "imported"
        return "\(summary.file): \(verb) \(summary.rows) \(summary.fileKind) (\(summary.inserted) new, "
            + "\(summary.updated) updated, \(summary.unchanged) unchanged"
            + (summary.kept == 0 ? "" : ", \(summary.kept) kept as \(summary.kept == 1 ? "it was" : "they were")")
            + "; \(summary.encoding))"
    }
}
