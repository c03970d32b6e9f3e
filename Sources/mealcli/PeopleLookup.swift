import ArgumentParser
import Foundation
import MealCore

/// What an operator typed for a diner or courier (`--diner`, `--courier`, `--to-courier`, a
/// diner argument) turned into an id: the exact id, else the name or the last 4 digits of the
/// phone (`PersonLookup`). When several people match, a person at a terminal is asked to choose;
/// a script gets the candidates listed on standard error and exit status 1, nothing changed.
struct People {
    let lookup: PersonLookup

    /// Candidates show their canteen in `version` of `date`'s plan, when there is one.
    init(store: AppDatabase, date: String?, version: PlanVersionChoice) throws {
        let plan: DayPlan?
        do {
            plan = try date.map { try store.plan(date: $0, version: version) }
        } catch is PlanStore.Failure {
            plan = nil
        }
        lookup = PersonLookup(registry: try store.registry(), plan: plan)
    }

    func diner(_ text: String) throws -> DinerID {
        try CLIError.reporting { try choosing({ DinerID($0) }) { try lookup.diner(text) } }
    }

    func courier(_ text: String) throws -> CourierID {
        try CLIError.reporting { try choosing({ CourierID($0) }) { try lookup.courier(text) } }
    }

    /// Standard input and output are both a terminal: someone is there to answer.
    static var someoneToAsk: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    private func choosing<ID>(_ make: (String) -> ID, _ resolve: () throws -> ID) throws -> ID {
        do {
            return try resolve()
        } catch PersonLookup.Failure.ambiguous(let kind, let text, let candidates) where Self.someoneToAsk {
            var table = TerminalTable(headers: ["#"] + PersonCandidate.headers, rightAligned: [0])
            for (number, candidate) in candidates.enumerated() { table.append(["\(number + 1)"] + candidate.row) }
            print("\(candidates.count) \(kind.rawValue)s match '\(text)':")
            print(table.render(), terminator: "")
            print("Which one (1-\(candidates.count), Enter to stop)? ", terminator: "")
            fflush(nil)
            if let answer = readLine(), let number = Int(answer.trimmingCharacters(in: .whitespaces)),
               candidates.indices.contains(number - 1) {
                return make(candidates[number - 1].id)
            }
            printError("nothing chosen; nothing was changed")
            throw ExitCode.failure
        }
    }
}

extension EditOptions {
    /// The people of the registry, with their canteens in the latest version of the date.
    func people() throws -> People {
        let store = try database.open()
        return try CLIError.reporting { try People(store: store, date: date, version: .latest) }
    }
}
