import ArgumentParser
import Foundation
import MealCore
import MealRoads

extension MealCLI {
    struct ImportRoads: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "roads",
            abstract: "Import the road network from an OpenStreetMap extract (.osm.pbf or .osm XML), replacing any earlier one.",
            discussion: """
                The file is read as it streams (a city extract is fine) and the streets each traveller may use \
                are kept (docs/planning.md). It is refused, and nothing written, when it cannot be read, holds no \
                usable road, or does not cover the registry: every canteen and active diner must lie within the \
                network's bounds (300 m of margin, the snap distance). Homes inside the bounds but more than 300 m \
                from any road are counted; the planner reports them off the network. One transaction; logged.
                """)

        @Argument(help: "The extract: .osm.pbf or .osm XML (the format is read from the file).")
        var file: String

        @Flag(name: .customLong("dry-run"), help: "Read and check the file and say what would be stored, without writing.")
        var dryRun = false

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var operatorOptions: OperatorOptions

        func run() throws {
            let store = try database.open()
            let summary = try CLIError.reporting {
                try RoadImport.importFile(path: file, into: store, dryRun: dryRun, by: operatorOptions.name)
            }
            for line in RoadImportReport.lines(for: summary) { print(line) }
        }
    }
}

/// What `import roads` and `init --with-fixture` print of a road import, each count with its
/// English and Chinese label.
enum RoadImportReport {
    static func lines(for summary: RoadImportSummary) -> [String] {
        let s = summary.statistics
        let verb = summary.dryRun ? "would import" : "imported"
        let replacing: String = switch summary.replacedDigest {
        case nil: ""
        case summary.digest?: ", the same network as the one stored"
        case let earlier?: ", replacing network \(earlier)"
        }
        var lines = ["\(summary.file): \(verb) the road network (路网)\(replacing)"]
        var rows: [(String, String)] = [
            ("OSM nodes (OSM 节点)", "\(s.osmNodes)"),
            ("OSM ways (OSM 路线)", "\(s.osmWays)"),
            ("kept ways (可通行道路)", "\(s.keptWays)"),
            ("graph nodes (路网节点)", "\(s.graphNodes)"),
        ]
        rows += RoadUser.allCases.map { ("edges \(label(of: $0))", "\(s.edgesPerUser[$0] ?? 0)") }
        let b = summary.bounds
        rows.append(("bounds (范围)", "latitude \(RoadImport.degrees(b.minLatitude))...\(RoadImport.degrees(b.maxLatitude)), "
                     + "longitude \(RoadImport.degrees(b.minLongitude))...\(RoadImport.degrees(b.maxLongitude))"))
        rows.append(("digest (摘要)", summary.digest))
        rows.append(("covers (覆盖)", coverage(summary.coverage)))
        let width = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
        lines += rows.map { "  " + DisplayWidth.pad($0.0, to: width) + "  " + $0.1 }
        return lines
    }

    /// A road user as the report names it: the rule set and who travels by it.
    static func label(of user: RoadUser) -> String {
        switch user {
        case .foot: "on foot (步行)"
        case .walker: "with a walking frame (助行器)"
        case .wheelchair: "in a wheelchair (轮椅)"
        case .cycle: "by bicycle, e-bike, tricycle (骑行)"
        case .car: "by car (汽车)"
        }
    }

    static func coverage(_ coverage: RoadCoverage) -> String {
        if coverage.canteens + coverage.diners == 0 { return "no canteen or active diner in the registry yet" }
        var text = "\(coverage.canteens) canteen\(coverage.canteens == 1 ? "" : "s") and "
            + "\(coverage.diners) active diner\(coverage.diners == 1 ? "" : "s") inside the network"
        if !coverage.offNetwork.isEmpty {
            let shown = RoadImportFailure.shownPlaces
            text += "; \(coverage.offNetwork.count) more than \(Int(RoadImport.snapLimitMetres)) m from any road, "
                + "reported off the network when planned ("
                + coverage.offNetwork.prefix(shown).map(\.id).joined(separator: ", ")
                + (coverage.offNetwork.count > shown ? ", ..." : "") + ")"
        }
        return text
    }
}
