import ArgumentParser
import Foundation
import MealCore

@main
struct MealCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mealcli",
        abstract: "Plans lunch for a district's canteens for the elderly: who eats where, and the delivery rounds.",
        discussion: "Exit status: 0 done, 1 an error (bad input, database), 64 a usage mistake (unknown option, bad value); "
            + "`check` 1 on broken rules, `batch` 3 when diners in reach were left out, also with --format json "
            + "(one JSON document on standard output, docs/formats.md). `mealcli --version` prints the engine's version.",
        subcommands: [
            Demo.self,
            Init.self,
            Import.self,
            Export.self,
            Fixture.self,
            Coverage.self,
            Travel.self,
            Reach.self,
            Assign.self,
            Plan.self,
            Publish.self,
            Status.self,
            Revert.self,
            Check.self,
            Diff.self,
            History.self,
            Find.self,
            Roster.self,
            Routes.self,
            Map.self,
            Move.self,
            Swap.self,
            Lock.self,
            Unlock.self,
            Cancel.self,
            Add.self,
            Absent.self,
            Close.self,
            Replan.self,
            Batch.self,
            Outcome.self,
            Outcomes.self,
            Alerts.self,
            Resolve.self,
            SolveCommand.self,
            Bench.self,
            Backup.self,
            Doctor.self,
            Settings.self,
        ]
    )

    static func main() {
        // A file-size limit (ulimit -f) would otherwise kill the process in the middle of a write;
        // ignored, it becomes a failed write that SQLite rolls back and the command reports.
        signal(SIGXFSZ, SIG_IGN)
        // `mealcli --version` alone: not ArgumentParser's version flag, which every command would
        // also list beside its own `--version N` (a plan version).
        if CommandLine.arguments.dropFirst() == ["--version"] {
            print(EngineVersion.string)
            return
        }
        main(nil)
    }
}
