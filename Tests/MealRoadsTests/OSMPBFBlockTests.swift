import Foundation
import XCTest
@testable import MealRoads

/// Blocks as other writers make them: plain (not dense) nodes, a coarser granularity and
/// coordinate offsets, which the reader's own writer never uses.
final class OSMPBFBlockTests: XCTestCase {
    private func read(block: OSMPBF_PrimitiveBlock) throws -> OSMExtract {
        var data = try OSMPBFWriter.frame(type: "OSMHeader", payload: OSMPBFWriter.header(for: OSMExtract()).serializedData())
        data.append(try OSMPBFWriter.frame(type: "OSMData", payload: block.serializedData()))
        var extract = OSMExtract()
        try OSMFileReader.read(data: data, source: "other-writer.osm.pbf", into: &extract)
        return extract
    }

    func testGranularityAndOffsetsPlaceNodesAsTheFormatSays() throws {
        var block = OSMPBF_PrimitiveBlock()
        var strings = OSMPBF_StringTable()
        strings.s = ["", "name", "东门", "highway"].map { Data($0.utf8) }
        block.stringtable = strings
        block.granularity = 1000
        block.latOffset = 500
        block.lonOffset = -700

        var plain = OSMPBF_Node()
        plain.id = 42
        plain.lat = 28_123_456  // 28.123456 degrees at 1000 nanodegrees, plus 500 nanodegrees
        plain.lon = -117_654_321
        plain.keys = [1]
        plain.vals = [2]
        var plainGroup = OSMPBF_PrimitiveGroup()
        plainGroup.nodes = [plain]

        var dense = OSMPBF_DenseNodes()
        dense.id = [50, 2]  // delta coded: 50, 52
        dense.lat = [1_000_000, -2_000_000]  // 1.0005 then -0.9995 degrees
        dense.lon = [0, 1]
        dense.keysVals = [0, 3, 1, 0]  // no tags, then highway=name (strings 3 and 1)
        var denseGroup = OSMPBF_PrimitiveGroup()
        denseGroup.dense = dense

        var way = OSMPBF_Way()
        way.id = 9
        way.refs = [52, -10, 10]  // 52, 42, 52
        way.keys = [3]
        way.vals = [2]
        var wayGroup = OSMPBF_PrimitiveGroup()
        wayGroup.ways = [way]
        block.primitivegroup = [plainGroup, denseGroup, wayGroup]

        let extract = try read(block: block)
        XCTAssertEqual(extract.nodes, [
            OSMNode(id: 42, latitude: 28.1234565, longitude: -117.6543217, tags: [OSMTag("name", "东门")]),
            OSMNode(id: 50, latitude: 1.0000005, longitude: -0.0000007),
            OSMNode(id: 52, latitude: -0.9999995, longitude: 0.0000003, tags: [OSMTag("highway", "name")]),
        ])
        XCTAssertEqual(extract.ways, [OSMWay(id: 9, nodeIDs: [52, 42, 52], tags: [OSMTag("highway", "东门")])])
    }

    func testATagPointingPastTheStringTableIsCorruptNotACrash() throws {
        var block = OSMPBF_PrimitiveBlock()
        var strings = OSMPBF_StringTable()
        strings.s = [Data(), Data("highway".utf8)]
        block.stringtable = strings
        var way = OSMPBF_Way()
        way.id = 1
        way.keys = [1]
        way.vals = [7]
        var group = OSMPBF_PrimitiveGroup()
        group.ways = [way]
        block.primitivegroup = [group]
        XCTAssertThrowsError(try read(block: block)) { error in
            XCTAssertEqual((error as? OSMReadError)?.problem, .inconsistentBlock("a tag refers to string 7 of a table of 2"))
        }
    }

    func testDenseColumnsOfDifferentLengthsAreCorrupt() throws {
        var block = OSMPBF_PrimitiveBlock()
        block.stringtable = OSMPBF_StringTable()
        var dense = OSMPBF_DenseNodes()
        dense.id = [1, 1]
        dense.lat = [0]
        dense.lon = [0, 0]
        var group = OSMPBF_PrimitiveGroup()
        group.dense = dense
        block.primitivegroup = [group]
        XCTAssertThrowsError(try read(block: block)) { error in
            XCTAssertEqual((error as? OSMReadError)?.problem,
                           .inconsistentBlock("dense nodes have 2 ids, 1 latitudes and 2 longitudes"))
        }
    }
}
