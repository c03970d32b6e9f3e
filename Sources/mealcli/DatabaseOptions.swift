import ArgumentParser
import Foundation
import MealCore

/// The database every command works on: `--db PATH`, else `MEALS_DB`, else `./meals.db`.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The meal database file (default: $MEALS_DB, else ./meals.db).", valueName: "path"))
    var db: String?

    var path: String {
        if let db { return db }
        if let fromEnvironment = ProcessInfo.processInfo.environment["MEALS_DB"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return "meals.db"
    }

    func open() throws -> AppDatabase {
        CLIError.databasePath = path
        return try CLIError.reporting { try AppDatabase.open(path: path) }
    }
}

/// Who is making a change, for the change log.
struct OperatorOptions: ParsableArguments {
    @Option(name: .long, help: "Your name for the change log (default: the login user).")
    var by: String?

    var name: String { by ?? ChangeClock.loginUser }
}

/// The clock times are shown on: `--tz ZONE`, else the district's time zone (`mealcli settings`).
/// Stored timestamps stay UTC; only what people read moves.
struct TimeZoneOptions: ParsableArguments {
    @Option(name: .customLong("tz"), help: ArgumentHelp(
        "Show times in this time zone, e.g. UTC or Asia/Urumqi (default: the district's, Asia/Shanghai unless `mealcli settings` changed it).",
        valueName: "zone"))
    var zone: String?

    func validate() throws {
        if let zone {
            do {
                _ = try DistrictTime(zone: zone)
            } catch let error as DomainError {
                throw ValidationError("--tz: \(error.message) (got '\(zone)')")
            }
        }
    }

    func clock(_ store: AppDatabase) throws -> DistrictTime {
        try zone.map { try DistrictTime(zone: $0) } ?? store.districtTime()
    }
}
