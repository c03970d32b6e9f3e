import Foundation
import XCTest
@testable import MealRoads

/// The same small extract written as `.osm.pbf` and as `.osm` XML reads back as the elements
/// written: Chinese names, negative coordinates, tagged nodes, markup characters in tags.
final class OSMRoundTripTests: XCTestCase {
    /// A street corner in Yuehu with a level crossing, plus a node south-west of Greenwich so
    /// negative coordinates are covered.
    static let corner = OSMExtract(
        nodes: [
            OSMNode(id: 101, latitude: 28.2385012, longitude: 117.0349988),
            OSMNode(id: 102, latitude: 28.2391234, longitude: 117.0361, tags: [
                OSMTag("railway", "level_crossing"), OSMTag("name", "信江路道口"),
            ]),
            OSMNode(id: 103, latitude: 28.24, longitude: 117.0370001),
            OSMNode(id: 7, latitude: -33.8688197, longitude: -151.2092955, tags: [OSMTag("note", "a < b & c > \"d\" 'e'\n第二行")]),
        ],
        ways: [
            OSMWay(id: 5001, nodeIDs: [101, 102, 103], tags: [
                OSMTag("highway", "residential"), OSMTag("name", "月湖东路"), OSMTag("oneway", "yes"),
            ]),
            OSMWay(id: 5002, nodeIDs: [103, 101], tags: [OSMTag("highway", "steps")]),
            OSMWay(id: 5003, nodeIDs: [7, 103]),
        ]
    )

    func testThePBFEncodingReadsBackTheElementsWritten() throws {
        let data = try OSMWriter.pbfData(Self.corner)
        var read = OSMExtract()
        try OSMFileReader.read(data: data, source: "corner.osm.pbf", into: &read)
        assertSameElements(read, Self.corner)
    }

    func testTheXMLEncodingReadsBackTheElementsWritten() throws {
        let data = OSMWriter.xmlData(Self.corner)
        var read = OSMExtract()
        try OSMFileReader.read(data: data, source: "corner.osm", into: &read)
        assertSameElements(read, Self.corner)
    }

    /// The network built from either file must be the same, so both must give identical Doubles.
    func testBothEncodingsReadBackIdenticalCoordinates() throws {
        var fromPBF = OSMExtract()
        var fromXML = OSMExtract()
        try OSMFileReader.read(data: try OSMWriter.pbfData(Self.corner), source: "corner.osm.pbf", into: &fromPBF)
        try OSMFileReader.read(data: OSMWriter.xmlData(Self.corner), source: "corner.osm", into: &fromXML)
        XCTAssertEqual(fromPBF, fromXML)
    }

    func testTheXMLKeepsChineseTextAndEscapesMarkup() throws {
        let text = String(decoding: OSMWriter.xmlData(Self.corner), as: UTF8.self)
        XCTAssertTrue(text.contains("v=\"信江路道口\""))
        XCTAssertTrue(text.contains("v=\"a &lt; b &amp; c &gt; &quot;d&quot; &apos;e&apos;&#10;第二行\""))
        XCTAssertTrue(text.contains("lat=\"-33.8688197\" lon=\"-151.2092955\""))
    }

    func testFilesOnDiskAreRecognisedByContentNotByName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("osm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Deliberately misleading names: the reader must look at the bytes.
        let pbf = folder.appendingPathComponent("roads.osm")
        let xml = folder.appendingPathComponent("roads.osm.pbf")
        try OSMWriter.pbfData(Self.corner).write(to: pbf)
        try OSMWriter.xmlData(Self.corner).write(to: xml)
        XCTAssertEqual(try OSMFileReader.format(of: Data(contentsOf: pbf), file: "roads.osm"), .pbf)
        XCTAssertEqual(try OSMFileReader.format(of: Data(contentsOf: xml), file: "roads.osm.pbf"), .xml)

        var fromPBF = OSMExtract()
        var fromXML = OSMExtract()
        try OSMFileReader.read(contentsOf: pbf, into: &fromPBF)
        try OSMFileReader.read(contentsOf: xml, into: &fromXML)
        assertSameElements(fromPBF, Self.corner)
        XCTAssertEqual(fromPBF, fromXML)
    }

