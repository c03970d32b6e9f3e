import XCTest
@testable import MealRoads

final class RoadReachTests: XCTestCase {
    private func assertPoint(_ point: RoadPoint, east: Double, north: Double, file: StaticString = #filePath, line: UInt = #line) {
        let expected = HandMadeMap.point(east: east, north: north)
        XCTAssertLessThan(RoadGeometry.haversineMetres(point, expected), 0.05, "\(point)", file: file, line: line)
    }

    func testReachedSegmentsCarryTheTimeAtEachEndAndStopAtTheLimit() throws {
        let router = try HandMadeNetworks.footwayLine().roadRouter()
        let reach = router.reach(from: HandMadeMap.point(east: 0, north: 0), user: .foot, metresPerSecond: 1, limitSeconds: 150)
        XCTAssertNil(reach.reason)
        XCTAssertEqual(reach.segments.count, 2, "\(reach.segments)")
        let first = reach.segments[0], second = reach.segments[1]
        assertPoint(first.from, east: 0, north: 0)
        assertPoint(first.to, east: 100, north: 0)
        XCTAssertEqual([first.fromSeconds, first.toSeconds], [0, 100])
        assertPoint(second.from, east: 100, north: 0)
        assertPoint(second.to, east: 150, north: 0)  // where the 150 s run out
        XCTAssertEqual([second.fromSeconds, second.toSeconds], [100, 150])
    }

    func testAnOriginInsideASegmentReachesBothWays() throws {
        let router = try HandMadeNetworks.footwayLine().roadRouter()
        let reach = router.reach(from: HandMadeMap.point(east: 150, north: 10), user: .foot, metresPerSecond: 1, limitSeconds: 40)
        XCTAssertEqual(reach.origin?.centimetres ?? 0, 1000, accuracy: 2)
        XCTAssertEqual(reach.segments.count, 2, "\(reach.segments)")
        for segment in reach.segments {
            assertPoint(segment.from, east: 150, north: 0)
            XCTAssertEqual([segment.fromSeconds, segment.toSeconds], [10, 40])
        }
        assertPoint(reach.segments[0].to, east: 180, north: 0)
        assertPoint(reach.segments[1].to, east: 120, north: 0)
    }

    func testACyclistsReachStopsAtAOneWayStreetAgainstTheTraffic() throws {
        let map = HandMadeNetworks.footwayLine(
            firstTags: ["highway": "cycleway"], lastTags: ["highway": "residential", "oneway": "-1"])
        let router = try map.roadRouter()
        let reach = router.reach(from: HandMadeMap.point(east: 0, north: 0), user: .cycle, metresPerSecond: 3.5, limitSeconds: 200)
        XCTAssertEqual(reach.segments.map { [$0.fromSeconds, $0.toSeconds] }, [[0, 29], [29, 57]])  // 100 m, 200 m at 3.5 m/s
        let walk = router.reach(from: HandMadeMap.point(east: 0, north: 0), user: .foot, metresPerSecond: 1, limitSeconds: 400)
        // A pedestrian may not use the cycleway: the origin is snapped 200 m east onto the street.
        XCTAssertEqual(walk.origin?.centimetres ?? 0, 20_000, accuracy: 2)
        XCTAssertEqual(walk.segments.map { [$0.fromSeconds, $0.toSeconds] }, [[200, 300]])
    }

    func testEveryReachedNodeTakesTheSameTimeAsAJourneyThere() throws {
        let router = try HandMadeNetworks.riverWithOneBridge().roadRouter()
        let reach = router.reach(from: HandMadeNetworks.riverHome, user: .walker, metresPerSecond: 0.7, limitSeconds: 15 * 60)
        XCTAssertFalse(reach.segments.isEmpty)
        for segment in reach.segments {
            for (point, seconds) in [(segment.from, segment.fromSeconds), (segment.to, segment.toSeconds)] where seconds < 15 * 60 {
                let journey = router.journeys(from: HandMadeNetworks.riverHome, to: [point], user: .walker, metresPerSecond: 0.7)
                XCTAssertEqual(journey[0].seconds, seconds, "\(point)")
            }
        }
    }

    func testAnOriginOffTheNetworkSaysSo() throws {
        let router = try HandMadeNetworks.riverWithOneBridge().roadRouter()
        let reach = router.reach(from: HandMadeMap.point(east: 0, north: 900), user: .wheelchair, metresPerSecond: 0.8, limitSeconds: 900)
        XCTAssertEqual(reach.segments, [])
        XCTAssertEqual(reach.reason, .originNotNearRoad(user: .wheelchair, limitMetres: 300))
        XCTAssertEqual(reach.reason?.description, "the origin has no way usable in a wheelchair within 300 m")
    }
}
