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
