import XCTest
@testable import MealRoads

/// The way a journey takes, for drawing rounds on a map: the same path the router timed.
final class RoadPathTests: XCTestCase {
    private typealias Maps = HandMadeNetworks

    private func length(_ points: [RoadPoint]) -> Double {
        zip(points, points.dropFirst()).reduce(0) { $0 + RoadGeometry.haversineMetres($1.0, $1.1) }
    }

    private func assertNear(_ a: RoadPoint, _ b: RoadPoint, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertLessThan(RoadGeometry.haversineMetres(a, b), 0.5, "\(a) is not \(b)", file: file, line: line)
    }

    func testTheWayAcrossTheRiverGoesOverTheBridge() throws {
        let router = try Maps.riverWithOneBridge().roadRouter()
        let found = try XCTUnwrap(router.path(from: Maps.riverHome, to: Maps.riverCanteen, user: .foot, metresPerSecond: 1))
        // Both homes snap onto a node, which the path may list twice (as street point and as node).
        let path = found.enumerated().filter { $0.offset == 0 || RoadGeometry.haversineMetres(found[$0.offset - 1], $0.element) > 0.5 }
            .map(\.element)
        XCTAssertEqual(path.count, 4, "street point, both bridge ends, street point: \(path)")
        assertNear(path[0], HandMadeMap.point(east: 0, north: -20))
        assertNear(path[1], HandMadeMap.point(east: 500, north: -20))
        assertNear(path[2], HandMadeMap.point(east: 500, north: 20))
        assertNear(path[3], HandMadeMap.point(east: 0, north: 20))
        let journey = router.journeys(from: Maps.riverHome, to: [Maps.riverCanteen], user: .foot, metresPerSecond: 1)[0]
        XCTAssertEqual(length(path), try XCTUnwrap(journey.metres) - 260, accuracy: 0.5, "the line drawn is the journey timed, less the access legs")
    }

    func testACarOnAOneWayLoopIsDrawnTheWayRound() throws {
        // With pedestrians kept off, no street of the loop may be taken backwards by anyone.
        for tags in [["highway": "residential", "oneway": "yes"], ["highway": "residential", "oneway": "yes", "foot": "no"]] {
            let router = try Maps.oneWayLoop(tags).roadRouter()
            let path = try XCTUnwrap(router.path(from: Maps.loopOrigin, to: Maps.loopDestination, user: .car, metresPerSecond: 10))
            XCTAssertEqual(path.count, 6, "\(tags): round all four corners: \(path)")
            for (index, corner) in [(300.0, 0.0), (300, 300), (0, 300), (0, 0)].enumerated() {
                assertNear(path[index + 1], HandMadeMap.point(east: corner.0, north: corner.1))
            }
            let journey = router.journeys(from: Maps.loopOrigin, to: [Maps.loopDestination], user: .car, metresPerSecond: 10)[0]
            XCTAssertEqual(length(path), try XCTUnwrap(journey.metres) - 20, accuracy: 0.5)
        }
    }

    func testTwoPlacesOnOneStreetAreJoinedAlongIt() throws {
        let router = try Maps.riverWithOneBridge().roadRouter()
        let home = HandMadeMap.point(east: 100, north: -150), neighbour = HandMadeMap.point(east: 300, north: -150)
        let path = try XCTUnwrap(router.path(from: home, to: neighbour, user: .foot, metresPerSecond: 1))
        XCTAssertEqual(path.count, 2)
        XCTAssertEqual(length(path), 200, accuracy: 0.5)
    }

    func testNoWayGivesNoPath() throws {
        // The bridge is a footway: a car cannot cross the river.
        let router = try Maps.riverWithOneBridge().roadRouter()
        XCTAssertNil(router.path(from: Maps.riverHome, to: Maps.riverCanteen, user: .car, metresPerSecond: 10))
    }
}
