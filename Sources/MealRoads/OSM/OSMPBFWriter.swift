import CompressNIO
import Foundation
import NIOCore
import SwiftProtobuf

/// Encodes an extract as `.osm.pbf` blocks and frames blobs; tests use the framing to build
/// damaged and unusual files.
enum OSMPBFWriter {
    /// Elements per block: the size osmium and osmosis write, well under the 32 MiB blob limit.
    static var elementsPerBlock: Int { 8000 }

    enum Compression {
        case zlib
        case raw
    }

    static func encode(_ extract: OSMExtract) throws -> Data {
        var file = Data()
        file.append(try frame(type: "OSMHeader", payload: header(for: extract).serializedData()))
        var start = 0
        while start < extract.nodes.count {
            let end = min(start + elementsPerBlock, extract.nodes.count)
            let block = try denseBlock(extract.nodes[start..<end])
            file.append(try frame(type: "OSMData", payload: try block.serializedData()))
            start = end
        }
        start = 0
        while start < extract.ways.count {
            let end = min(start + elementsPerBlock, extract.ways.count)
            let block = wayBlock(extract.ways[start..<end])
            file.append(try frame(type: "OSMData", payload: try block.serializedData()))
            start = end
        }
        return file
    }

    /// A blob as it lies in the file: 4-byte big-endian header length, `BlobHeader`, `Blob`.
    static func frame(type: String, payload: Data, compression: Compression = .zlib) throws -> Data {
        try frame(type: type, blob: blob(payload, compression: compression).serializedData())
    }

    /// The `Blob` message carrying `payload`.
    static func blob(_ payload: Data, compression: Compression) throws -> OSMPBF_Blob {
        var blob = OSMPBF_Blob()
        switch compression {
        case .raw:
            blob.raw = payload
        case .zlib:
            var input = ByteBuffer(bytes: payload)
            let compressed = try input.compress(with: .zlib)
            blob.zlibData = Data(compressed.readableBytesView)
            blob.rawSize = Int32(payload.count)
        }
        return blob
    }

    /// Frames already serialized `Blob` bytes.
    static func frame(type: String, blob: Data) throws -> Data {
        var header = OSMPBF_BlobHeader()
        header.type = type
        header.datasize = Int32(blob.count)
        let headerBytes: Data = try header.serializedData()
        let length = UInt32(headerBytes.count)
        var framed = Data([UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)])
        framed.append(headerBytes)
        framed.append(blob)
        return framed
    }

    static func header(for extract: OSMExtract) -> OSMPBF_HeaderBlock {
        var header = OSMPBF_HeaderBlock()
        header.requiredFeatures = ["OsmSchema-V0.6", "DenseNodes"]
        header.writingprogram = "MealRoads"
        if !extract.nodes.isEmpty {
            var bbox = OSMPBF_HeaderBBox()
            // The header's box is in nanodegrees, whatever the blocks' granularity.
            bbox.left = (extract.nodes.lazy.map(\.longitude).min().flatMap(OSMWriter.units) ?? 0) * 100
            bbox.right = (extract.nodes.lazy.map(\.longitude).max().flatMap(OSMWriter.units) ?? 0) * 100
            bbox.bottom = (extract.nodes.lazy.map(\.latitude).min().flatMap(OSMWriter.units) ?? 0) * 100
            bbox.top = (extract.nodes.lazy.map(\.latitude).max().flatMap(OSMWriter.units) ?? 0) * 100
            header.bbox = bbox
        }
        return header
    }

    static func denseBlock(_ nodes: ArraySlice<OSMNode>) throws -> OSMPBF_PrimitiveBlock {
        var strings = StringTableBuilder()
        var dense = OSMPBF_DenseNodes()
        dense.id.reserveCapacity(nodes.count)
        dense.lat.reserveCapacity(nodes.count)
        dense.lon.reserveCapacity(nodes.count)
        let tagged = nodes.contains { !$0.tags.isEmpty }
        var previous = (id: Int64(0), lat: Int64(0), lon: Int64(0))
        for node in nodes {
            guard let lat = OSMWriter.units(node.latitude), let lon = OSMWriter.units(node.longitude),
                  abs(node.latitude) <= 90, abs(node.longitude) <= 180 else {
                throw OSMWriteError(nodeID: node.id, reason: "coordinates outside the globe (\(node.latitude), \(node.longitude))")
            }
            dense.id.append(node.id &- previous.id)
            dense.lat.append(lat - previous.lat)
            dense.lon.append(lon - previous.lon)
            previous = (node.id, lat, lon)
            // Once one node of the block has tags, every node ends its (empty) list with a 0.
            if tagged {
                for tag in node.tags {
                    dense.keysVals.append(strings.index(of: tag.key))
                    dense.keysVals.append(strings.index(of: tag.value))
                }
                dense.keysVals.append(0)
            }
        }
        var group = OSMPBF_PrimitiveGroup()
        group.dense = dense
        return block(strings: strings, group: group)
    }

    static func wayBlock(_ ways: ArraySlice<OSMWay>) -> OSMPBF_PrimitiveBlock {
        var strings = StringTableBuilder()
        var group = OSMPBF_PrimitiveGroup()
        group.ways.reserveCapacity(ways.count)
        for way in ways {
            var encoded = OSMPBF_Way()
            encoded.id = way.id
            encoded.keys = way.tags.map { UInt32(strings.index(of: $0.key)) }
            encoded.vals = way.tags.map { UInt32(strings.index(of: $0.value)) }
            var previous: Int64 = 0
            encoded.refs = way.nodeIDs.map { ref in
                defer { previous = ref }
                return ref &- previous
            }
            group.ways.append(encoded)
        }
        return block(strings: strings, group: group)
    }

    private static func block(strings: StringTableBuilder, group: OSMPBF_PrimitiveGroup) -> OSMPBF_PrimitiveBlock {
        var block = OSMPBF_PrimitiveBlock()
        var table = OSMPBF_StringTable()
        table.s = strings.strings.map { Data($0.utf8) }
        block.stringtable = table
        block.primitivegroup = [group]
        block.granularity = 100
        return block
    }
}

/// A block's string table: index 0 is the empty string the format reserves as a delimiter.
struct StringTableBuilder {
    private(set) var strings: [String] = [""]
    private var indexes: [String: Int32] = [:]

    mutating func index(of string: String) -> Int32 {
        if let index = indexes[string] { return index }
        let index = Int32(strings.count)
        strings.append(string)
        indexes[string] = index
        return index
    }
}
