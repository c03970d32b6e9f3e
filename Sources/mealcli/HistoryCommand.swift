import ArgumentParser
import MealCore
import MealPlanner

extension MealCLI {
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Everything done to a date's plan: the change log about the date, then its plan versions.",
            discussion: "Times are the district's local time (see `mealcli settings`; --tz shows another zone); the database keeps them in UTC.")

        @Option(help: "The date (YYYY-MM-DD).", transform: DateArgument.parse)
        var date: String

        @Flag(help: "Show phone numbers in notes in full.")
        var unmasked = false

        @OptionGroup var timeZone: TimeZoneOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let store = try database.open()
            try CLIError.reporting {
                _ = try ServiceDay(date: date)
                let (entries, versions) = (try store.changeLog(aboutDate: date), try store.planVersions(date: date))
                let clock = try timeZone.clock(store)
                print("times in \(clock)")
                if entries.isEmpty {
                    print("no change-log entries about \(date)")
                } else {
                    var log = TerminalTable(headers: ["at", "by", "action", "subject", "detail"])
                    // Details quote notes people typed (a courier's "邻居 159..."): phone-like numbers masked.
                    for entry in entries {
                        log.append([clock.shown(stored: entry.at), entry.by, entry.action, entry.subject,
                                    PhoneMask.shown(entry.detail, unmasked: unmasked)])
                    }
                    print(log.render(), terminator: "")
                }
                print("")
                if versions.isEmpty {
                    print("no plan versions for \(date)")
                } else {
                    var table = TerminalTable(headers: ["version", "status", "created by", "created at", "note"], rightAligned: [0])
                    for version in versions {
                        table.append([String(version.version), version.status.rawValue, version.createdBy, clock.shown(stored: version.createdAt),
                                      PhoneMask.shown(version.note, unmasked: unmasked)])
                    }
                    print(table.render(), terminator: "")
                }
            }
        }
    }
}