    func testAHandWrittenXMLFileWithRelationsAndDeletedElementsReadsTheMapElements() throws {
        let text = """
            <?xml version='1.0' encoding='UTF-8'?>
            <osm version="0.6" generator="JOSM">
              <bounds minlat="28.2" minlon="117.0" maxlat="28.3" maxlon="117.1"/>
              <node id="-1" lat="28.25" lon="117.05"><tag k="barrier" v="gate"/></node>
              <node id="-2" lat="28.26" lon="117.06"/>
              <node id="-3" action="delete" lat="28.27" lon="117.07"/>
              <way id="-10"><nd ref="-1"/><nd ref="-2"/><tag k="highway" v="footway"/></way>
              <relation id="-20"><member type="way" ref="-10" role="outer"/><tag k="type" v="multipolygon"/></relation>
            </osm>
            """
        var read = OSMExtract()
        try OSMFileReader.read(data: Data(text.utf8), source: "josm.osm", into: &read)
        XCTAssertEqual(read, OSMExtract(
            nodes: [
                OSMNode(id: -1, latitude: 28.25, longitude: 117.05, tags: [OSMTag("barrier", "gate")]),
                OSMNode(id: -2, latitude: 28.26, longitude: 117.06),
            ],
            ways: [OSMWay(id: -10, nodeIDs: [-1, -2], tags: [OSMTag("highway", "footway")])]
        ))
    }

    /// 20,000 nodes and 9,000 ways span several blocks; delta coding restarts in each block.
    func testAnExtractOfSeveralBlocksReadsBackWhole() throws {
        var extract = OSMExtract()
        for index in 0..<20_000 {
            let tags = index % 1000 == 0 ? [OSMTag("name", "第\(index)号")] : []
            extract.nodes.append(OSMNode(
                id: Int64(index * 3 + 1), latitude: 28 + Double(index) * 1e-5, longitude: 117 - Double(index) * 2e-5, tags: tags))
        }
        for index in 0..<9_000 {
            let first = Int64(index * 6 + 1)
            extract.ways.append(OSMWay(id: Int64(index + 1), nodeIDs: [first, first + 3], tags: [OSMTag("highway", "path")]))
        }
        let data = try OSMWriter.pbfData(extract)
        XCTAssertEqual(try blobTypes(in: data), ["OSMHeader"] + Array(repeating: "OSMData", count: 3 + 2))

        var read = OSMExtract()
        try OSMFileReader.read(data: data, source: "many.osm.pbf", into: &read)
        assertSameElements(read, extract)
    }

    // MARK: - Helpers

    private func blobTypes(in data: Data) throws -> [String] {
        var reader = try OSMPBFBlobReader(source: OSMDataByteSource(data), file: "many.osm.pbf")
        var types: [String] = []
        while let blob = try reader.next() { types.append(blob.type) }
        return types
    }

    /// Same ids, tags and way refs; coordinates within the PBF granularity (100 nanodegrees).
    private func assertSameElements(_ read: OSMExtract, _ written: OSMExtract, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(read.ways, written.ways, file: file, line: line)
        XCTAssertEqual(read.nodes.map(\.id), written.nodes.map(\.id), file: file, line: line)
        XCTAssertEqual(read.nodes.map(\.tags), written.nodes.map(\.tags), file: file, line: line)
        for (got, expected) in zip(read.nodes, written.nodes) {
            XCTAssertEqual(got.latitude, expected.latitude, accuracy: 1e-7, "node \(got.id)", file: file, line: line)
            XCTAssertEqual(got.longitude, expected.longitude, accuracy: 1e-7, "node \(got.id)", file: file, line: line)
        }
    }
}
