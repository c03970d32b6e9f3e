import Foundation
import SwiftProtobuf

/// Reads a whole `.osm.pbf` stream: checks the `OSMHeader` blob, then turns each `OSMData`
/// block into nodes and ways for the sink. Blob types it does not know are skipped, as the
/// format asks.
struct OSMPBFStreamReader<Source: OSMByteSource> {
    /// Features of `required_features` the reader implements; any other is refused by name.
    static var supportedFeatures: Set<String> { ["OsmSchema-V0.6", "DenseNodes"] }

    var blobs: OSMPBFBlobReader<Source>
    private var sawWay = false
    private let options: BinaryDecodingOptions = {
        var options = BinaryDecodingOptions()
        options.discardUnknownFields = true
        return options
    }()

    init(source: Source, file: String) throws {
        blobs = try OSMPBFBlobReader(source: source, file: file)
    }

    mutating func read<Sink: OSMElementSink>(into sink: inout Sink) throws {
        guard let first = try blobs.next() else {
            throw blobs.failure(.emptyFile, at: .file)
        }
        guard first.type == "OSMHeader" else {
            throw blobs.failure(.firstBlobNotHeader(type: first.type), at: first.location)
        }
        try checkHeader(first)
        while let blob = try blobs.next() {
            guard blob.type == "OSMData" else { continue }
            let block: OSMPBF_PrimitiveBlock
            do {
                block = try OSMPBF_PrimitiveBlock(serializedBytes: blob.payload, options: options)
            } catch {
                throw blobs.failure(.undecodable(message: "data block", reason: "\(error)"), at: blob.location)
            }
            var decoder = OSMPBFBlockDecoder(block: block, file: blobs.file, location: blob.location)
            try decoder.emit(into: &sink, sawWay: &sawWay)
        }
    }

    private func checkHeader(_ blob: OSMPBFBlob) throws {
        let header: OSMPBF_HeaderBlock
        do {
            header = try OSMPBF_HeaderBlock(serializedBytes: blob.payload, options: options)
        } catch {
            throw blobs.failure(.undecodable(message: "header block", reason: "\(error)"), at: blob.location)
        }
        if let unsupported = header.requiredFeatures.first(where: { !Self.supportedFeatures.contains($0) }) {
            throw blobs.failure(.unsupportedRequiredFeature(unsupported), at: blob.location)
        }
    }
}

/// Turns one `PrimitiveBlock` into elements: coordinates from the block's granularity and
/// offsets, delta-coded ids, coordinates and way refs, tags from the block's string table.
struct OSMPBFBlockDecoder {
    let block: OSMPBF_PrimitiveBlock
    let file: String
    let location: OSMReadError.Location
    /// The block's strings, decoded once: every tag of the block shares these `String`s.
    let strings: [String]

    init(block: OSMPBF_PrimitiveBlock, file: String, location: OSMReadError.Location) {
        self.block = block
        self.file = file
        self.location = location
        self.strings = block.stringtable.s.map { String(decoding: $0, as: UTF8.self) }
    }

    mutating func emit<Sink: OSMElementSink>(into sink: inout Sink, sawWay: inout Bool) throws {
        for group in block.primitivegroup {
            if !group.nodes.isEmpty || group.hasDense, sawWay {
                let id = group.nodes.first?.id ?? group.dense.id.first ?? 0
                throw failure(.nodeAfterWays(nodeID: id))
            }
            for node in group.nodes {
                let tags = try tags(keys: node.keys, values: node.vals)
                try sink.receive(try makeNode(id: node.id, lat: node.lat, lon: node.lon, tags: tags))
            }
            if group.hasDense {
                try emitDense(group.dense, into: &sink)
            }
            for way in group.ways {
                sawWay = true
                var nodeIDs = [Int64]()
                nodeIDs.reserveCapacity(way.refs.count)
                var ref: Int64 = 0
                for delta in way.refs {
                    ref &+= delta
                    nodeIDs.append(ref)
                }
                let tags = try tags(keys: way.keys, values: way.vals)
                try sink.receive(OSMWay(id: way.id, nodeIDs: nodeIDs, tags: tags))
            }
        }
    }

    private func emitDense<Sink: OSMElementSink>(_ dense: OSMPBF_DenseNodes, into sink: inout Sink) throws {
        let count = dense.id.count
        guard dense.lat.count == count, dense.lon.count == count else {
            throw failure(.inconsistentBlock(
                "dense nodes have \(count) ids, \(dense.lat.count) latitudes and \(dense.lon.count) longitudes"))
        }
        let keysVals = dense.keysVals
        var cursor = 0
        var id: Int64 = 0, lat: Int64 = 0, lon: Int64 = 0
        for index in 0..<count {
            id &+= dense.id[index]
            lat &+= dense.lat[index]
            lon &+= dense.lon[index]
            var tags: [OSMTag] = []
            // `keys_vals` is empty when no node of the block has tags; otherwise each node's
            // pairs end with a 0.
            if !keysVals.isEmpty {
                while true {
                    guard cursor < keysVals.count else {
                        throw failure(.inconsistentBlock("dense node \(id): its tags run past the end of keys_vals"))
                    }
                    let key = Int(keysVals[cursor])
                    if key == 0 {
                        cursor += 1
                        break
                    }
                    guard cursor + 1 < keysVals.count else {
                        throw failure(.inconsistentBlock("dense node \(id): a tag key without a value"))
                    }
                    let value = Int(keysVals[cursor + 1])
                    cursor += 2
                    tags.append(OSMTag(try string(key), try string(value)))
                }
            }
            try sink.receive(try makeNode(id: id, lat: lat, lon: lon, tags: tags))
        }
    }

    private func makeNode(id: Int64, lat: Int64, lon: Int64, tags: [OSMTag]) throws -> OSMNode {
        let granularity = Int64(block.granularity)
        // Divide the exact integer of nanodegrees by 1e9 (one correctly rounded operation): the
        // same Double that parsing the decimal text of an `.osm` file gives, so the XML and PBF
        // encodings of the same extract read back identical coordinates.
        let latitude = Double(block.latOffset &+ granularity &* lat) / 1e9
        let longitude = Double(block.lonOffset &+ granularity &* lon) / 1e9
        guard (-90...90).contains(latitude), (-180...180).contains(longitude) else {
            throw failure(.coordinateOutOfRange(nodeID: id, latitude: latitude, longitude: longitude))
        }
        return OSMNode(id: id, latitude: latitude, longitude: longitude, tags: tags)
    }

    private func tags(keys: [UInt32], values: [UInt32]) throws -> [OSMTag] {
        guard keys.count == values.count else {
            throw failure(.inconsistentBlock("\(keys.count) tag keys but \(values.count) values"))
        }
        if keys.isEmpty { return [] }
        var tags = [OSMTag]()
        tags.reserveCapacity(keys.count)
        for (key, value) in zip(keys, values) {
            tags.append(OSMTag(try string(Int(key)), try string(Int(value))))
        }
        return tags
    }

    private func string(_ index: Int) throws -> String {
        guard index >= 0, index < strings.count else {
            throw failure(.inconsistentBlock("a tag refers to string \(index) of a table of \(strings.count)"))
        }
        return strings[index]
    }

    private func failure(_ problem: OSMReadError.Problem) -> OSMReadError {
        OSMReadError(file: file, location: location, problem: problem)
    }
}
