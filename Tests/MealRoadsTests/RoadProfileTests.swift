import XCTest
@testable import MealRoads

final class RoadProfileTests: XCTestCase {
    private func access(_ tags: [String: String]) -> RoadWayAccess? {
        RoadProfiles.standard.access(of: OSMWay(id: 1, nodeIDs: [1, 2], tags: tags.map { OSMTag($0.key, $0.value) }))
    }

    private func users(_ mask: UInt8?) -> Set<RoadUser> {
        Set(RoadUser.allCases.filter { (mask ?? 0) & $0.bit != 0 })
    }

    func testStepsAreForIndependentWalkersOnly() {
        XCTAssertEqual(users(access(["highway": "steps"])?.forward), [.foot])
        XCTAssertEqual(users(access(["highway": "steps", "foot": "designated"])?.forward), [.foot])
    }

    func testWheelchairNoKeepsOnlyWheelchairsOff() {
        XCTAssertEqual(users(access(["highway": "footway", "wheelchair": "no"])?.forward), [.foot, .walker])
    }

    func testMotorwaysAndTrunkRoadsAreForCarsAndMotorwaysAreOneWay() {
        let motorway = access(["highway": "motorway"])
        XCTAssertEqual(users(motorway?.forward), [.car])
        XCTAssertEqual(users(motorway?.backward), [])
        XCTAssertEqual(users(access(["highway": "trunk"])?.forward), [.car])
        XCTAssertEqual(users(access(["highway": "trunk", "foot": "yes"])?.forward), [.foot, .walker, .wheelchair, .car])
    }

    func testFootNoAndPrivateKeepPedestriansOffButFootYesOverridesAccessNo() {
        XCTAssertEqual(users(access(["highway": "residential", "foot": "no"])?.forward), [.cycle, .car])
        XCTAssertNil(access(["highway": "residential", "access": "private"]))
        XCTAssertNil(access(["highway": "residential", "access": "no"]))
        XCTAssertEqual(
            users(access(["highway": "residential", "access": "no", "foot": "yes"])?.forward), [.foot, .walker, .wheelchair])
        XCTAssertEqual(users(access(["highway": "cycleway"])?.forward), [.cycle])
        XCTAssertEqual(users(access(["highway": "cycleway", "foot": "yes"])?.forward), [.foot, .walker, .wheelchair, .cycle])
    }

    func testOnewayRulesPerUser() {
        let oneway = access(["highway": "residential", "oneway": "yes"])
        XCTAssertEqual(users(oneway?.forward), Set(RoadUser.allCases))
        XCTAssertEqual(users(oneway?.backward), [.foot, .walker, .wheelchair])
        let against = access(["highway": "residential", "oneway": "-1"])
        XCTAssertEqual(users(against?.forward), [.foot, .walker, .wheelchair])
        XCTAssertEqual(users(against?.backward), Set(RoadUser.allCases))
        let contraflow = access(["highway": "residential", "oneway": "yes", "oneway:bicycle": "no"])
        XCTAssertEqual(users(contraflow?.backward), [.foot, .walker, .wheelchair, .cycle])
        let roundabout = access(["highway": "tertiary", "junction": "roundabout"])
        XCTAssertEqual(users(roundabout?.backward), [.foot, .walker, .wheelchair])
    }

    func testWaysNobodyMayUseAreDropped() {
        XCTAssertNil(access(["highway": "construction"]))
        XCTAssertNil(access(["waterway": "river"]))
        XCTAssertNil(access(["railway": "rail"]))
    }

    func testMaxspeedValuesAreReadInKilometresPerHour() throws {
        let zones = RoadProfiles.standard.carSpeeds.zoneKmh
        XCTAssertEqual(RoadProfiles.maxspeedKmh("50", zones: zones), 50)
        XCTAssertEqual(RoadProfiles.maxspeedKmh("50 km/h", zones: zones), 50)
        XCTAssertEqual(try XCTUnwrap(RoadProfiles.maxspeedKmh("30 mph", zones: zones)), 48.28032, accuracy: 1e-9)
        XCTAssertEqual(RoadProfiles.maxspeedKmh("CN:urban", zones: zones), 50)
        XCTAssertEqual(RoadProfiles.maxspeedKmh("60;40", zones: zones), 40)
        XCTAssertNil(RoadProfiles.maxspeedKmh("none", zones: zones))
        XCTAssertNil(RoadProfiles.maxspeedKmh("fast", zones: zones))
        XCTAssertEqual(access(["highway": "residential", "maxspeed": "15"])?.carKmh, 15)
        XCTAssertEqual(access(["highway": "living_street"])?.carKmh, 10)
        XCTAssertEqual(access(["highway": "residential", "maxspeed": "signals"])?.carKmh, 25)
    }

    func testProfilesAreDataThatRoundTripsThroughJSON() throws {
        let json = try JSONEncoder().encode(RoadProfiles.standard)
        XCTAssertEqual(try JSONDecoder().decode(RoadProfiles.self, from: json), RoadProfiles.standard)
        let text = String(decoding: json, as: UTF8.self)
        XCTAssertTrue(text.contains("\"oneway:bicycle\""), text)
    }

    func testAChangedProfileChangesTheNetwork() throws {
        var profiles = RoadProfiles.standard
        profiles.foot.highways.removeAll { $0 == "steps" }
        XCTAssertNil(profiles.access(of: OSMWay(id: 1, nodeIDs: [1, 2], tags: [OSMTag("highway", "steps")])))
    }
}
