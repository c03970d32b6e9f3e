import ArgumentParser
import Foundation
import MealRouting

/// `mealcli bench solomon`: every instance of a benchmark folder, one after the other on one
/// thread, compared with the reference distances.
struct SolomonBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solomon", abstract: "Run the 56 Solomon VRPTW instances and compare with reference distances.")

    @Option(help: "Folder with the instances and reference.csv.") var dir = "../shared/benchmarks/solomon"
    @Option(name: .customLong("time-limit"), help: "Time limit per instance in seconds.") var timeLimit: Double = 10
    @Option(help: "Random seed.") var seed: UInt64 = 1

    func run() throws {
        let folder = URL(fileURLWithPath: dir)
        let references = try loadReferences(folder.appendingPathComponent("reference.csv").path)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.lowercased().hasSuffix(".txt") }.sorted()
        guard !files.isEmpty else { throw ValidationError("no .txt instances in \(folder.path)") }

        print(pad("instance", 9) + pad("vehicles", 9, right: true) + pad("distance", 11, right: true)
            + pad("ref", 11, right: true) + pad("gap %", 8, right: true) + pad("seconds", 9, right: true)
            + pad("feasible", 10, right: true))
        var gaps: [String: [Double]] = [:]
        var allGaps: [Double] = []
        var infeasible = 0
        for file in files {
            let instance = try SolomonInstance.load(path: folder.appendingPathComponent(file).path)
            let problem = instance.routingProblem
            let solution = try RoutingSolver.solve(problem, parameters: SolverParameters(seed: seed, timeLimit: timeLimit))
            let feasible = FeasibilityChecker.violations(of: solution, for: problem).isEmpty
                && solution.unservedStops.isEmpty && solution.usedVehicleCount <= instance.vehicleCount
            if !feasible { infeasible += 1 }
            let distance = solution.cost.distance.value
            let name = instance.name.isEmpty ? String(file.dropLast(4)) : instance.name
            let reference = references[name.uppercased()]
            var gapText = "-"
            var refText = "-"
            if let reference {
                let gap = 100 * (distance - reference) / reference
                gapText = String(format: "%.2f", gap)
                refText = String(format: "%.2f", reference)
                gaps[instanceClass(name), default: []].append(gap)
                allGaps.append(gap)
            }
            print(pad(name, 9) + pad(String(solution.usedVehicleCount), 9, right: true)
                + pad(String(format: "%.2f", distance), 11, right: true) + pad(refText, 11, right: true)
                + pad(gapText, 8, right: true) + pad(String(format: "%.1f", solution.statistics.seconds), 9, right: true)
                + pad(feasible ? "yes" : "NO", 10, right: true))
            fflush(nil)  // flushes stdout so a long run shows progress
        }
        print("")
        print("mean gap per class")
        for name in ["C1", "C2", "R1", "R2", "RC1", "RC2"] where gaps[name] != nil {
            let values = gaps[name]!
            print(pad(name, 9) + pad(String(format: "%.2f %%", values.reduce(0, +) / Double(values.count)), 10, right: true)
                + "  (\(values.count) instances)")
        }
        let mean = allGaps.isEmpty ? 0 : allGaps.reduce(0, +) / Double(allGaps.count)
        print(pad("overall", 9) + pad(String(format: "%.2f %%", mean), 10, right: true) + "  (\(allGaps.count) instances)")
        print("feasible: \(files.count - infeasible) of \(files.count)")
        if infeasible > 0 { throw ExitCode(2) }
    }

    /// C1, C2, R1, R2, RC1, RC2 from names like RC203.
    private func instanceClass(_ name: String) -> String {
        let letters = name.uppercased().prefix { $0.isLetter }
        let digit = name.dropFirst(letters.count).first.map(String.init) ?? ""
        return letters + digit
    }

    private func loadReferences(_ path: String) throws -> [String: Double] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        var result: [String: Double] = [:]
        var header: [String] = []
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if index == 0 {
                header = fields
                continue
            }
            guard let nameColumn = header.firstIndex(of: "instance"),
                let distanceColumn = header.firstIndex(of: "ref_distance"),
                fields.count > max(nameColumn, distanceColumn)
            else { continue }
            guard let value = Double(fields[distanceColumn]) else {
                throw ValidationError("\(path):\(index + 1): ref_distance: '\(fields[distanceColumn])' is not a number")
            }
            result[fields[nameColumn].uppercased()] = value
        }
        return result
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }
}
