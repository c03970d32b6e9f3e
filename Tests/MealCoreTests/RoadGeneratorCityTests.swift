import XCTest
@testable import MealCore
import MealRoads

/// The city preset's roads: ten districts' worth, held to the same rules as Yuehu's.
final class RoadGeneratorCityTests: XCTestCase {
    func testCityRoadsAreLargerAndKeepTheDistrictRules() {
        let extract = RoadGenerator(.city).generate()
        let yuehuNodes = RoadGenerator(.yuehu).generate().nodes.count
        XCTAssertTrue((5 * yuehuNodes...15 * yuehuNodes).contains(extract.nodes.count),
                      "\(extract.nodes.count) nodes for ten districts, \(yuehuNodes) for one")
        XCTAssertTrue(zip(extract.nodes, extract.nodes.dropFirst()).allSatisfy { $0.id < $1.id })
        let ids = Set(extract.nodes.map(\.id))
        XCTAssertTrue(extract.ways.allSatisfy { $0.nodeIDs.count >= 2 && $0.nodeIDs.allSatisfy(ids.contains) })
        XCTAssertEqual(extract.nodes.filter { $0.tags.contains(OSMTag("railway", "level_crossing")) }.count, 2)

        let geometry = ExtractGeometry(extract)
        let river = SegmentBuckets(geometry.segments { $0.tag("waterway") == "river" })
        let offBridge = geometry.segments { $0.tag("highway") != nil && $0.tag("bridge") == nil }.filter { segment in
            river.near(segment.a, segment.b).contains { ExtractGeometry.properlyCross(segment, $0) }
        }
        XCTAssertEqual(offBridge.map { extract.ways[$0.way].id }, [], "streets crossing the river off a bridge")

        let walkable = SegmentBuckets(geometry.segments(where: ExtractGeometry.walkable))
        for canteen in DistrictGenerator(.city).generate().canteens {
            let distance = walkable.nearestDistance(to: ExtractGeometry.project(canteen.location), limit: 60)
            XCTAssertLessThanOrEqual(distance, 50, "\(canteen.id.rawValue) \(canteen.name)")
        }
    }
}
