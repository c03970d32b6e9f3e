import ArgumentParser
import Foundation
import MealCore
import MealPlanner

extension MealCLI {
    struct Batch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Plan consecutive dates overnight, each in its own transaction, carrying continuity forward.",
            discussion: """
                Dates already planned from unchanged inputs are skipped, so running the same batch again is safe. \
                Only one batch runs on a database at a time. Exit status: 0 when every date is planned and every \
                diner the service can reach is served; 3 when diners inside the circle, with a diet a canteen in \
                reach cooks and a canteen open, are left out; 1 on an error; 64 on a usage mistake. Diners out of \
                reach (outside the circle, or no canteen in reach cooks their diet) and diners whose canteens are \
                all closed that day are reported in the summary but do not fail the run.
                """)

        @Option(help: "The first date (YYYY-MM-DD).", transform: DateArgument.parse) var from: String
        @Option(help: "How many dates.") var days: Int
        @Flag(help: "Publish each date's plan.") var publish = false
        @Option(name: .customLong("time-limit-per-day"), help: "Seconds one canteen's routing may take at most on each date (a guard against runaway: the search stops on a work budget).") var timeLimitPerDay: Double = DayPlanner.defaultTimeGuard
        @Option(help: "Random seed of the routing search.") var seed: UInt64 = 1
        @OptionGroup var output: OutputFormatOption
        @OptionGroup var planning: PlanningOptions
        @OptionGroup var timeZone: TimeZoneOptions
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var operatorOptions: OperatorOptions

        /// `batch --format json` (docs/formats.md): one entry per date, then the totals.
        struct Document: Encodable {
            struct DateEntry: Encodable {
                var date: String
                var status: String
                var version: Int
                var served: Int
                var unserved: Int
                var outOfReach: Int
                var closed: Int
                var seconds: Double
                enum CodingKeys: String, CodingKey {
                    case date, status, version, served, unserved, seconds, closed
                    case outOfReach = "out_of_reach"
                }
            }

            var dates: [DateEntry]
            var planned: Int
            var skipped: Int
            var served: Int
            var unserved: Int
            var outOfReach: Int
            var closed: Int

            enum CodingKeys: String, CodingKey {
                case dates, planned, skipped, served, unserved, closed
                case outOfReach = "out_of_reach"
            }

            init(_ results: [BatchPlanning.DateResult]) {
                dates = results.map {
                    DateEntry(date: $0.date, status: $0.status.rawValue, version: $0.version, served: $0.served,
                              unserved: $0.unserved, outOfReach: $0.outOfReach, closed: $0.closed, seconds: ($0.seconds * 100).rounded() / 100)
                }
                planned = results.filter { $0.status == .planned }.count
                skipped = results.count - planned
                served = results.reduce(0) { $0 + $1.served }
                unserved = results.reduce(0) { $0 + $1.unserved }
                outOfReach = results.reduce(0) { $0 + $1.outOfReach }
                closed = results.reduce(0) { $0 + $1.closed }
            }
        }

        func validate() throws {
            guard (1...366).contains(days) else { throw ValidationError("--days must be between 1 and 366") }
            guard timeLimitPerDay > 0 else { throw ValidationError("--time-limit-per-day must be positive") }
            do {
                _ = try BatchPlanning.dates(from: from, days: days)
            } catch let error as DomainError {
                throw ValidationError("--from \(from) with --days \(days) would end on \(error.value ?? "?"); "
                                      + "the last date that can be planned is \(CalendarDate.latest)")
            }
        }

        func run() throws {
            let store = try database.open()
            let results = try CLIError.reporting { () -> [BatchPlanning.DateResult] in
                let lock = try BatchLock(databasePath: database.path)
                defer { withExtendedLifetime(lock) {} }
                let dates = try BatchPlanning.dates(from: from, days: days)
                let settings = DayPlanner.Settings(parameters: try planning.resolve(), seed: seed,
                                                   timeLimit: timeLimitPerDay, createdBy: operatorOptions.name,
                                                   travel: try planning.travel.choice(in: store))
                // In JSON mode standard output carries the document only: the log lines go to standard error.
                let reporter = BatchReporter(total: dates.count, interactive: !output.isJSON && isatty(STDOUT_FILENO) == 1,
                                             clock: try timeZone.clock(store), toStandardError: output.isJSON)
                reporter.start(dates.first!)
                return try BatchPlanning.run(dates: dates, in: store, settings: settings, publish: publish) { done, total, result in
                    reporter.finished(done: done, result: result, next: done < total ? dates[done] : nil)
                }
            }
            if output.isJSON {
                try CLIError.reporting { try JSONOutput.write(Document(results)) }
            } else {
                Self.summarize(results)
            }
            if results.contains(where: { $0.unserved > 0 }) { throw ExitCode(3) }
        }

        /// The closing lines: dates planned and skipped, meals, who was left out and who is out of reach.
        static func summarize(_ results: [BatchPlanning.DateResult]) {
            let planned = results.filter { $0.status == .planned }.count
            let dates = { (results: [BatchPlanning.DateResult], count: KeyPath<BatchPlanning.DateResult, Int>) in
                results.filter { $0[keyPath: count] > 0 }.map { "\($0.date) (\($0[keyPath: count]))" }.joined(separator: ", ")
            }
            print("batch: \(planned) date\(planned == 1 ? "" : "s") planned, \(results.count - planned) skipped (unchanged); "
                  + "\(results.reduce(0) { $0 + $1.served }) meals planned")
            if results.contains(where: { $0.outOfReach > 0 }) {
                print("out of reach on " + dates(results, \.outOfReach) + ": outside the circle, or no canteen in reach "
                      + "cooks their diet (not a failure of the plan; see `mealcli coverage`)")
            }
            if results.contains(where: { $0.closed > 0 }) {
                print("canteens closed on " + dates(results, \.closed) + ": every canteen in reach of these diners is closed "
                      + "that day (opening days or a declared closure; not a failure of the plan)")
            }
            if results.contains(where: { $0.unserved > 0 }) {
                print("left out although in reach on " + dates(results, \.unserved)
                      + "; see `mealcli export plan --date D` or the summary of `mealcli plan`")
            }
        }
    }
}

