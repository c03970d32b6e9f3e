/// A data set as three interchange files in one folder: canteens.csv, couriers.csv, diners.csv.
public enum BundledData {
    public static let fileNames = ["canteens.csv", "couriers.csv", "diners.csv"]

    /// Imports the folder's three files in one transaction, in dependency order, so a bad file
    /// leaves the database as it was.
    ///
    /// - Parameter keepingExisting: add only the records whose id is new; records the database
    ///   already holds stay as they are, so synthetic data never overwrites a real diner.
    public static func load(from directory: String, into database: AppDatabase,
                            by user: String = ChangeClock.loginUser, keepingExisting: Bool = false) throws -> [ImportSummary] {
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        let canteens = try ParsedImport<Canteen>(path: base + "canteens.csv")
        let couriers = try ParsedImport<Courier>(path: base + "couriers.csv")
        let diners = try ParsedImport<Diner>(path: base + "diners.csv")
        return try database.importRegistry(canteens, couriers, diners, by: user, keepingExisting: keepingExisting)
    }
}
