import XCTest
@testable import MealRoads

/// Shortest journeys on hand-made maps whose answers are worked out in `HandMadeNetworks`.
final class RoadRouterTests: XCTestCase {
    private typealias Maps = HandMadeNetworks

    private func journey(
        _ extract: OSMExtract, _ from: RoadPoint, _ to: RoadPoint, _ user: RoadUser, _ speed: Double,
        limit: Int? = nil
    ) throws -> RoadJourney {
        let router = try extract.roadRouter()
        return try XCTUnwrap(router.journeys(from: from, to: [to], user: user, metresPerSecond: speed, limitSeconds: limit).first)
    }

    func testAHomeAcrossTheRiverGoesRoundByTheBridge() throws {
        XCTAssertEqual(RoadGeometry.haversineMetres(Maps.riverHome, Maps.riverCanteen), 300, accuracy: 0.01)
        let walk = try journey(Maps.riverWithOneBridge(), Maps.riverHome, Maps.riverCanteen, .foot, 1.0)
        guard case .reached(let seconds, let metres, let snapFrom, let snapTo) = walk else { return XCTFail("\(walk)") }
        XCTAssertEqual(metres, 1300, accuracy: 0.1)
        XCTAssertEqual(seconds, 1300)
        XCTAssertEqual(snapFrom, 130, accuracy: 0.02)
        XCTAssertEqual(snapTo, 130, accuracy: 0.02)
        let walker = try journey(Maps.riverWithOneBridge(), Maps.riverHome, Maps.riverCanteen, .walker, 0.7)
        XCTAssertEqual(walker.seconds, 1857)  // 1300 m / 0.7 m/s = 1857.1 s
    }

    func testBothEndsOnOneStreetSegmentGoStraightAlongIt() throws {
        let home = HandMadeMap.point(east: 100, north: -150), neighbour = HandMadeMap.point(east: 300, north: -150)
        let walk = try journey(Maps.riverWithOneBridge(), home, neighbour, .foot, 1.0)
        XCTAssertEqual(try XCTUnwrap(walk.metres), 460, accuracy: 0.1)  // 130 + 200 + 130
        XCTAssertEqual(walk.seconds, 460)
    }

    func testStepsStopWalkersAndWheelchairsButNotIndependentWalkers() throws {
        let map = Maps.stairAndRamp()
        let foot = try journey(map, Maps.stairBottom, Maps.stairTop, .foot, 1.0)
        XCTAssertEqual(try XCTUnwrap(foot.metres), 120, accuracy: 0.1)  // 10 + 100 (stair) + 10
        XCTAssertEqual(foot.seconds, 120)
        let wheelchair = try journey(map, Maps.stairBottom, Maps.stairTop, .wheelchair, 0.8)
        XCTAssertEqual(try XCTUnwrap(wheelchair.metres), 520, accuracy: 0.1)  // 10 + 500 round + 10
        XCTAssertEqual(wheelchair.seconds, 650)
        let walker = try journey(map, Maps.stairBottom, Maps.stairTop, .walker, 0.7)
        XCTAssertEqual(walker.seconds, 743)  // 520 / 0.7 = 742.9
    }

    func testWheelchairNoKeepsOnlyTheWheelchairRound() throws {
        let map = Maps.stairAndRamp(stair: ["highway": "footway", "wheelchair": "no"])
        XCTAssertEqual(try journey(map, Maps.stairBottom, Maps.stairTop, .walker, 0.7).seconds, 171)  // 120 / 0.7
        XCTAssertEqual(try journey(map, Maps.stairBottom, Maps.stairTop, .wheelchair, 0.8).seconds, 650)
    }

    func testAOneWayLoopSendsVehiclesRoundAndPedestriansStraight() throws {
        let loop = Maps.oneWayLoop()
        let car = try journey(loop, Maps.loopOrigin, Maps.loopDestination, .car, 6.5)
        XCTAssertEqual(try XCTUnwrap(car.metres), 1120, accuracy: 0.1)  // 10 + 100 + 3 × 300 + 100 + 10
        XCTAssertEqual(car.seconds, 172)  // 1120 / 6.5 = 172.3
        XCTAssertEqual(try journey(loop, Maps.loopOrigin, Maps.loopDestination, .cycle, 3.5).seconds, 320)
        let walk = try journey(loop, Maps.loopOrigin, Maps.loopDestination, .foot, 1.0)
        XCTAssertEqual(try XCTUnwrap(walk.metres), 120, accuracy: 0.1)
        XCTAssertEqual(walk.seconds, 120)
        // The other way round is with the traffic: straight for everyone.
        XCTAssertEqual(try journey(loop, Maps.loopDestination, Maps.loopOrigin, .car, 6.5).seconds, 18)  // 120 / 6.5
    }

