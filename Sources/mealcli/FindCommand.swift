import ArgumentParser
import Foundation
import MealCore

extension MealCLI {
    struct Find: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find diners and couriers by id, name or the last 4 digits of the phone, with their canteen that day.",
            discussion: """
                Lists id, kind, name, community, canteen today (from the day's published plan, else its newest) \
                and the phone, masked. Every command that takes a diner or courier takes the same text; \
                when several people match, it lists them like this and changes nothing. Exit status 1 when \
                nobody matches.
                """)

        @Argument(help: "Part of a name or id, or the last 4 (or more) digits of a phone number.")
        var text: String

        @Option(help: "The day whose plan gives the canteen (YYYY-MM-DD; default: today in the district).",
                transform: DateArgument.parse)
        var date: String?

        @OptionGroup var output: OutputFormatOption

        @OptionGroup var timeZone: TimeZoneOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let store = try database.open()
            try CLIError.reporting {
                let day = try date ?? timeZone.clock(store).day(at: Date()).description
                let found = try People(store: store, date: day, version: .current).lookup.find(text)
                switch output.format {
                case .json:
                    try JSONOutput.write(found)
                case .text:
                    var table = TerminalTable(headers: PersonCandidate.headers)
                    for candidate in found { table.append(candidate.row) }
                    if !found.isEmpty { print(table.render(), terminator: "") }
                    print("\(found.count) match\(found.count == 1 ? "" : "es") for '\(text)' on \(day)")
                }
                if found.isEmpty { throw ExitCode.failure }
            }
        }
    }
}
