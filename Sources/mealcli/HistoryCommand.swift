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

        @OptionGroup var output: OutputFormatOption
        @OptionGroup var timeZone: TimeZoneOptions
        @OptionGroup var database: DatabaseOptions

        /// `history --format json` (docs/formats.md): times as ISO 8601 with the zone's offset.
        struct Document: Encodable {
            struct Entry: Encodable {
                var at: String
                var by: String
                var action: String
                var subject: String
                var detail: String
            }

            struct Version: Encodable {
                var version: Int
                var status: DayPlan.Status
                var provenance: String
                var createdBy: String
                var createdAt: String
                var note: String
                enum CodingKeys: String, CodingKey {
                    case version, status, provenance, note
                    case createdBy = "created_by", createdAt = "created_at"
                }
            }

            var date: String
            var timeZone: String
            var entries: [Entry]
            var versions: [Version]
            enum CodingKeys: String, CodingKey {
                case date, entries, versions
                case timeZone = "time_zone"
            }
        }

        func run() throws {
            let store = try database.open()
            try CLIError.reporting {
                _ = try ServiceDay(date: date)
                let (entries, versions) = (try store.changeLog(aboutDate: date), try store.planVersions(date: date))
                let clock = try timeZone.clock(store)
                // Details and notes quote what people typed (a courier's "邻居 159..."): phone-like numbers masked.
                let shown = { (text: String) in PhoneMask.shown(text, unmasked: unmasked) }
                if output.isJSON {
                    return try JSONOutput.write(Document(
                        date: date, timeZone: clock.identifier,
                        entries: entries.map {
                            .init(at: clock.iso(stored: $0.at), by: $0.by, action: $0.action, subject: $0.subject, detail: shown($0.detail))
                        },
                        versions: versions.map {
                            .init(version: $0.version, status: $0.status, provenance: $0.provenance.storedValue,
                                  createdBy: $0.createdBy, createdAt: clock.iso(stored: $0.createdAt), note: shown($0.note))
                        }))
                }
                print("times in \(clock)")
                if entries.isEmpty {
                    print("no change-log entries about \(date)")
                } else {
                    var log = TerminalTable(headers: ["at", "by", "action", "subject", "detail"])
                    for entry in entries {
                        log.append([clock.shown(stored: entry.at), entry.by, entry.action, entry.subject, shown(entry.detail)])
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
                                      shown(version.note)])
                    }
                    print(table.render(), terminator: "")
                }
            }
        }
    }
}
