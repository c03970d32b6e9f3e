import ArgumentParser

extension MealCLI {
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Benchmarks: they print figures; the tests check correctness.",
            subcommands: [SolomonBenchmark.self, AssignmentBenchmark.self])
    }
}
