import ArgumentParser

@main struct MealCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mealcli",
        abstract: "Scheduling engine for elderly meal services.",
        subcommands: [SolveCommand.self, BenchCommand.self])
}
