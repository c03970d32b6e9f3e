import Foundation
import XCTest
import MealCore
@testable import MealPlanner

/// Plans depend on the input, the seed and the parameters only, not on how busy the machine is:
/// the search ends on a work budget, and the wall-clock limit is only a guard against runaway.
final class LoadIndependenceTests: XCTestCase {
    func testSamePlanOnAnIdleAndABusyMachine() throws {
        // Few canteens for many diners, so every canteen has a day of real rounds to search.
        let district = DistrictGenerator(.init(seed: 13, diners: 600, canteens: 2)).generate()
        let planner = DayPlanner(canteens: district.canteens, couriers: district.couriers, diners: district.diners,
                                 settings: DayPlanner.Settings(seed: 5, createdBy: "test"))
        let day = try ServiceDay(date: "2026-11-25")
        let idle = try planner.plan(day: day).plan
        let deliveries = Dictionary(grouping: idle.assignments.filter { $0.mode == .delivery }, by: \.canteenID)
        XCTAssertGreaterThanOrEqual(deliveries.count, 2, "several canteens deliver: \(deliveries.mapValues(\.count))")
        for (canteen, meals) in deliveries {
            XCTAssertGreaterThanOrEqual(meals.count, 40, "\(canteen) has a large enough day")
        }
        XCTAssertEqual(idle.searchCutShort, [], "the time guard did not decide where a search stopped")

        let busy = try BusyThreads.whileRunning(count: 2) { try planner.plan(day: day).plan }
        XCTAssertEqual(busy.assignments, idle.assignments)
        XCTAssertEqual(busy.rounds, idle.rounds)
    }
}

/// Threads that keep the CPU busy while a piece of work runs.
final class BusyThreads: @unchecked Sendable {
    private let lock = NSLock()
    private var running = true

    private var isRunning: Bool { lock.withLock { running } }

    static func whileRunning<T>(count: Int, _ work: () throws -> T) rethrows -> T {
        let busy = BusyThreads()
        let finished = DispatchGroup()
        for _ in 0..<count {
            finished.enter()
            Thread {
                var x: UInt64 = 1
                while busy.isRunning {
                    for _ in 0..<100_000 { x = x &* 6_364_136_223_846_793_005 &+ 1 }
                }
                if x == 0 { print("unreachable") }
                finished.leave()
            }.start()
        }
        defer {
            busy.lock.withLock { busy.running = false }
            finished.wait()
        }
        return try work()
    }
}
