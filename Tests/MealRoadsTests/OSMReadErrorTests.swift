import Foundation
import XCTest
@testable import MealRoads

/// Bad extracts fail with an error naming the file, where and what, and never crash.
final class OSMReadErrorTests: XCTestCase {
    private static let extract = OSMRoundTripTests.corner

    private func readError(_ data: Data, source: String = "roads.osm.pbf") -> OSMReadError? {
        var sink = OSMExtract()
        do {
            try OSMFileReader.read(data: data, source: source, into: &sink)
            XCTFail("\(source) was read without error")
            return nil
        } catch let error as OSMReadError {
            return error
        } catch {
            XCTFail("not an OSMReadError: \(error)")
            return nil
        }
    }

    /// A valid header blob followed by `blobs`.
    private func file(withDataBlobs blobs: [Data]) throws -> Data {
        var data = try OSMPBFWriter.frame(type: "OSMHeader", payload: OSMPBFWriter.header(for: Self.extract).serializedData())
        blobs.forEach { data.append($0) }
        return data
    }

    private func nodeBlockPayload() throws -> Data {
        try OSMPBFWriter.denseBlock(Self.extract.nodes[...]).serializedData()
    }

    func testAnEmptyFileIsRefused() {
        let error = readError(Data(), source: "empty.osm.pbf")
        XCTAssertEqual(error, OSMReadError(file: "empty.osm.pbf", location: .file, problem: .emptyFile))
        XCTAssertEqual(error?.errorDescription, "empty.osm.pbf: the file is empty, not an OpenStreetMap extract")
    }

