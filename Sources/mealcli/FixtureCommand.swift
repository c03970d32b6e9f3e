import ArgumentParser
import Foundation
import MealCore

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
            abstract: "Generate a synthetic district (canteens.csv, couriers.csv, diners.csv) for tests and benchmarks.",
            discussion: """
                Presets: yuehu (the bundled district: 48 canteens, 2,000 subscribed diners), registry (the same \
                district with its whole elderly registry, 30,760 people), city (500 canteens, about 20,000 daily diners). \
                The output is the same for the same preset, seed and counts. Phone numbers are written in full: \
                the people are invented.
                """)

        @Option(help: "yuehu, registry or city.")
        var preset: FixturePreset = .yuehu

        @Option(help: "Random seed (the bundled set uses the default).")
        var seed: UInt64?

        @Option(help: "Subscribed diners (default: the preset's).")
        var diners: Int?

        @Option(help: "Folder to write the three CSV files into (created if missing).")
        var out: String

        @Flag(help: "Replace files that already exist.")
        var force = false

        func validate() throws {
            if let diners, diners < 1 { throw ValidationError("--diners must be at least 1") }
        }

        func run() throws {
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
                let seconds = Date().timeIntervalSince(started)
                print("\(out): \(district.canteens.count) canteens, \(district.couriers.count) couriers, "
                      + "\(district.diners.count) diners (\(district.diners(eatingOnISOWeekday: 3).count) eat on a Wednesday); "
                      + String(format: "%.2f s", seconds))
            }
        }
    }
}
