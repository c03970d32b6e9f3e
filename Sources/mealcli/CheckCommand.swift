import ArgumentParser
import Foundation
import MealCore
import MealPlanner

extension MealCLI {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a plan version against the service rules and list every violation.",
            discussion: """
                Checks the circle, modes, diets, opening days, seats, kitchens, boxes, delivery windows, time in \
                the box, shifts, and that every diner who eats appears once, with the parameters the version was \
                planned with. Exits with status 1 when there are violations, 0 when there are none.
                """)

        @Option(help: "The date (YYYY-MM-DD).", transform: DateArgument.parse)
        var date: String

        @Option(help: "The version to check (default: the newest, the one coordinators work on).")
        var version: Int?

        @OptionGroup var travel: TravelOption
        @OptionGroup var output: OutputFormatOption
        @OptionGroup var database: DatabaseOptions

        /// `check --format json` (docs/formats.md): every violation, the diner first as in the text.
        struct Document: Encodable {
            struct Violation: Encodable {
                var rule: String
                var diner: String?
                var courier: String?
                var canteen: String?
                /// The name of whom the text names (the diner, else the courier, else the canteen).
                var name: String
                var detail: String
            }

            var date: String
            var version: Int
            var violations: [Violation]
        }

        func run() throws {
            let store = try database.open()
            let violations = try CLIError.reporting {
                var day = try ServiceDay(date: date)
                let stored = try store.planWithContext(date: date, version: version.map(PlanVersionChoice.number) ?? .latest)
                let (plan, registry) = (stored.plan, stored.registry)
                day.exceptions = stored.exceptions
                let parameters = try PlanChecker.parameters(of: plan)
                let violations = PlanChecker.violations(
                    plan: plan, canteens: registry.canteens, couriers: registry.couriers, diners: registry.diners,
                    parameters: parameters, day: day, model: try travel.choice(for: plan, in: store).model(for: parameters))
                let names = Dictionary(uniqueKeysWithValues: registry.diners.map { ($0.id.rawValue, $0.name) })
                    .merging(registry.couriers.map { ($0.id.rawValue, $0.name) }) { diner, _ in diner }
                    .merging(registry.canteens.map { ($0.id.rawValue, $0.name) }) { earlier, _ in earlier }
                if output.isJSON {
                    try JSONOutput.write(Document(date: date, version: plan.version, violations: violations.map { violation in
                        let id = violation.dinerID?.rawValue ?? violation.courierID?.rawValue ?? violation.canteenID?.rawValue ?? ""
                        return Document.Violation(rule: violation.rule.rawValue, diner: violation.dinerID?.rawValue,
                                                  courier: violation.courierID?.rawValue, canteen: violation.canteenID?.rawValue,
                                                  name: PhoneMask.mask(names[id] ?? ""), detail: PhoneMask.mask(violation.detail))
                    }))
                    return violations
                }
                guard !violations.isEmpty else {
                    print("no violations in version \(plan.version) of \(date)")
                    return violations
                }
                var table = TerminalTable(headers: ["id", "name", "rule", "detail"])
                for violation in violations {
                    // The diner first: that is who the coordinator calls; else the courier, else the canteen.
                    let id = violation.dinerID?.rawValue ?? violation.courierID?.rawValue ?? violation.canteenID?.rawValue ?? ""
                    table.append([id, names[id] ?? "", violation.rule.rawValue, violation.detail])
                }
                print(table.render(), terminator: "")
                print("\(violations.count) violation\(violations.count == 1 ? "" : "s") in version \(plan.version) of \(date)")
                return violations
            }
            if !violations.isEmpty { throw ExitCode.failure }
        }
    }
}
