import XCTest
import MealRoads
@testable import MealMaps

/// The page's building blocks: escaping, numbers and path data as the page writes them.
final class MarkupTests: XCTestCase {
    func testTextAndAttributeValuesAreEscaped() {
        var out = ""
        Markup.el(.text, [MarkupAttribute(.title, #"a"b'c<d>&e"#)], text: "<script>&amp;").write(into: &out)
        XCTAssertEqual(out, #"<text title="a&quot;b&#39;c&lt;d&gt;&amp;e">&lt;script&gt;&amp;amp;</text>"#)
    }

    func testNumbersKeepOneDecimal() {
        XCTAssertEqual(MapNumber.text(12.34), "12.3")
        XCTAssertEqual(MapNumber.text(-0.06), "-0.1")
        XCTAssertEqual(MapNumber.text(7.0), "7")
        var data = MapPathData()
        data.add([MapPoint(x: 1, y: 2), MapPoint(x: 1.02, y: 2.01), MapPoint(x: 3.55, y: 2), MapPoint(x: 3.5, y: -1)])
        XCTAssertEqual(data.text, "M1 2l2.6 0 -0.1 -3", "relative steps in tenths; a repeated point dropped")
        data.add([MapPoint(x: 0, y: 0), MapPoint(x: 1, y: 0), MapPoint(x: 0, y: 1)], closed: true)
        XCTAssertEqual(data.text, "M1 2l2.6 0 -0.1 -3M0 0l1 0 -1 1z")
    }

    func testStreetsAreJoinedBetweenCrossingsAndSimplified() {
        // A street of five nodes in a straight line, and a side street at node 2.
        let segments = [(0, 1), (1, 2), (2, 3), (3, 4), (2, 5)].map { RoadStreetSegment(from: $0.0, to: $0.1, kind: .street) }
        let lines = StreetLayer.lines(segments, nodeCount: 6)
        XCTAssertEqual(lines.map { Set($0) }.sorted { $0.count > $1.count }, [[0, 1, 2], [2, 3, 4], [2, 5]].map(Set.init))
        let straight = (0..<5).map { MapPoint(x: Double($0), y: 0.01 * Double($0 % 2)) }
        XCTAssertEqual(StreetLayer.simplified(straight, tolerance: 0.25), [straight[0], straight[4]])
    }
}
