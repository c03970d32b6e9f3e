import XCTest
@testable import MealCore
import MealRoads

/// The synthetic city extract the import and network benchmarks read.
final class RoadGeneratorSyntheticTests: XCTestCase {
    func testMillionNodeExtractHasExactlyTheRequestedNodesInOrderAndCityLikeWays() throws {
        var sink = CountingSink()
        try RoadGenerator.syntheticExtract(nodes: 1_000_000, seed: 7, into: &sink)
        XCTAssertEqual(sink.nodes, 1_000_000)
        XCTAssertEqual(sink.lastNodeID, 1_000_000)
        XCTAssertTrue(sink.nodesInOrder)
        XCTAssertFalse(sink.nodeAfterWay, "every node comes before every way")
        XCTAssertLessThanOrEqual(sink.maximumReference, 1_000_000)
        let perWay = Double(sink.wayNodes) / Double(sink.ways)
        XCTAssertTrue((6.0...7.0).contains(perWay), "\(perWay) nodes per way")
        for value in ["primary", "secondary", "tertiary", "residential", "service", "footway", "steps", "track"] {
            XCTAssertTrue(sink.highwayValues.contains(value), "no highway=\(value)")
        }
    }

    func testSyntheticExtractIsDeterministicForAnyNodeCount() throws {
        for count in [2, 3, 10, 1_234, 20_001] {
            var first = OSMExtract(), second = OSMExtract()
            try RoadGenerator.syntheticExtract(nodes: count, seed: 11, into: &first)
            try RoadGenerator.syntheticExtract(nodes: count, seed: 11, into: &second)
            XCTAssertEqual(first, second)
            XCTAssertEqual(first.nodes.count, count)
            let ids = Set(first.nodes.map(\.id))
            XCTAssertTrue(first.ways.allSatisfy { $0.nodeIDs.count >= 2 && $0.nodeIDs.allSatisfy(ids.contains) },
                          "\(count) nodes: ways refer to nodes of the extract")
        }
        var other = OSMExtract(), reference = OSMExtract()
        try RoadGenerator.syntheticExtract(nodes: 1_000, seed: 12, into: &other)
        try RoadGenerator.syntheticExtract(nodes: 1_000, seed: 11, into: &reference)
        XCTAssertNotEqual(other, reference)
    }
}