    func testOnewayBicycleNoLetsTheCyclistAgainstTheTraffic() throws {
        let loop = Maps.oneWayLoop(["highway": "residential", "oneway": "yes", "oneway:bicycle": "no"])
        XCTAssertEqual(try journey(loop, Maps.loopOrigin, Maps.loopDestination, .cycle, 3.5).seconds, 34)  // 120 / 3.5
        XCTAssertEqual(try journey(loop, Maps.loopOrigin, Maps.loopDestination, .car, 6.5).seconds, 172)
    }

    func testOnewayMinusOneAndRoundaboutsAreOneWayToo() throws {
        let against = Maps.oneWayLoop(["highway": "residential", "oneway": "-1"], clockwise: true)
        XCTAssertEqual(try journey(against, Maps.loopOrigin, Maps.loopDestination, .car, 6.5).seconds, 172)
        let roundabout = Maps.oneWayLoop(["highway": "residential", "junction": "roundabout"])
        XCTAssertEqual(try journey(roundabout, Maps.loopOrigin, Maps.loopDestination, .car, 6.5).seconds, 172)
        XCTAssertEqual(try journey(roundabout, Maps.loopOrigin, Maps.loopDestination, .foot, 1.0).seconds, 120)
    }

    /// Regression: a place exactly at the first node of a one-way segment was put on that segment
    /// and could only leave along it (and one at its last node could only be reached along it).
    func testAPlaceAtTheEndOfAOneWaySegmentMayUseEveryStreetThere() throws {
        for intoCorner in [false, true] {
            let map = Maps.oneWayFromACorner(intoCorner: intoCorner)
            let out = try journey(map, Maps.corner, Maps.cornerNorth, .car, 6.5)
            XCTAssertEqual(try XCTUnwrap(out.metres, "\(out)"), 100, accuracy: 0.1)
            let back = try journey(map, Maps.cornerNorth, Maps.corner, .car, 6.5)
            XCTAssertEqual(try XCTUnwrap(back.metres, "\(back)"), 100, accuracy: 0.1)
        }
    }

    func testMotorwaysAndTrunkRoadsAreNotWalked() throws {
        let map = Maps.motorwayAndTrunk()
        let walk = try journey(map, Maps.westOfMotorway, Maps.eastOfMotorway, .foot, 1.0)
        XCTAssertEqual(try XCTUnwrap(walk.metres), 1820, accuracy: 0.1)  // 10 + 100 + 300 + 1000 + 300 + 100 + 10
        XCTAssertEqual(walk.seconds, 1820)
        let car = try journey(map, Maps.westOfMotorway, Maps.eastOfMotorway, .car, 6.5)
        XCTAssertEqual(try XCTUnwrap(car.metres), 1020, accuracy: 0.1)
        XCTAssertEqual(car.seconds, 157)  // 1020 / 6.5 = 156.9
        // Motorways are one-way: back west the car takes the trunk road, 10 + 100 + 1000 + 100 + 10.
        let back = try journey(map, Maps.eastOfMotorway, Maps.westOfMotorway, .car, 6.5)
        XCTAssertEqual(try XCTUnwrap(back.metres), 1220, accuracy: 0.1)
        XCTAssertEqual(back.seconds, 188)
        let cycle = try journey(map, Maps.westOfMotorway, Maps.eastOfMotorway, .cycle, 3.5)
        XCTAssertEqual(cycle, .unreached(.noPath(user: .cycle)))
    }

