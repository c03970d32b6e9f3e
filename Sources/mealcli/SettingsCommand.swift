import ArgumentParser
import MealCore

extension MealCLI {
    struct Settings: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show or change the district's settings: the time zone people read times in.",
            discussion: """
                Times in history, the change log, batch lines and status are shown in this zone (default \
                Asia/Shanghai); stored timestamps stay UTC, and `--tz` on a command shows another zone once.
                """)

        @Option(name: .customLong("time-zone"), help: "Set the district's time zone (an IANA name such as Asia/Shanghai).")
        var timeZone: String?

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var operatorOptions: OperatorOptions

        func validate() throws {
            if let timeZone {
                do { _ = try DistrictTime(zone: timeZone) } catch let error as DomainError {
                    throw ValidationError("--time-zone: \(error.message) (got '\(timeZone)')")
                }
            }
        }

        func run() throws {
            let store = try database.open()
            try CLIError.reporting {
                if let timeZone {
                    try store.setDistrictTime(try DistrictTime(zone: timeZone), by: operatorOptions.name)
                }
                print("time zone: \(try store.districtTime())")
            }
        }
    }
}
