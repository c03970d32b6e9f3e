import ArgumentParser
import MealCore

extension MealCLI {
    struct Alerts: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List open welfare alerts with the diner's address and emergency contact.",
            discussion: "Phone numbers are masked (in addresses, contacts and notes too) unless --unmasked is given. `mealcli resolve ALERT --note TEXT` closes one.")

        @Option(help: "Only alerts opened by the outcome of this date (YYYY-MM-DD).", transform: DateArgument.parse) var date: String?
        @Flag(help: "Show phone numbers in full.") var unmasked = false
        @OptionGroup var output: OutputFormatOption
        @OptionGroup var database: DatabaseOptions

        /// `alerts --format json` (docs/formats.md): the open alerts, people's text masked unless --unmasked.
        struct Document: Encodable {
            struct Alert: Encodable {
                var alert: Int64
                var date: String
                var kind: WelfareAlert.Kind
                var kindLabel: String
                var diner: String
                var name: String
                var address: String
                var grid: String
                var emergencyContact: String
                var note: String
                var openedBy: String
                var openedAt: String
                enum CodingKeys: String, CodingKey {
                    case alert, date, kind, diner, name, address, grid, note
                    case kindLabel = "kind_label", emergencyContact = "emergency_contact"
                    case openedBy = "opened_by", openedAt = "opened_at"
                }
            }

            var timeZone: String
            var alerts: [Alert]
            enum CodingKeys: String, CodingKey {
                case alerts
                case timeZone = "time_zone"
            }
        }

        func run() throws {
            let store = try database.open()
            try CLIError.reporting {
                let date = try self.date.map { try CalendarDate.normalized($0) }
                let rows = try store.openWelfareAlerts(openedOn: date)
                if output.isJSON {
                    let clock = try store.districtTime()
                    let shown = { (text: String) in PhoneMask.shown(text, unmasked: unmasked) }
                    return try JSONOutput.write(Document(timeZone: clock.identifier, alerts: rows.map { alert, diner in
                        Document.Alert(alert: alert.id, date: alert.date, kind: alert.kind, kindLabel: alert.kind.label,
                                       diner: alert.dinerID.rawValue, name: shown(diner?.name ?? "?"), address: shown(diner?.address ?? ""),
                                       grid: shown(diner?.grid ?? ""), emergencyContact: shown(diner?.emergencyContact ?? ""),
                                       note: shown(alert.note), openedBy: alert.openedBy, openedAt: clock.iso(stored: alert.openedAt))
                    }))
                }
                guard !rows.isEmpty else {
                    print(date.map { "no open alerts opened on \($0)" } ?? "no open alerts")
                    return
                }
                var table = TerminalTable(headers: ["alert", "date", "kind", "diner", "name", "address", "grid",
                                                    "emergency contact", "note"], rightAligned: [0])
                // Phone-like numbers are masked in every piece of people's text, the courier's note included.
                let shown = { (text: String) in PhoneMask.shown(text, unmasked: unmasked) }
                for (alert, diner) in rows {
                    table.append(["\(alert.id)", alert.date, "\(alert.kind.rawValue) \(alert.kind.label)", alert.dinerID.rawValue,
                                  shown(diner?.name ?? "?"), shown(diner?.address ?? ""), shown(diner?.grid ?? ""),
                                  shown(diner?.emergencyContact ?? ""), shown(alert.note)])
                }
                print(table.render(), terminator: "")
                print("\(rows.count) open alert\(rows.count == 1 ? "" : "s")")
            }
        }
    }

    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close a welfare alert, saying what was done.")

        @Argument(help: "The alert number (from `mealcli alerts`).") var alert: Int64
        @Option(help: "What was done, e.g. \"网格员上门，老人安好\".") var note: String
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var operatorOptions: OperatorOptions

        func run() throws {
            let store = try database.open()
            try CLIError.reporting {
                let resolved = try store.resolveWelfareAlert(id: alert, note: note, by: operatorOptions.name)
                print("alert \(resolved.id) resolved: \(resolved.dinerID) \(resolved.kind.rawValue) on \(resolved.date)")
            }
        }
    }
}
