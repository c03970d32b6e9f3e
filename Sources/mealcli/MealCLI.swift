import ArgumentParser

@main
struct MealCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mealcli",
        abstract: "Plans lunch for a district's canteens for the elderly: who eats where, and the delivery rounds.",
        subcommands: [
            Demo.self,
            Init.self,
            Import.self,
            Export.self,
            Fixture.self,
            Coverage.self,
            Assign.self,
            Plan.self,
            Publish.self,
            Check.self,
            Diff.self,
            History.self,
            Roster.self,
            Routes.self,
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

        ]
    )
}
