import ArgumentParser
import Foundation
import MealCore

/// Prints an error the way operators read it (the message alone, on standard error) and exits
/// with status 1; usage mistakes keep ArgumentParser's own messages and status.
enum CLIError {
    /// The database the command opened, to name it in SQLite failures that happen later (busy,
    /// read-only, disk full). Set once on the main thread before any command body runs.
    nonisolated(unsafe) static var databasePath = "meals.db"

    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let exit as ExitCode {
            throw exit
        } catch let failure as ImportFailure {
            // Already one `FILE:LINE: column NAME: ...` line per problem.
            printError(failure.description)
            throw ExitCode.failure
        } catch {
            printError("error: \(OperatorWording.message(for: error))")
            throw ExitCode.failure
        }
    }
}

/// Errors quote what operators typed and what the database holds: control characters are shown
/// as visible escapes (`PlainText`), line breaks between lines of the message kept.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((PlainText.visible(message, keepingLineBreaks: true) + "\n").utf8))
}
