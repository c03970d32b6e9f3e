import ArgumentParser
import Foundation
import MealCore
import MealPlanner

extension MealCLI {
    struct Status: ParsableCommand {
        /// The JSON document (`status --format json`, docs/formats.md).
        struct Document: Encodable {
            var timeZone: String
            var dates: [DateStatus]
            enum CodingKeys: String, CodingKey {
                case dates
                case timeZone = "time_zone"
            }
        }

        static let configuration = CommandConfiguration(
            abstract: "Where each date stands: planned or not, its versions, the published one, newer drafts, unserved diners, open alerts.",
            discussion: "Times are the district's local time (see `mealcli settings`; --tz shows another zone).")

        @Option(help: "The first date (YYYY-MM-DD; default: today).", transform: DateArgument.parse) var from: String?
        @Option(help: "How many dates.") var days: Int = 7
        @OptionGroup var output: OutputFormatOption
        @OptionGroup var timeZone: TimeZoneOptions
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard (1...366).contains(days) else { throw ValidationError("--days must be between 1 and 366") }
        }

        func run() throws {
            let store = try database.open()
            try CLIError.reporting {
                let clock = try timeZone.clock(store)
                let dates = try BatchPlanning.dates(from: from ?? clock.day(at: Date()).description, days: days)
                var report = try StatusReporting.dates(dates, in: store)
                for index in report.indices { report[index].latestCreatedAt = report[index].latestCreatedAt.map { clock.iso(stored: $0) } }
                switch output.format {
                case .json:
                    try JSONOutput.write(Document(timeZone: clock.identifier, dates: report))
                case .text:
                    print("times in \(clock)")
                    for status in report { print(Self.line(status, clock: clock)) }
                }
            }
        }

        /// `2026-11-25  published v5  5 versions  3 unserved  1 open alert  newest v5 by 王协调 at 2026-11-25 08:12`
        static func line(_ status: DateStatus, clock: DistrictTime) -> String {
            let plural = { (count: Int, word: String) in "\(count) \(word)\(count == 1 ? "" : "s")" }
            guard status.planned, let printed = status.printedVersion, let latest = status.latestVersion else {
                return "\(status.date)  not planned" + (status.openAlerts > 0 ? "  \(plural(status.openAlerts, "open alert"))" : "")
            }
            var parts = [status.date]
            if let published = status.publishedVersion {
                parts.append("published v\(published)")
            } else {
                parts.append("nothing published (operators print draft v\(printed))")
            }
            parts.append(plural(status.versions, "version"))
            if !status.newerUnpublishedVersions.isEmpty {
                parts.append("newer draft" + (status.newerUnpublishedVersions.count == 1 ? " " : "s ")
                             + status.newerUnpublishedVersions.map { "v\($0)" }.joined(separator: ", ") + " not published")
            }
            parts.append("\(status.unserved) unserved")
            if let travel = status.travel { parts.append("travel: \(travel.description)") }
            parts.append(plural(status.openAlerts, "open alert"))
            parts.append("newest v\(latest) by \(status.latestCreatedBy ?? "?") at "
                         + clock.shown(stored: status.latestCreatedAt ?? ""))
            return parts.joined(separator: "  ")
        }
    }
}
