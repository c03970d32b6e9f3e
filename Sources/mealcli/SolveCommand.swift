import ArgumentParser
import Foundation
import MealRouting

/// `mealcli solve FILE --format solomon`: solves one benchmark instance.
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve", abstract: "Solve a vehicle routing instance file.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case solomon }

    @Argument(help: "Instance file.") var file: String
    @Option(help: "Instance format (solomon).") var format: Format = .solomon
    @Option(name: .customLong("time-limit"), help: "Time limit in seconds.") var timeLimit: Double = 10
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(name: .customLong("max-iterations"), help: "Stop after this many offspring.") var maxIterations: Int?
    @Flag(help: "Print JSON instead of text.") var json = false

    func run() throws {
        let instance: SolomonInstance
        do {
            instance = try SolomonInstance.load(path: file)
        } catch let error as SolomonParseError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let problem = instance.routingProblem
        let solution = try RoutingSolver.solve(
            problem, parameters: SolverParameters(seed: seed, timeLimit: timeLimit, maxIterations: maxIterations))
        let problems = FeasibilityChecker.violations(of: solution, for: problem)
        // Stop i is customer i + 1 in the file's numbering.
        let routes = solution.vehicleRoutes.flatMap { $0.trips.map { $0.stops.map { $0 + 1 } } }
        if json {
            let object: [String: Any] = [
                "instance": instance.name, "distance": solution.cost.distance.value,
                "vehicles": solution.usedVehicleCount, "seconds": solution.statistics.seconds,
                "feasible": problems.isEmpty && solution.unservedStops.isEmpty, "routes": routes,
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            print("instance  \(instance.name)")
            print("distance  \(String(format: "%.2f", solution.cost.distance.value))")
            print("vehicles  \(solution.usedVehicleCount) of \(instance.vehicleCount)")
            print("seconds   \(String(format: "%.1f", solution.statistics.seconds)) (\(solution.statistics.iterations) iterations)")
            print("feasible  \(problems.isEmpty && solution.unservedStops.isEmpty ? "yes" : "NO")")
            for problem in problems { print("  violation: \(problem)") }
            for (i, route) in routes.enumerated() {
                print("route \(i + 1): \(route.map(String.init).joined(separator: " "))")
            }
        }
        if !problems.isEmpty || !solution.unservedStops.isEmpty { throw ExitCode(2) }
    }
}
