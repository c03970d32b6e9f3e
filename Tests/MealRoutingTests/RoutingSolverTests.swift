@testable import MealRouting
import XCTest

final class RoutingSolverTests: XCTestCase {
    /// On tiny instances the metaheuristic must reach the proven optimum.
    func testMatchesBruteForceOptimumOnTinyInstances() throws {
        var compared = 0
        for seed in UInt64(1)...10 {
            let stops = 5 + Int(seed % 3)  // 5 to 7 stops
            let problem = RoutingFixtures.randomMealProblem(
                seed: seed, stops: stops, vehicles: seed % 2 == 0 ? 2 : 3, capacity: 5, maxTimeInBox: nil)
            // Random windows occasionally admit no complete plan; those seeds prove nothing here.
            guard let optimum = BruteForce.optimum(problem) else { continue }
            compared += 1
            let solution = try RoutingSolver.solve(problem, parameters: SolverParameters(seed: seed, maxIterations: 150))
            RoutingFixtures.assertFeasible(solution, problem)
            XCTAssertEqual(solution.unservedStops, [])
            XCTAssertEqual(solution.cost.distance.value, optimum.distance, accuracy: 1e-6, "seed \(seed)")
        }
        XCTAssertGreaterThanOrEqual(compared, 6)
    }

    /// Multi-trip brute force: one courier whose box holds only part of the meals.
    func testMatchesBruteForceOptimumWithReloads() throws {
        var compared = 0
        for seed in UInt64(20)...25 {
            let problem = RoutingFixtures.randomMealProblem(
                seed: seed, stops: 6, vehicles: 1, capacity: 5, maxTrips: 3, maxTimeInBox: nil)
            guard let optimum = BruteForce.optimum(problem) else { continue }
            compared += 1
            XCTAssertGreaterThan(optimum.slots.filter { !$0.isEmpty }.count, 1, "seed \(seed) needs reloading")
            let solution = try RoutingSolver.solve(problem, parameters: SolverParameters(seed: seed, maxIterations: 150))
            RoutingFixtures.assertFeasible(solution, problem)
            XCTAssertEqual(solution.unservedStops, [])
            XCTAssertEqual(solution.cost.distance.value, optimum.distance, accuracy: 1e-6, "seed \(seed)")
        }
        XCTAssertGreaterThanOrEqual(compared, 3)
    }

    func testSameSeedGivesSameRoutes() throws {
        let problem = RoutingFixtures.randomMealProblem(seed: 99, stops: 25, vehicles: 4, maxTrips: 2)
        let parameters = SolverParameters(seed: 7, maxIterations: 60)
        let first = try RoutingSolver.solve(problem, parameters: parameters)
        let second = try RoutingSolver.solve(problem, parameters: parameters)
        XCTAssertEqual(first.stopSequences, second.stopSequences)
        XCTAssertEqual(first.cost, second.cost)
        XCTAssertEqual(first.vehicleRoutes, second.vehicleRoutes)
    }

    func testStoppingCriteria() {
        var iterations = IterationLimit(iterations: 3)
        XCTAssertEqual((0..<5).map { _ in iterations.shouldStop(bestObjective: 1) }, [false, false, false, true, true])
        var stale = NoImprovementLimit(iterations: 2)
        XCTAssertEqual([5.0, 4, 4, 4, 4].map { stale.shouldStop(bestObjective: $0) }, [false, false, false, true, true])
        var any = AnyStoppingCriterion([IterationLimit(iterations: 1), NoImprovementLimit(iterations: 10)])
        XCTAssertFalse(any.shouldStop(bestObjective: 1))
        XCTAssertTrue(any.shouldStop(bestObjective: 1))
    }

    func testSeededGeneratorIsReproducible() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
        let first = (0..<5).map { _ in a.next() }
        XCTAssertEqual(first, (0..<5).map { _ in b.next() })
        XCTAssertNotEqual(first, (0..<5).map { _ in c.next() })
        for _ in 0..<1000 { XCTAssertLessThan(a.below(7), 7) }
    }
}
