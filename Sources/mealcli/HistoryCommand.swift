import ArgumentParser
import MealCore
import MealPlanner

extension MealCLI {
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Everything done to a date's plan: the change log about the date, then its plan versions.")

        @Option(help: "The date (YYYY-MM-DD).", transform: DateArgument.parse)
        var date: String

        @Flag(help: "Show phone numbers in notes in full.")
        var unmasked = false

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let store = try database.open()
            try CLIError.reporting {
                _ = try ServiceDay(date: date)
                let (entries, versions) = (try store.changeLog(aboutDate: date), try store.planVersions(date: date))
                if entries.isEmpty {
                    print("no change-log entries about \(date)")
                } else {
                    var log = TerminalTable(headers: ["at", "by", "action", "subject", "detail"])
                    // Details quote notes people typed (a courier's "邻居 159..."): phone-like numbers masked.
                    for entry in entries {
                        log.append([entry.at, entry.by, entry.action, entry.subject, PhoneMask.shown(entry.detail, unmasked: unmasked)])
                    }
                    print(log.render(), terminator: "")
                }
                print("")
                if versions.isEmpty {
                    print("no plan versions for \(date)")
                } else {
                    var table = TerminalTable(headers: ["version", "status", "created by", "created at", "note"], rightAligned: [0])
                    for version in versions {
                        table.append([String(version.version), version.status.rawValue, version.createdBy, version.createdAt,
                                      PhoneMask.shown(version.note, unmasked: unmasked)])
                    }
                    print(table.render(), terminator: "")
                }
            }
        }
    }
}
