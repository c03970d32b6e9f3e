import ArgumentParser
import Foundation
import MealCore
import MealPlanner

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json, geojson
}

extension MealCLI {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export canteens, couriers or diners as CSV (for Excel) or JSON; a day's plan as JSON; "
                + "the registry or a day's plan as GeoJSON (for QGIS and other GIS programs).",
            discussion: "CSV starts with a UTF-8 BOM and guards every cell against spreadsheet formulas; phone numbers "
                + "(also inside addresses and contacts) are masked unless --unmasked. GeoJSON (docs/plan-format.md): "
                + "[longitude, latitude] in WGS-84; canteens, diners, trips and each canteen's 15-minute reach.")

        enum Kind: String, ExpressibleByArgument, CaseIterable { case canteens, couriers, diners, registry, plan }

        @Argument(help: "What to export: canteens, couriers, diners, the registry (canteens and diners, GeoJSON), or a day's plan.")
        var kind: Kind

        @Option(help: "For plan: the date (YYYY-MM-DD).", transform: DateArgument.parse)
        var date: String?

        @Option(help: "For plan: the version (default: the published one, else the newest).")
        var version: Int?

        @Option(name: .customLong("format"),
                help: "csv, json or geojson (default: csv; json for a plan; geojson for the registry).")
        var formatOption: ExportFormat?

        var format: ExportFormat {
            formatOption ?? (kind == .plan ? .json : kind == .registry ? .geojson : .csv)
        }

        @Option(help: "Write to this file instead of standard output (- is standard output).")
        var out: String?

        @Flag(help: "Replace --out if it exists.")
        var force = false

        @Flag(help: "Show phone numbers in full.")
        var unmasked = false

        @OptionGroup var timeZone: TimeZoneOptions
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            if kind == .plan {
                guard date != nil else { throw ValidationError("export plan needs --date") }
                guard format != .csv else {
                    throw ValidationError("a plan is exported as JSON or GeoJSON (--format json or --format geojson)")
                }
            } else if date != nil || version != nil {
                throw ValidationError("--date and --version are for export plan")
            }
            if kind == .registry, format != .geojson {
                throw ValidationError("the registry is exported as GeoJSON (--format geojson); "
                    + "export canteens, couriers or diners for CSV or JSON")
            }
            if kind == .couriers, format == .geojson {
                throw ValidationError("couriers have no place on a map: geojson is for canteens, diners, registry and plan")
            }
        }

        func run() throws {
            let store = try database.open()
            try CLIError.reporting {
                let options = RegistryExport.Options(unmaskedPhones: unmasked)
                let bytes: [UInt8] = switch (kind, format) {
                case (.canteens, .geojson): RegistryExport.geojson(canteens: try store.fetchAll(Canteen.self), diners: [], options: options)
                case (.diners, .geojson): RegistryExport.geojson(canteens: [], diners: try store.fetchAll(Diner.self), options: options)
                case (.registry, _):
                    RegistryExport.geojson(canteens: try store.fetchAll(Canteen.self), diners: try store.fetchAll(Diner.self),
                                           options: options)
                case (.canteens, _): try render(store.fetchAll(Canteen.self), options)
                case (.couriers, _): try render(store.fetchAll(Courier.self), options)
                case (.diners, _): try render(store.fetchAll(Diner.self), options)
                case (.plan, .geojson): try planGeoJSON(store)
                case (.plan, _): try planJSON(store)
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

        /// The plan for GIS programs: the reach drawn on the streets the plan was made on when the
        /// same network is still stored, else the straight line's circle.
        private func planGeoJSON(_ store: AppDatabase) throws -> [UInt8] {
            let plan = try store.plan(date: date!, version: version.map(PlanVersionChoice.number) ?? .current)
            _ = try DraftNotice.warn(printing: plan, in: store)
            let registry = try Registry(store)
            let outlines = try PlanGeoJSON.ReachOutline.outlines(
                for: plan, canteens: registry.canteens, roads: TravelSelection.storedRoads(in: store))
            return try PlanGeoJSON.collection(plan, registry: registry, reach: outlines, clock: timeZone.clock(store)).json()
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