    func testGarbageBytesAreNeitherFormat() {
        let error = readError(Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0xFF]), source: "roads.zip")
        XCTAssertEqual(error?.problem, .notAnOSMExtract(firstBytes: "'PK\\x03\\x04\\x14\\x00\\xFF'"))
        XCTAssertEqual(error?.location, .file)
    }

    func testWellFormedXMLThatIsNotOSMIsRefusedNamingItsRoot() {
        let text = "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\">\n<trk/>\n</gpx>\n"
        let error = readError(Data(text.utf8), source: "track.gpx")
        XCTAssertEqual(error, OSMReadError(file: "track.gpx", location: .xmlLine(2), problem: .notOSMXML(rootElement: "gpx")))
        XCTAssertEqual(error?.errorDescription, "track.gpx:2: an XML file but not OpenStreetMap: its root element is <gpx>, not <osm>")
    }

    func testAnXMLSyntaxErrorNamesItsLine() {
        let text = "<osm version=\"0.6\">\n<node id=\"1\" lat=\"28.2\" lon=\"117.0\"/>\n<way id=\"2\">\n</osm>\n"
        let error = readError(Data(text.utf8), source: "broken.osm")
        guard case .xmlSyntax = error?.problem else {
            return XCTFail("expected an XML syntax error, got \(String(describing: error))")
        }
        XCTAssertEqual(error?.location, .xmlLine(4))
        XCTAssertEqual(error?.errorDescription, "broken.osm:4: not well-formed XML: an end tag that does not match its start tag (code 76)")
    }

    /// libxml2 would recover and report the way; nothing after the first error reaches the sink.
    func testAnXMLFileCutShortIsRefusedAndStopsAtTheError() {
        let text = "<osm version=\"0.6\">\n<node id=\"1\" lat=\"28.2\" lon=\"117.0\"/>\n<way id=\"2\"><nd ref=\"1\"/>\n"
        var sink = OSMExtract()
        XCTAssertThrowsError(try OSMFileReader.read(data: Data(text.utf8), source: "cut.osm", into: &sink)) { error in
            guard case .xmlSyntax = (error as? OSMReadError)?.problem else {
                return XCTFail("expected an XML syntax error, got \(error)")
            }
        }
        XCTAssertEqual(sink.ways, [])
    }

    func testAnXMLNodeWithoutACoordinateNamesTheAttribute() {
        let text = "<osm version=\"0.6\">\n<node id=\"1\" lat=\"28.2\" lon=\"east\"/>\n</osm>\n"
        let error = readError(Data(text.utf8), source: "bad.osm")
        XCTAssertEqual(error, OSMReadError(file: "bad.osm", location: .xmlLine(2),
                                           problem: .badXMLAttribute(element: "node", attribute: "lon", value: "east")))
    }

    func testAPBFCutInTheMiddleOfABlobIsTruncated() throws {
        let data = try OSMWriter.pbfData(Self.extract)
        let headerBlobLength = try OSMPBFWriter.frame(
            type: "OSMHeader", payload: OSMPBFWriter.header(for: Self.extract).serializedData()).count
        let cut = data.prefix(headerBlobLength + 40)
        let error = readError(cut)
        XCTAssertEqual(error?.location, .pbfBlob(number: 2, byteOffset: headerBlobLength))
        guard case .truncated(part: "'OSMData' blob", expected: _, found: _) = error?.problem else {
            return XCTFail("expected a truncated blob, got \(String(describing: error))")
        }
        XCTAssertTrue(error?.errorDescription?.hasPrefix("roads.osm.pbf: blob 2 at byte \(headerBlobLength): the file is truncated") ?? false)
    }

    func testAFlippedByteInTheZlibStreamIsCorrupt() throws {
        let payload = try nodeBlockPayload()
        var blob = try OSMPBFWriter.blob(payload, compression: .zlib)
        var compressed = [UInt8](blob.zlibData)
        compressed[compressed.count / 2] ^= 0xFF
        blob.zlibData = Data(compressed)
        let error = readError(try file(withDataBlobs: [OSMPBFWriter.frame(type: "OSMData", blob: blob.serializedData())]))
        XCTAssertEqual(error?.problem, .corruptCompressedData)
        guard case .pbfBlob(number: 2, byteOffset: _) = error?.location else {
            return XCTFail("expected blob 2, got \(String(describing: error))")
        }
    }

    func testAZlibStreamCutShortIsCorrupt() throws {
        var blob = try OSMPBFWriter.blob(try nodeBlockPayload(), compression: .zlib)
        blob.zlibData = blob.zlibData.prefix(blob.zlibData.count - 6)
        let error = readError(try file(withDataBlobs: [OSMPBFWriter.frame(type: "OSMData", blob: blob.serializedData())]))
        XCTAssertEqual(error?.problem, .corruptCompressedData)
    }

    func testAWrongRawSizeIsRefused() throws {
        let payload = try nodeBlockPayload()
        for declared in [payload.count - 1, payload.count + 1] {
            var blob = try OSMPBFWriter.blob(payload, compression: .zlib)
            blob.rawSize = Int32(declared)
            let error = readError(try file(withDataBlobs: [OSMPBFWriter.frame(type: "OSMData", blob: blob.serializedData())]))
            guard case .uncompressedSizeMismatch(declared: declared, actual: _) = error?.problem else {
                return XCTFail("expected a size mismatch for \(declared), got \(String(describing: error))")
            }
        }
    }

    func testABlobHeaderOverTheFormatsLimitIsRefusedBeforeReadingIt() throws {
        let oversized = Data([0x00, 0x01, 0x00, 0x01]) + Data(repeating: 0x0A, count: 100)
        let error = readError(try file(withDataBlobs: [oversized]))
        XCTAssertEqual(error?.problem, .blobHeaderTooLarge(bytes: 65_537))
    }

    func testABlobOverTheFormatsLimitIsRefusedBeforeReadingIt() throws {
        var header = OSMPBF_BlobHeader()
        header.type = "OSMData"
        header.datasize = 40_000_000
        let headerBytes: Data = try header.serializedData()
        let framed = Data([0, 0, 0, UInt8(headerBytes.count)]) + headerBytes + Data(repeating: 0, count: 10)
        let error = readError(try file(withDataBlobs: [framed]))
        XCTAssertEqual(error?.problem, .blobTooLarge(bytes: 40_000_000))
    }

    func testBlobsInACompressionTheReaderLacksAreNamed() throws {
        var zstd = OSMPBF_Blob()
        zstd.zstdData = Data([0x28, 0xB5, 0x2F, 0xFD])
        zstd.rawSize = 100
        var lzma = OSMPBF_Blob()
        lzma.lzmaData = Data([0x5D, 0x00, 0x00])
        lzma.rawSize = 100
        for (blob, name) in [(zstd, "zstd"), (lzma, "lzma")] {
            let error = readError(try file(withDataBlobs: [OSMPBFWriter.frame(type: "OSMData", blob: blob.serializedData())]))
            XCTAssertEqual(error?.problem, .unsupportedCompression(name))
        }
    }

    func testUncompressedBlobsAreRead() throws {
        let data = try file(withDataBlobs: [OSMPBFWriter.frame(type: "OSMData", payload: nodeBlockPayload(), compression: .raw)])
        var read = OSMExtract()
        try OSMFileReader.read(data: data, source: "raw.osm.pbf", into: &read)
        XCTAssertEqual(read.nodes.map(\.id), Self.extract.nodes.map(\.id))
    }

    func testARequiredFeatureTheReaderLacksIsRefusedByName() throws {
        var header = OSMPBFWriter.header(for: Self.extract)
        header.requiredFeatures.append("HistoricalInformation")
        let data = try OSMPBFWriter.frame(type: "OSMHeader", payload: header.serializedData())
        let error = readError(data)
        XCTAssertEqual(error, OSMReadError(file: "roads.osm.pbf", location: .pbfBlob(number: 1, byteOffset: 0),
                                           problem: .unsupportedRequiredFeature("HistoricalInformation")))
    }

    func testAFileWithoutAnOSMHeaderBlobIsRefused() throws {
        let data = try OSMPBFWriter.frame(type: "OSMData", payload: nodeBlockPayload())
        XCTAssertEqual(readError(data)?.problem, .firstBlobNotHeader(type: "OSMData"))
    }

    func testADataBlockThatIsNotProtobufIsCorrupt() throws {
        let data = try file(withDataBlobs: [OSMPBFWriter.frame(type: "OSMData", payload: Data(repeating: 0xFF, count: 64))])
        guard case .undecodable(message: "data block", reason: _) = readError(data)?.problem else {
            return XCTFail("expected an undecodable data block")
        }
    }

    func testNodesAfterWaysAreRefusedInBothEncodings() throws {
        var late = Self.extract
        late.ways = []
        var pbf = try OSMWriter.pbfData(Self.extract)
        pbf.append(try OSMPBFWriter.frame(type: "OSMData", payload: OSMPBFWriter.denseBlock(late.nodes[3...]).serializedData()))
        XCTAssertEqual(readError(pbf)?.problem, .nodeAfterWays(nodeID: 7))

        let xml = "<osm version=\"0.6\">\n<way id=\"1\"><nd ref=\"2\"/></way>\n<node id=\"2\" lat=\"1\" lon=\"2\"/>\n</osm>\n"
        XCTAssertEqual(readError(Data(xml.utf8), source: "unsorted.osm")?.problem, .nodeAfterWays(nodeID: 2))
    }

    func testAMissingFileIsUnreadable() {
        var sink = OSMExtract()
        XCTAssertThrowsError(try OSMFileReader.read(contentsOf: URL(fileURLWithPath: "/nonexistent/roads.osm.pbf"), into: &sink)) { error in
            guard case .unreadable = (error as? OSMReadError)?.problem else {
                return XCTFail("expected unreadable, got \(error)")
            }
            XCTAssertEqual((error as? OSMReadError)?.file, "/nonexistent/roads.osm.pbf")
        }
    }
}
