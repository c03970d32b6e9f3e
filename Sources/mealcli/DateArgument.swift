import ArgumentParser
import MealCore

/// Every date option of the command line (`--date`, `--from`) is read by `CalendarDate`, the one
/// date parser, and handed on in its one stored spelling: `2026-2-3` becomes `2026-02-03`, so a
/// date planned as typed is found again as typed. A transform rather than `ExpressibleByArgument`,
/// because `init?(argument:)` cannot say why a date is refused; ArgumentParser names the option:
/// `The value '9999-12-31' is invalid for '--date <date>': a date must be from 2000-01-01 to 2100-12-31`.
enum DateArgument {
    static func parse(_ text: String) throws -> String {
        do {
            return try CalendarDate(parsing: text).description
        } catch let error as DomainError {
            throw ValidationError(error.message)
        }
    }
}