/// A progress bar on a terminal; one plain line per date otherwise (cron, logs).
final class BatchReporter: @unchecked Sendable {
    let total: Int
    let interactive: Bool
    /// Log lines carry the district's local time: whoever reads the cron log in the morning
    /// compares it with the wall clock, not with UTC.
    let clock: DistrictTime
    /// Log lines on standard error (when standard output carries a JSON document).
    let toStandardError: Bool
    let started = Date()

    init(total: Int, interactive: Bool, clock: DistrictTime, toStandardError: Bool = false) {
        self.total = total
        self.interactive = interactive
        self.clock = clock
        self.toStandardError = toStandardError
    }

    func start(_ first: String) {
        if interactive { draw(done: 0, current: first) }
    }

    func finished(done: Int, result: BatchPlanning.DateResult, next: String?) {
        if interactive {
            draw(done: done, current: next)
            if next == nil { print("") }
        } else {
            let what = result.status == .planned ? "planned as version \(result.version)" : "unchanged, skipped (version \(result.version))"
            let line = String(format: "%@ %@: %@, %d served, %d unserved, %d out of reach, %d closed (%.1f s)",
                              clock.shown(Date()), result.date, what, result.served, result.unserved, result.outOfReach,
                              result.closed, result.seconds)
            if toStandardError { printError(line) } else { print(line) }
            fflush(nil)
        }
    }

    private func draw(done: Int, current: String?) {
        let width = 24
        let filled = total == 0 ? width : width * done / total
        let elapsed = Date().timeIntervalSince(started)
        let remaining = done == 0 ? "?" : String(format: "%.0f s", elapsed / Double(done) * Double(total - done))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let line = String(format: "\r[%@] %d/%d %@ elapsed %.0f s, about %@ left   ", bar, done, total,
                          current.map { "planning \($0)," } ?? "done,", elapsed, remaining)
        FileHandle.standardOutput.write(Data(line.utf8))
    }
}
