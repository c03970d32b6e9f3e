import Foundation

/// A data set as three interchange files in one folder: canteens.csv, couriers.csv, diners.csv,
/// and, when the folder has it, its streets as roads.osm.pbf.
public enum BundledData {
    public static let fileNames = ["canteens.csv", "couriers.csv", "diners.csv"]
    /// The data set's streets, an OpenStreetMap extract (optional).
    public static let roadsFileName = "roads.osm.pbf"

    /// Imports the folder's three files, and its roads when it has them, in one transaction, in
    /// dependency order, so a bad file leaves the database as it was.
    ///
    /// - Parameter keepingExisting: add only the records whose id is new; records the database
    ///   already holds stay as they are, so synthetic data never overwrites a real diner (nor a
    ///   road network already imported).
    public static func load(from directory: String, into database: AppDatabase,
                            by user: String = ChangeClock.loginUser, keepingExisting: Bool = false) throws -> [ImportSummary] {
        try loadWithRoads(from: directory, into: database, by: user, keepingExisting: keepingExisting).registry
    }

    /// As `load`, saying also what was done with the roads.
    public static func loadWithRoads(from directory: String, into database: AppDatabase,
                                     by user: String = ChangeClock.loginUser,
                                     keepingExisting: Bool = false) throws -> BundledDataSummary {
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        let canteens = try ParsedImport<Canteen>(path: base + "canteens.csv")
        let couriers = try ParsedImport<Courier>(path: base + "couriers.csv")
        let diners = try ParsedImport<Diner>(path: base + "diners.csv")
        let roadsFile = base + roadsFileName
        // Built before the transaction: reading the extract is the slow part and needs no database.
        let roads = FileManager.default.fileExists(atPath: roadsFile)
            ? (network: try RoadImport.network(fromFile: roadsFile), file: roadsFile) : nil
        return try database.importBundledData(canteens, couriers, diners, roads: roads, by: user,
                                              keepingExisting: keepingExisting)
    }
}
