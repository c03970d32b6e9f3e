import ArgumentParser
import Foundation
import MealCore
import MealPlanner

/// `mealcli bench assignment`: times coverage facts and the exact assignment on a generated
/// district, outside the database, and prints the median of several runs.
struct AssignmentBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assignment",
        abstract: "Time the diner-to-canteen assignment on a generated district (median of several runs).")

    @Option(help: "yuehu, registry or city.")
    var preset: FixturePreset = .yuehu

    @Option(help: "How many timed runs.")
    var runs: Int = 5

    @Option(help: "The date to plan (YYYY-MM-DD).", transform: DateArgument.parse)
    var date: String = "2026-11-25"

    func run() throws {
        try CLIError.reporting {
            let district = DistrictGenerator(preset.configuration).generate()
            let day = try ServiceDay(date: date)
            let reach = ServiceReach(canteens: district.canteens, couriers: district.couriers,
                                     parameters: .standard, day: day)
            var seconds: [Double] = []
            var last: Assignment?
            for _ in 0..<max(1, runs) {
                let started = DispatchTime.now().uptimeNanoseconds
                last = AssignmentSolver(reach: reach).assign(district.diners)
                seconds.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
            }
            let assignment = last!
            let sorted = seconds.sorted()
            let median = sorted[sorted.count / 2]
            var byReason: [String: Int] = [:]
            for entry in assignment.unserved { byReason[entry.reason.rawValue, default: 0] += 1 }
            let kinds = Dictionary(grouping: assignment.placements, by: \.kind).mapValues(\.count)
            print("preset \(preset.rawValue): \(district.canteens.count) canteens, \(district.diners.count) diners, "
                  + "\(assignment.placements.count + assignment.unserved.count) eat on \(date)")
            print("served \(assignment.servedCount) (dine-in \(kinds[.dineIn] ?? 0), pickup \(kinds[.pickup] ?? 0), "
                  + "delivery \(kinds[.delivery] ?? 0)); unserved \(assignment.unserved.count) "
                  + byReason.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            print(String(format: "assignment: median %.1f ms over %d runs (min %.1f, max %.1f); %d cores",
                         median * 1000, sorted.count, sorted.first! * 1000, sorted.last! * 1000,
                         ProcessInfo.processInfo.activeProcessorCount))
        }
    }
}
