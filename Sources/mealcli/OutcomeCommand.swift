import ArgumentParser
import MealCore

extension WelfareStatus: ExpressibleByArgument {}

extension MealCLI {
    struct Outcome: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record what the courier found at a diner's door (the round is also a welfare check).",
            discussion: """
                One outcome per diner and date: recording again replaces it (the change log keeps both). \
                no_answer opens an alert, and so does a second refusal in a row; hospitalized pauses the diner \
                in the registry until someone re-activates them.
                """)

        @Argument(help: "The diner: id, name or the last 4 digits of the phone.") var diner: String
        @Option(help: "The date of the round (YYYY-MM-DD).", transform: DateArgument.parse) var date: String
        @Option(help: "delivered, no_answer, refused or hospitalized.") var status: WelfareStatus
        @Option(help: "What the courier saw or was told.") var note: String = ""
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var operatorOptions: OperatorOptions

        func run() throws {
            let store = try database.open()
            let dinerID = try CLIError.reporting { try People(store: store, date: date, version: .current) }.diner(diner)
            try CLIError.reporting {
                let user = operatorOptions.name
                let recorded = try store.recordWelfareOutcome(
                    WelfareOutcome(date: date, dinerID: dinerID, status: status, note: note, recordedBy: user), by: user)
                for line in OutcomeReport.lines(recorded: recorded) { print(line) }
            }
        }
    }

    struct Outcomes: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Welfare-check outcomes in bulk.",
            subcommands: [ImportOutcomes.self])

        struct ImportOutcomes: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "import",
                abstract: "Import outcomes from CSV (date,diner_id,status,note,by; UTF-8 or GB18030): all rows or none.",
                discussion: "See docs/formats.md. Each row is recorded as `mealcli outcome` would, in one transaction.")

            @Argument(help: "The CSV file.") var file: String
            @OptionGroup var database: DatabaseOptions
            @OptionGroup var operatorOptions: OperatorOptions

            func run() throws {
                let store = try database.open()
                let summary = try CLIError.reporting {
                    try OutcomeImport.importFile(path: file, into: store, by: operatorOptions.name)
                }
                for warning in summary.warnings { printError("warning: \(warning)") }
                print("\(summary.file): imported \(summary.outcomes) outcomes (\(summary.replaced) replaced; \(summary.encoding))")
                for alert in summary.openedAlerts { print(OutcomeReport.opened(alert)) }
                for alert in summary.withdrawnAlerts { print(OutcomeReport.withdrawn(alert)) }
                for diner in summary.hospitalizedDiners { print(OutcomeReport.hospitalized(diner)) }
            }
        }
    }
}

/// The lines printed after outcomes are recorded, shared by `outcome` and `outcomes import`.
enum OutcomeReport {
    static func lines(recorded: WelfareChecks.Recorded) -> [String] {
        let outcome = recorded.outcome
        var lines = ["\(outcome.date) \(outcome.dinerID): \(outcome.status.rawValue) (\(outcome.status.label)) recorded"
            + (recorded.replaced.map { ", replacing \($0.rawValue)" } ?? "")]
        lines += recorded.openedAlerts.map(opened)
        lines += recorded.withdrawnAlerts.map(withdrawn)
        if recorded.dinerHospitalized { lines.append(hospitalized(outcome.dinerID)) }
        return lines
    }

    static func opened(_ alert: WelfareAlert) -> String {
        "alert \(alert.id) opened: \(alert.dinerID) \(alert.kind.rawValue) (\(alert.kind.label)) on \(alert.date)"
    }

    static func withdrawn(_ alert: WelfareAlert) -> String {
        "alert \(alert.id) withdrawn: \(alert.resolution ?? "")"
    }

    static func hospitalized(_ dinerID: DinerID) -> String {
        "\(dinerID) is now hospitalized in the registry: no meals are planned until the diner is re-activated"
    }
}
