import ArgumentParser
import Foundation
import MealCore
import MealRoads

enum FixturePreset: String, ExpressibleByArgument, CaseIterable {
    case yuehu, registry, city

    var configuration: DistrictGenerator.Configuration {
        switch self {
        case .yuehu: .yuehu
        case .registry: .registry
        case .city: .city
        }
    }
}

extension MealCLI {
    struct Fixture: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate a synthetic district (canteens.csv, couriers.csv, diners.csv and its streets, roads.osm.pbf) for tests and benchmarks.",
            discussion: """
                Presets: yuehu (the bundled district: 48 canteens, 2,000 subscribed diners), registry (the same \
                district with its whole elderly registry, 30,760 people), city (500 canteens, about 20,000 daily diners). \
                The output is the same for the same preset, seed and counts. Phone numbers are written in full: \
                the people are invented. The streets (an OpenStreetMap extract: river, bridges, railway, steps, \
                one-way streets) are made for the generated canteens and homes; `mealcli import roads` reads them.
                """)

        @Option(help: "yuehu, registry or city.")
        var preset: FixturePreset = .yuehu

        @Option(help: "Random seed (the bundled set uses the default).")
        var seed: UInt64?

        @Option(help: "Subscribed diners (default: the preset's).")
        var diners: Int?

        @Option(help: "Folder to write the three CSV files and roads.osm.pbf into (created if missing).")
        var out: String

        @Flag(help: "Replace files that already exist.")
        var force = false

        @Option(name: .customLong("synthetic-roads"), help: ArgumentHelp(
            "Write only roads.osm.pbf: a synthetic city extract of this many nodes around the district, to try `mealcli import roads` at scale.",
            valueName: "nodes"))
        var syntheticRoads: Int?

        func validate() throws {
            if let diners, diners < 1 { throw ValidationError("--diners must be at least 1") }
            if let syntheticRoads, syntheticRoads < 2 { throw ValidationError("--synthetic-roads must be at least 2 nodes") }
        }

        func run() throws {
            if let syntheticRoads { return try writeSyntheticRoads(nodes: syntheticRoads) }
            try CLIError.reporting {
                var configuration = preset.configuration
                if let seed { configuration.seed = seed }
                if let diners { configuration.diners = diners }
                let started = Date()
                let district = DistrictGenerator(configuration).generate()
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                let unmasked = RegistryExport.Options(unmaskedPhones: true)
                let base = (out as NSString)
                try OutputFile.write(RegistryExport.csv(district.canteens, options: unmasked),
                                     to: base.appendingPathComponent("canteens.csv"), overwrite: force, privateToOwner: false)
                try OutputFile.write(RegistryExport.csv(district.couriers, options: unmasked),
                                     to: base.appendingPathComponent("couriers.csv"), overwrite: force, privateToOwner: false)
                try OutputFile.write(RegistryExport.csv(district.diners, options: unmasked),
                                     to: base.appendingPathComponent("diners.csv"), overwrite: force, privateToOwner: false)
                let roads = RoadGenerator(configuration).generate()
                try OutputFile.write([UInt8](try OSMWriter.pbfData(roads)),
                                     to: base.appendingPathComponent(BundledData.roadsFileName), overwrite: force,
                                     privateToOwner: false)
                let seconds = Date().timeIntervalSince(started)
                print("\(out): \(district.canteens.count) canteens, \(district.couriers.count) couriers, "
                      + "\(district.diners.count) diners (\(district.diners(eatingOnISOWeekday: 3).count) eat on a Wednesday), "
                      + "roads of \(roads.nodes.count) nodes and \(roads.ways.count) ways; "
                      + String(format: "%.2f s", seconds))
            }
        }

        /// A large extract for trying the road import at a city's scale (docs/benchmarks.md).
        func writeSyntheticRoads(nodes: Int) throws {
            try CLIError.reporting {
                let started = Date()
                var extract = OSMExtract()
                try RoadGenerator.syntheticExtract(nodes: nodes, seed: seed ?? 1, into: &extract)
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                let path = (out as NSString).appendingPathComponent(BundledData.roadsFileName)
                let data = try OSMWriter.pbfData(extract)
                try OutputFile.write([UInt8](data), to: path, overwrite: force, privateToOwner: false)
                print("\(path): synthetic extract of \(extract.nodes.count) nodes and \(extract.ways.count) ways, "
                      + "\(data.count) bytes; " + String(format: "%.2f s", Date().timeIntervalSince(started)))
            }
        }
    }
}
