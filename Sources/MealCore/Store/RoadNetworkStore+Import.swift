import Foundation
import GRDB
import MealRoads

/// Road imports as the store carries them out: the coverage of the registry is checked inside
/// the transaction that writes the network, so no diner imported meanwhile escapes the check.
extension AppDatabase {
    /// Checks `network` against the registry's canteens and active diners and stores it in place
    /// of any earlier one with its change-log entry, in one transaction; a dry run only checks.
    /// A network that does not cover the registry is refused (`RoadImportFailure`), nothing written.
    public func importRoadNetwork(_ network: RoadNetwork, sourceFile: String, dryRun: Bool,
                                  by user: String) throws -> RoadImportSummary {
        if dryRun {
            return try read { db in
                try Self.applyRoadNetwork(network, sourceFile: sourceFile, dryRun: true, by: user, db)
            }
        }
        return try write { db in
            try Self.applyRoadNetwork(network, sourceFile: sourceFile, dryRun: false, by: user, db)
        }
    }

    /// A bundled data set in one transaction: its registry files, then its roads (when it has
    /// them), checked against the registry just written. With `keepingExisting`, a road network
    /// already stored is kept, as every record already there is.
    public func importBundledData(_ canteens: ParsedImport<Canteen>, _ couriers: ParsedImport<Courier>,
                                  _ diners: ParsedImport<Diner>, roads: (network: RoadNetwork, file: String)?,
                                  by user: String, keepingExisting: Bool) throws -> BundledDataSummary {
        try writeKeepingStatementJournalsInMemory { db in
            let registry = [try canteens.apply(db, dryRun: false, keepingExisting: keepingExisting, by: user),
                            try couriers.apply(db, dryRun: false, keepingExisting: keepingExisting, by: user),
                            try diners.apply(db, dryRun: false, keepingExisting: keepingExisting, by: user)]
            guard let roads else { return BundledDataSummary(registry: registry, roads: nil, keptRoadNetwork: false) }
            if keepingExisting, try Self.storedRoadNetworkDigest(db) != nil {
                return BundledDataSummary(registry: registry, roads: nil, keptRoadNetwork: true)
            }
            let summary = try Self.applyRoadNetwork(roads.network, sourceFile: roads.file, dryRun: false, by: user, db)
            return BundledDataSummary(registry: registry, roads: summary, keptRoadNetwork: false)
        }
    }

    static func applyRoadNetwork(_ network: RoadNetwork, sourceFile: String, dryRun: Bool, by user: String,
                                 _ db: Database) throws -> RoadImportSummary {
        let coverage = try RoadImport.checkedCoverage(of: network, places: try registryPlaces(db), file: sourceFile)
        let earlier = try storedRoadNetworkDigest(db)
        let stored = network.serialized()
        if !dryRun { try storeRoadNetwork(network, serialized: stored, sourceFile: sourceFile, by: user, db) }
        return RoadImportSummary(file: sourceFile, statistics: network.statistics, bounds: network.bounds,
                                 digest: network.digest, storedBytes: stored.count, coverage: coverage,
                                 replacedDigest: earlier, dryRun: dryRun)
    }

    static func storedRoadNetworkDigest(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT digest FROM road_network WHERE id = 1")
    }

    /// Every canteen and every active diner, in id order: the places a network must cover.
    static func registryPlaces(_ db: Database) throws -> [RegistryPlace] {
        func places(_ kind: RegistryPlace.Kind, _ sql: String) throws -> [RegistryPlace] {
            try Row.fetchAll(db, sql: sql).map { row in
                RegistryPlace(kind: kind, id: row["id"], point: RoadPoint(latitude: row["lat"], longitude: row["lon"]))
            }
        }
        return try places(.canteen, "SELECT id, lat, lon FROM canteen ORDER BY id")
            + places(.diner, "SELECT id, lat, lon FROM diner WHERE status = 'active' ORDER BY id")
    }
}

/// What loading a bundled data set did: its registry files, and its roads.
public struct BundledDataSummary: Sendable {
    public var registry: [ImportSummary]
    /// The roads imported; nil when the data set has none or a stored network was kept.
    public var roads: RoadImportSummary?
    /// A road network was already stored and kept (a data set added with `keepingExisting`).
    public var keptRoadNetwork: Bool
}
