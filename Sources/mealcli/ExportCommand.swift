import ArgumentParser
import Foundation
import MealCore

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json
}

extension MealCLI {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export canteens, couriers or diners as CSV (for Excel) or JSON.",
            discussion: "CSV starts with a UTF-8 BOM, guards cells against spreadsheet formulas and masks phone numbers unless --unmasked.")

        @Argument(help: "What to export: canteens, couriers or diners.")
        var kind: RegistryKind

        @Option(help: "csv or json.")
        var format: ExportFormat = .csv

        @Option(help: "Write to this file instead of standard output.")
        var out: String?

        @Flag(help: "Replace --out if it exists.")
        var force = false

        @Flag(help: "Show phone numbers in full.")
        var unmasked = false

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let store = try database.open()
            try CLIError.reporting {
                let options = RegistryExport.Options(unmaskedPhones: unmasked)
                let bytes: [UInt8] = switch kind {
                case .canteens: try render(store.fetchAll(Canteen.self), options)
                case .couriers: try render(store.fetchAll(Courier.self), options)
                case .diners: try render(store.fetchAll(Diner.self), options)
                }
                try OutputTarget.emit(bytes, to: out, force: force)
            }
        }

        private func render<R: InterchangeRecord>(_ records: [R], _ options: RegistryExport.Options) -> [UInt8] {
            format == .csv ? RegistryExport.csv(records, options: options) : RegistryExport.json(records, options: options)
        }
    }
}

/// Standard output, or a file written atomically.
enum OutputTarget {
    static func emit(_ bytes: [UInt8], to path: String?, force: Bool) throws {
        if let path {
            try OutputFile.write(bytes, to: path, overwrite: force)
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}
