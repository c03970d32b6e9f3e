@testable import MealRouting
import XCTest

final class RoutingSolomonTests: XCTestCase {
    static let smallInstance = """
        TINY1

        VEHICLE
        NUMBER     CAPACITY
          3         20

        CUSTOMER
        CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

            0      40         50          0          0       1236          0
            1      45         68         10        912        967         90
            2      45         70         10        825        870         90
            3      42         66         10         65        146         90
            4      42         68         10        727        782         90
            5      42         65         10         15         67         90

        """

    func testParsesSmallInlineInstance() throws {
        let instance = try SolomonInstance.parse(Self.smallInstance.replacingOccurrences(of: "\n", with: "\r\n"), file: "tiny.txt")
        XCTAssertEqual(instance.name, "TINY1")
        XCTAssertEqual(instance.vehicleCount, 3)
        XCTAssertEqual(instance.capacity, 20)
        XCTAssertEqual(instance.customers.count, 6)
        XCTAssertEqual(instance.customers[2], .init(number: 2, x: 45, y: 70, demand: 10, readyTime: 825, dueDate: 870, serviceTime: 90))
        let problem = instance.routingProblem
        XCTAssertEqual(problem.stops.count, 5)
        XCTAssertEqual(problem.vehicleKinds[0].travelTimes[0, 1], (25.0 + 324.0).squareRoot(), accuracy: 1e-12)

        let solution = try RoutingSolver.solve(problem, parameters: SolverParameters(seed: 1, maxIterations: 50))
        RoutingFixtures.assertFeasible(solution, problem)
        XCTAssertEqual(solution.unservedStops, [])
        XCTAssertLessThanOrEqual(solution.usedVehicleCount, 3)
        if let optimum = BruteForce.optimum(problem) {
            XCTAssertEqual(solution.cost.distance.value, optimum.distance, accuracy: 1e-6)
        }
    }

    func testMalformedFileNamesLineAndField() {
        let broken = Self.smallInstance.replacingOccurrences(of: "825        870", with: "825        soon")
        XCTAssertThrowsError(try SolomonInstance.parse(broken, file: "broken.txt")) { error in
            let parseError = error as? SolomonParseError
            XCTAssertEqual(parseError?.file, "broken.txt")
            XCTAssertEqual(parseError?.line, 12)
            XCTAssertEqual(parseError?.field, "DUE DATE")
            XCTAssertTrue(String(describing: error).hasPrefix("broken.txt:12: DUE DATE:"))
        }
        let shortRow = Self.smallInstance.replacingOccurrences(of: "42         68         10        727        782         90", with: "42 68 10")
        XCTAssertThrowsError(try SolomonInstance.parse(shortRow, file: "short.txt")) { error in
            XCTAssertEqual((error as? SolomonParseError)?.field, "READY TIME")
            XCTAssertEqual((error as? SolomonParseError)?.line, 14)
        }
        XCTAssertThrowsError(try SolomonInstance.parse("", file: "empty.txt"))
        XCTAssertThrowsError(try SolomonInstance.load(path: "/nonexistent/file.txt"))
    }
}
