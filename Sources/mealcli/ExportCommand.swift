import ArgumentParser
import Foundation
import MealCore

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json
}

extension MealCLI {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export canteens, couriers or diners as CSV (for Excel) or JSON; a day's plan as JSON.",
            discussion: "CSV starts with a UTF-8 BOM and guards every cell against spreadsheet formulas; phone numbers "
                + "(also inside addresses and contacts) are masked unless --unmasked.")

        enum Kind: String, ExpressibleByArgument, CaseIterable { case canteens, couriers, diners, plan }

        @Argument(help: "What to export: canteens, couriers, diners, or a day's plan.")
        var kind: Kind

        @Option(help: "For plan: the date (YYYY-MM-DD).", transform: DateArgument.parse)
        var date: String?

        @Option(help: "For plan: the version (default: the published one, else the newest).")
        var version: Int?

        @Option(name: .customLong("format"), help: "csv or json (default: csv; json for a plan).")
        var formatOption: ExportFormat?

        var format: ExportFormat { formatOption ?? (kind == .plan ? .json : .csv) }

        @Option(help: "Write to this file instead of standard output (- is standard output).")
        var out: String?

        @Flag(help: "Replace --out if it exists.")
        var force = false

        @Flag(help: "Show phone numbers in full.")
        var unmasked = false

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            if kind == .plan {
                guard date != nil else { throw ValidationError("export plan needs --date") }
                guard format == .json else { throw ValidationError("a plan is exported as JSON (--format json)") }
            } else if date != nil || version != nil {
                throw ValidationError("--date and --version are for export plan")
            }
        }

        func run() throws {
            let store = try database.open()
            try CLIError.reporting {
                let options = RegistryExport.Options(unmaskedPhones: unmasked)
                let bytes: [UInt8] = switch kind {
                case .canteens: try render(store.fetchAll(Canteen.self), options)
                case .couriers: try render(store.fetchAll(Courier.self), options)
                case .diners: try render(store.fetchAll(Diner.self), options)
                case .plan: try planJSON(store)
                }
                try OutputTarget.emit(bytes, to: out, force: force)
            }
        }

        /// The plan as JSON, naming (and warning about) newer versions nobody has published.
        private func planJSON(_ store: AppDatabase) throws -> [UInt8] {
            let plan = try store.plan(date: date!, version: version.map(PlanVersionChoice.number) ?? .current)
            let newer = try DraftNotice.warn(printing: plan, in: store)
            return Array(try PlanExport.json(plan, newerUnpublishedVersions: newer).utf8)
        }

        private func render<R: InterchangeRecord>(_ records: [R], _ options: RegistryExport.Options) -> [UInt8] {
            format == .csv ? RegistryExport.csv(records, options: options) : RegistryExport.json(records, options: options)
        }
    }
}

/// Standard output, or a file written atomically. `--out -` and `--out /dev/stdout` mean standard
/// output: a file is never written through a link, and /dev/stdout is one.
enum OutputTarget {
    static func emit(_ bytes: [UInt8], to path: String?, force: Bool) throws {
        if let path, path != "-", path != "/dev/stdout" {
            try OutputFile.write(bytes, to: path, overwrite: force)
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}
