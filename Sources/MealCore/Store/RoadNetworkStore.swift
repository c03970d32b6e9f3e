import Foundation
import GRDB
import MealRoads

extension Schema {
    /// The imported road network: at most one row (`id = 1`), the network in its stored form and
    /// what an operator is told about it without decoding it.
    static func v10RoadNetwork(_ db: Database) throws {
        try db.create(table: "road_network") { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("digest", .text).notNull()
            t.column("source_file", .text).notNull()
            t.column("imported_at", .text).notNull()
            t.column("imported_by", .text).notNull()
            t.column("statistics_json", .text).notNull()
            t.column("min_lat", .double).notNull()
            t.column("min_lon", .double).notNull()
            t.column("max_lat", .double).notNull()
            t.column("max_lon", .double).notNull()
            t.column("network", .blob).notNull()
        }
    }
}

/// What the store says of its road network without decoding it (`doctor`, `status`, plans).
public struct StoredRoadNetworkSummary: Equatable, Sendable {
    public var digest: String
    public var sourceFile: String
    /// UTC, as every stored timestamp.
    public var importedAt: String
    public var importedBy: String
    public var statistics: RoadNetworkStatistics
    public var bounds: RoadBounds
    /// Bytes of the stored form.
    public var storedBytes: Int
}

extension AppDatabase {
    /// Stores `network` in place of any earlier one, with its change-log entry, in one transaction.
    public func replaceRoadNetwork(_ network: RoadNetwork, sourceFile: String, by user: String) throws {
        let stored = network.serialized()
        try write { db in try Self.storeRoadNetwork(network, serialized: stored, sourceFile: sourceFile, by: user, db) }
    }

    /// Writes `network` (its stored form `serialized`) in place of any earlier one and logs it.
    static func storeRoadNetwork(_ network: RoadNetwork, serialized: Data, sourceFile: String, by user: String,
                                 _ db: Database) throws {
        let statistics = String(decoding: try JSONEncoder.sortedKeys(pretty: false).encode(network.statistics), as: UTF8.self)
        let earlier = try String.fetchOne(db, sql: "SELECT digest FROM road_network WHERE id = 1")
        try db.execute(sql: "DELETE FROM road_network")
        try db.execute(
            sql: """
            INSERT INTO road_network (id, digest, source_file, imported_at, imported_by, statistics_json,
                                      min_lat, min_lon, max_lat, max_lon, network)
            VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            arguments: [network.digest, sourceFile, ChangeClock.timestamp(), user, statistics,
                        network.bounds.minLatitude, network.bounds.minLongitude,
                        network.bounds.maxLatitude, network.bounds.maxLongitude, serialized])
        try logChange(db, by: user, action: "import roads", subject: sourceFile,
                      detail: "network \(network.digest)" + (earlier.map { " (replaces \($0))" } ?? ""))
    }

    /// The stored road network, decoded and checked; nil when none is imported.
    public func storedRoadNetwork() throws -> RoadNetwork? {
        guard let data = try read({ db in try Data.fetchOne(db, sql: "SELECT network FROM road_network WHERE id = 1") })
        else { return nil }
        return try RoadNetwork(serialized: data)
    }

    /// What is known of the stored road network without decoding it; nil when none is imported.
    public func roadNetworkSummary() throws -> StoredRoadNetworkSummary? {
        try read { db in try Self.roadNetworkSummary(db) }
    }

    static func roadNetworkSummary(_ db: Database) throws -> StoredRoadNetworkSummary? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT digest, source_file, imported_at, imported_by, statistics_json,
                   min_lat, min_lon, max_lat, max_lon, length(network) AS bytes
            FROM road_network WHERE id = 1
            """) else { return nil }
        let json: String = row["statistics_json"]
        return StoredRoadNetworkSummary(
            digest: row["digest"], sourceFile: row["source_file"], importedAt: row["imported_at"],
            importedBy: row["imported_by"],
            statistics: try JSONDecoder().decode(RoadNetworkStatistics.self, from: Data(json.utf8)),
            bounds: RoadBounds(minLatitude: row["min_lat"], minLongitude: row["min_lon"],
                               maxLatitude: row["max_lat"], maxLongitude: row["max_lon"]),
            storedBytes: row["bytes"])
    }
}
