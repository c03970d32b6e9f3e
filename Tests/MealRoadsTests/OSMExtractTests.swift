import XCTest
@testable import MealRoads

final class OSMExtractTests: XCTestCase {
    func testAWayAnswersItsTagsByKey() {
        let way = OSMWay(id: 7, nodeIDs: [1, 2], tags: [OSMTag("highway", "footway"), OSMTag("oneway", "yes")])
        XCTAssertEqual(way.tag("oneway"), "yes")
        XCTAssertNil(way.tag("foot"))
    }

    func testAnExtractKeepsElementsInFileOrder() throws {
        var extract = OSMExtract()
        try extract.receive(OSMNode(id: 2, latitude: 28.2, longitude: 117.0))
        try extract.receive(OSMNode(id: 1, latitude: 28.3, longitude: 117.1))
        try extract.receive(OSMWay(id: 9, nodeIDs: [2, 1]))
        XCTAssertEqual(extract.nodes.map(\.id), [2, 1])
        XCTAssertEqual(extract.ways.map(\.id), [9])
    }
}