    func testFootNoAndPrivateWaysAreNotWalked() throws {
        let map = Maps.threeWaysAcross(
            straight: ["highway": "residential", "foot": "no"], north: ["highway": "residential", "access": "private"])
        let walk = try journey(map, Maps.westOfThreeWays, Maps.eastOfThreeWays, .foot, 1.0)
        XCTAssertEqual(try XCTUnwrap(walk.metres), 620, accuracy: 0.1)  // by the southern footway
        XCTAssertEqual(try journey(map, Maps.westOfThreeWays, Maps.eastOfThreeWays, .car, 6.5).seconds, 34)  // 220 / 6.5
        let footYes = Maps.threeWaysAcross(
            straight: ["highway": "residential", "access": "no"],
            north: ["highway": "residential", "access": "no", "foot": "yes"])
        XCTAssertEqual(try journey(footYes, Maps.westOfThreeWays, Maps.eastOfThreeWays, .foot, 1.0).seconds, 420)
    }

    func testCarsDriveAtTheRoadSpeedCappedByTheVehicle() throws {
        let start = HandMadeMap.point(east: 0, north: 0), end = HandMadeMap.point(east: 1000, north: 0)
        func drive(_ tags: [String: String]) throws -> Int? {
            try journey(Maps.straightStreet(tags), start, end, .car, 6.5).seconds
        }
        XCTAssertEqual(try drive(["highway": "residential", "maxspeed": "15"]), 240)  // 1000 m at 15 km/h
        XCTAssertEqual(try drive(["highway": "residential", "maxspeed": "50"]), 154)  // capped at 6.5 m/s
        XCTAssertEqual(try drive(["highway": "residential", "maxspeed": "CN:urban"]), 154)
        XCTAssertEqual(try drive(["highway": "living_street"]), 360)  // default 10 km/h
        XCTAssertEqual(try drive(["highway": "residential", "maxspeed": "10 mph"]), 225)  // 16 km/h, whole km/h
    }

    func testAHomeBeyondTheSnapDistanceIsReportedWithAReason() throws {
        let router = try Maps.riverWithOneBridge().roadRouter()
        let farHome = HandMadeMap.point(east: 0, north: -500)  // 480 m from the southern street
        XCTAssertNil(router.snap(farHome, for: .foot))
        let out = router.journeys(from: farHome, to: [Maps.riverCanteen], user: .foot, metresPerSecond: 1)
        XCTAssertEqual(out, [.unreached(.originNotNearRoad(user: .foot, limitMetres: 300))])
        XCTAssertEqual(out[0].reason?.description, "the origin has no way usable on foot within 300 m")
        let into = router.journeys(from: Maps.riverCanteen, to: [farHome, Maps.riverHome], user: .foot, metresPerSecond: 1)
        XCTAssertEqual(into[0], .unreached(.destinationNotNearRoad(user: .foot, limitMetres: 300)))
        XCTAssertEqual(into[1].seconds, 1300)
    }

    func testATimeLimitStopsTheSearch() throws {
        let router = try Maps.riverWithOneBridge().roadRouter()
        let near = HandMadeMap.point(east: 100, north: -150)
        let out = router.journeys(
            from: Maps.riverHome, to: [Maps.riverCanteen, near], user: .foot, metresPerSecond: 1, limitSeconds: 900)
        XCTAssertEqual(out[0], .unreached(.beyondLimit(limitSeconds: 900)))
        XCTAssertEqual(out[0].reason?.description, "more than 900 s away on the streets")
        XCTAssertEqual(out[1].seconds, 360)  // 130 + 100 + 130
    }

    func testSearchesFromSeveralThreadsAgreeWithOneThread() throws {
        let router = try Maps.riverWithOneBridge().roadRouter()
        let places: [RoadPoint] = (0..<40).map { (index: Int) -> RoadPoint in
            let north: Double = index % 2 == 0 ? -60 : 60
            return HandMadeMap.point(east: Double(index * 50 - 1000), north: north)
        }
        let serial = places.map { router.journeys(from: $0, to: places, user: .foot, metresPerSecond: 1) }
        let parallel = ParallelResults(count: places.count)
        DispatchQueue.concurrentPerform(iterations: places.count) { index in
            parallel.set(index, router.journeys(from: places[index], to: places, user: .foot, metresPerSecond: 1))
        }
        XCTAssertEqual(parallel.values, serial)
    }
}

private final class ParallelResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [[RoadJourney]]

    init(count: Int) { results = Array(repeating: [], count: count) }

    func set(_ index: Int, _ value: [RoadJourney]) { lock.withLock { results[index] = value } }
    var values: [[RoadJourney]] { lock.withLock { results } }
}
