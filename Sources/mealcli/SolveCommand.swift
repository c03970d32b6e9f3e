import ArgumentParser
import Foundation
import MealRouting

/// `mealcli solve FILE [--input-format solomon] [--format text|json]`: solves one benchmark instance.
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve", abstract: "Solve a vehicle routing instance file.",
        discussion: "Exit status 2 when the solution breaks a rule or leaves customers out.")

    enum InputFormat: String, ExpressibleByArgument, CaseIterable { case solomon }

    /// `solve --format json` (docs/formats.md).
    struct Document: Encodable {
        var instance: String
        var distance: Double
        var vehicles: Int
        var vehicleCount: Int
        var seconds: Double
        var iterations: Int
        var feasible: Bool
        var violations: [String]
        /// Each trip's customers in visiting order, numbered as in the file.
        var routes: [[Int]]
        enum CodingKeys: String, CodingKey {
            case instance, distance, vehicles, seconds, iterations, feasible, violations, routes
            case vehicleCount = "vehicle_count"
        }
    }

    @Argument(help: "Instance file.") var file: String
    @Option(name: .customLong("input-format"), help: "Instance format (solomon).") var inputFormat: InputFormat = .solomon
    @Option(help: "text (the default) or json.", transform: SolveCommand.outputFormat) var format: OutputFormat = .text
    @Option(name: .customLong("time-limit"), help: "Time limit in seconds.") var timeLimit: Double = 10
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(name: .customLong("max-iterations"), help: "Stop after this many offspring.") var maxIterations: Int?
    /// The old spelling of `--format json`, kept only to say so.
    @Flag(help: .hidden) var json = false

    /// `--format` used to name the instance format: say where it went rather than only "invalid value".
    static func outputFormat(_ argument: String) throws -> OutputFormat {
        if let format = OutputFormat(rawValue: argument) { return format }
        if InputFormat(rawValue: argument) != nil {
            throw ValidationError("--format is now text or json; the instance format is --input-format \(argument)")
        }
        throw ValidationError("expected text or json")
    }

    func validate() throws {
        if json { throw ValidationError("--json is now --format json") }
    }

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
        let feasible = problems.isEmpty && solution.unservedStops.isEmpty
        // Stop i is customer i + 1 in the file's numbering.
        let routes = solution.vehicleRoutes.flatMap { $0.trips.map { $0.stops.map { $0 + 1 } } }
        if format == .json {
            try JSONOutput.write(Document(
                instance: instance.name, distance: solution.cost.distance.value, vehicles: solution.usedVehicleCount,
                vehicleCount: instance.vehicleCount, seconds: solution.statistics.seconds,
                iterations: solution.statistics.iterations, feasible: feasible, violations: problems.map { "\($0)" },
                routes: routes))
        } else {
            print("instance  \(instance.name)")
            print("distance  \(String(format: "%.2f", solution.cost.distance.value))")
            print("vehicles  \(solution.usedVehicleCount) of \(instance.vehicleCount)")
            print("seconds   \(String(format: "%.1f", solution.statistics.seconds)) (\(solution.statistics.iterations) iterations)")
            print("feasible  \(feasible ? "yes" : "NO")")
            for problem in problems { print("  violation: \(problem)") }
            for (i, route) in routes.enumerated() {
                print("route \(i + 1): \(route.map(String.init).joined(separator: " "))")
            }
        }
        if !feasible { throw ExitCode(2) }
    }
}
