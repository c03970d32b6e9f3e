@testable import MealRouting
import XCTest

/// Every number in a Solomon file has a range (docs/routing.md); a value outside it is refused
/// with the file, line and column instead of trapping in an integer conversion.
final class SolomonRangeTests: XCTestCase {
    private func refusal(_ text: String) -> SolomonParseError? {
        do {
            _ = try SolomonInstance.parse(text, file: "big.txt")
        } catch {
            return error as? SolomonParseError
        }
        XCTFail("the file should have been refused")
        return nil
    }

    private let customerOne = "1      45         68         10        912        967         90"

    func testHugeDemandIsRefusedWithLineAndColumn() {
        let text = RoutingSolomonTests.smallInstance.replacingOccurrences(
            of: customerOne, with: "1      45         68         1e300        912        967         90")
        let error = refusal(text)
        XCTAssertEqual(error?.line, 11)
        XCTAssertEqual(error?.field, "DEMAND")
        XCTAssertEqual(error?.description, "big.txt:11: DEMAND: must be a whole number from 0 to 1000000 (got '1e300')")
    }

    func testEveryColumnHasARange() {
        let rows: [(String, String)] = [
            ("1      1e300      68         10        912        967         90", "XCOORD."),
            ("1      45         -1e300     10        912        967         90", "YCOORD."),
            ("1      45         68         10        -5         967         90", "READY TIME"),
            ("1      45         68         10        912        1e300       90", "DUE DATE"),
            ("1      45         68         10        912        967         1e300", "SERVICE TIME"),
            ("1      45         68         9223372036854775807  912  967  90", "DEMAND"),
        ]
        for (row, column) in rows {
            let error = refusal(RoutingSolomonTests.smallInstance.replacingOccurrences(of: customerOne, with: row))
            XCTAssertEqual(error?.field, column, row)
            XCTAssertEqual(error?.line, 11, row)
        }
        let fleet = refusal(RoutingSolomonTests.smallInstance.replacingOccurrences(of: "  3         20", with: "  99999999999 20"))
        XCTAssertEqual(fleet?.field, "NUMBER")
        XCTAssertEqual(fleet?.line, 5)
        let box = refusal(RoutingSolomonTests.smallInstance.replacingOccurrences(of: "  3         20", with: "  3  9223372036854775807"))
        XCTAssertEqual(box?.field, "CAPACITY")
    }

    /// The largest values the ranges allow still solve (infeasible or not) without trapping.
    func testValuesAtTheEdgesSolve() throws {
        let text = RoutingSolomonTests.smallInstance
            .replacingOccurrences(of: "  3         20", with: "  3  1000000")
            .replacingOccurrences(of: customerOne, with: "1  1000000  -1000000  1000000  0  10000000  1000000")
        let instance = try SolomonInstance.parse(text, file: "edge.txt")
        let solution = try RoutingSolver.solve(instance.routingProblem, parameters: SolverParameters(seed: 1, maxIterations: 50))
        XCTAssertEqual(solution.vehicleRoutes.count, 3)
    }
}
