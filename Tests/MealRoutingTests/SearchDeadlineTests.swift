@testable import MealRouting
import XCTest

/// The time limit guards every loop of the search, local search and repair included: a search
/// whose time is up stops working at once, whatever step it is in. Nothing here measures time;
/// the work the search did is counted instead.
final class SearchDeadlineTests: XCTestCase {
    /// Meals allowed a minute in the box: nearly every stop is hopeless, the kind of instance on
    /// which one local search with repair used to run for minutes past the limit.
    let hopeless = RoutingFixtures.randomMealProblem(seed: 7, stops: 60, vehicles: 4, maxTrips: 4, maxTimeInBox: Seconds(60))

    func testASearchWhoseTimeIsUpDoesNoMoreLocalSearch() throws {
        let solution = try RoutingSolver.solve(hopeless, parameters: SolverParameters(seed: 1, timeLimit: 0, maxIterations: 10_000))
        XCTAssertEqual(solution.statistics.localSearchMoves, 0, "no local search after the deadline")
        XCTAssertEqual(solution.statistics.iterations, 0)
        XCTAssertTrue(solution.statistics.reachedTimeLimit)
        XCTAssertTrue(solution.isFeasible, "what is left out makes the rest feasible")
        XCTAssertEqual(FeasibilityChecker.violations(of: solution, for: hopeless), [])
    }

    /// Without the guard firing, the same instance ends on its work budget, and does work.
    func testTheWorkBudgetEndsANormalSearch() throws {
        let solution = try RoutingSolver.solve(hopeless, parameters: SolverParameters(seed: 1, timeLimit: 10_000, maxIterations: 3))
        XCTAssertGreaterThan(solution.statistics.localSearchMoves, 0)
        XCTAssertFalse(solution.statistics.reachedTimeLimit)
        XCTAssertEqual(FeasibilityChecker.violations(of: solution, for: hopeless), [])
    }
}
