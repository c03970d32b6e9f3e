import Foundation
import GRDB
import MealRoads

/// What `doctor` finds of the stored road network: what the store says of it, and whether its
/// stored form still decodes to the network with that digest.
public struct RoadNetworkHealth: Sendable {
    /// Nil when even the row's description of the network cannot be read.
    public var summary: StoredRoadNetworkSummary?
    /// When it was imported, on the district's clock (`2026-12-02 07:30`).
    public var importedAtLocal: String
    /// The district's time zone the time above is in.
    public var timeZone: String
    /// Why the stored network does not decode (or decodes to another digest); nil when it does.
    public var problem: String?

    public var isHealthy: Bool { problem == nil }

    /// The report's lines on the network.
    public var lines: [String] {
        guard let s = summary else { return ["road network: damaged (\(problem ?? "unreadable"))"] }
        let edges = RoadUser.allCases.map { "\($0.rawValue) \(s.statistics.edgesPerUser[$0] ?? 0)" }.joined(separator: ", ")
        return [
            "road network: " + (problem.map { "damaged (\($0))" } ?? "ok (decodes, digest \(s.digest))"),
            "  imported \(importedAtLocal) (\(timeZone)) by \(s.importedBy) from \(s.sourceFile)",
            "  \(s.statistics.osmNodes) OSM nodes, \(s.statistics.osmWays) OSM ways, \(s.statistics.keptWays) kept ways, "
                + "\(s.statistics.graphNodes) graph nodes, \(s.storedBytes) bytes stored",
            "  edges per traveller: \(edges)",
            "  bounds: latitude \(RoadImport.degrees(s.bounds.minLatitude))...\(RoadImport.degrees(s.bounds.maxLatitude)), "
                + "longitude \(RoadImport.degrees(s.bounds.minLongitude))...\(RoadImport.degrees(s.bounds.maxLongitude))",
        ]
    }

    /// The stored network's health; nil when none is imported (or the table is not there yet,
    /// which the schema check reports). A row that does not decode is reported, not thrown.
    static func examine(_ db: Database) throws -> RoadNetworkHealth? {
        guard try db.tableExists("road_network"),
              let data = try Data.fetchOne(db, sql: "SELECT network FROM road_network WHERE id = 1") else { return nil }
        let clock = try AppDatabase.districtTime(db)
        let summary: StoredRoadNetworkSummary
        do {
            guard let read = try AppDatabase.roadNetworkSummary(db) else { return nil }
            summary = read
        } catch let error as DecodingError {
            return RoadNetworkHealth(summary: nil, importedAtLocal: "", timeZone: clock.identifier,
                                     problem: "its statistics do not decode (\(error))")
        }
        var problem: String?
        do {
            let network = try RoadNetwork(serialized: data)
            if network.digest != summary.digest {
                problem = "it decodes to network \(network.digest), the row says \(summary.digest)"
            }
        } catch {
            problem = "\(error.localizedDescription)"
        }
        return RoadNetworkHealth(summary: summary, importedAtLocal: clock.shown(stored: summary.importedAt),
                                 timeZone: clock.identifier, problem: problem)
    }
}
