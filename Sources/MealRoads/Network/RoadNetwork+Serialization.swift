import Foundation

/// The stored form of a network: "MEALROAD", a format version, the extract's counts, the nodes
/// and the segments as little-endian arrays, and an FNV-1a 64 checksum of everything before it.
/// Adjacency lists are rebuilt on reading, so only what the builder decided is stored.
extension RoadNetwork {
    static let magic = Array("MEALROAD".utf8)
    public static let formatVersion = 1

    public func serialized() -> Data {
        Self.encode(counts: counts, nodes: nodes, segments: segments)
    }

    public init(serialized data: Data) throws {
        var reader = BlobReader(bytes: [UInt8](data))
        guard data.count >= Self.magic.count + 4 + 8,
            Array(reader.bytes.prefix(Self.magic.count)) == Self.magic
        else { throw RoadNetworkError.damaged("not a road network: \(data.count) bytes without its header") }
        let stored = reader.bytes.count - 8
        let checksum = reader.bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: stored, as: UInt64.self)) }
        guard Self.fnv1a(reader.bytes[..<stored]) == checksum else {
            throw RoadNetworkError.damaged("checksum does not match its \(data.count) bytes")
        }
        reader.end = stored
        reader.offset = Self.magic.count
        let version = Int(try reader.read(UInt32.self))
        guard version == Self.formatVersion else {
            throw RoadNetworkError.unsupportedVersion(found: version, supported: Self.formatVersion)
        }
        let counts = SourceCounts(
            osmNodes: Int(try reader.read(Int64.self)), osmWays: Int(try reader.read(Int64.self)),
            keptWays: Int(try reader.read(Int64.self)), missingNodeReferences: Int(try reader.read(Int64.self)))
        let nodeCount = Int(try reader.read(UInt32.self)), segmentCount = Int(try reader.read(UInt32.self))
        let nodes = RoadNodeStore(
            ids: try reader.array(Int64.self, nodeCount), latitudes: try reader.array(Int32.self, nodeCount),
            longitudes: try reader.array(Int32.self, nodeCount))
        var segments = Segments()
        segments.from = try reader.array(Int32.self, segmentCount)
        segments.to = try reader.array(Int32.self, segmentCount)
        segments.centimetres = try reader.array(Int32.self, segmentCount)
        segments.forward = try reader.array(UInt8.self, segmentCount)
        segments.backward = try reader.array(UInt8.self, segmentCount)
        segments.carKmh = try reader.array(UInt8.self, segmentCount)
        guard reader.offset == stored else { throw RoadNetworkError.damaged("\(stored - reader.offset) bytes left over") }
        try Self.check(nodes: nodes, segments: segments)
        self.init(counts: counts, nodes: nodes, segments: segments, digest: Self.hex(checksum))
    }

    private static func check(nodes: RoadNodeStore, segments: Segments) throws {
        for index in 1..<max(1, nodes.count) where nodes.ids[index] <= nodes.ids[index - 1] {
            throw RoadNetworkError.damaged("node \(index) is out of order")
        }
        let maxLatitude = Int32(90 * RoadNodeStore.unitsPerDegree), maxLongitude = Int32(180 * RoadNodeStore.unitsPerDegree)
        for index in 0..<nodes.count
        where abs(nodes.latitudes[index]) > maxLatitude || abs(nodes.longitudes[index]) > maxLongitude {
            throw RoadNetworkError.damaged("node \(index) lies off the Earth")
        }
        let allUsers = RoadUser.allCases.reduce(UInt8(0)) { $0 | $1.bit }
        for index in 0..<segments.count {
            let from = segments.from[index], to = segments.to[index]
            guard from >= 0, to >= 0, Int(from) < nodes.count, Int(to) < nodes.count, from != to,
                segments.centimetres[index] >= 0, segments.carKmh[index] > 0,
                segments.forward[index] | segments.backward[index] != 0,
                (segments.forward[index] | segments.backward[index]) & ~allUsers == 0
            else { throw RoadNetworkError.damaged("segment \(index) is not a valid street segment") }
        }
    }

    static func encode(counts: SourceCounts, nodes: RoadNodeStore, segments: Segments) -> Data {
        var bytes: [UInt8] = magic
        bytes.reserveCapacity(64 + nodes.count * 16 + segments.count * 15)
        func put<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        func put<T: FixedWidthInteger>(_ values: [T]) {
            for value in values { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        }
        put(UInt32(formatVersion))
        for count in [counts.osmNodes, counts.osmWays, counts.keptWays, counts.missingNodeReferences] { put(Int64(count)) }
        put(UInt32(nodes.count))
        put(UInt32(segments.count))
        put(nodes.ids)
        put(nodes.latitudes)
        put(nodes.longitudes)
        put(segments.from)
        put(segments.to)
        put(segments.centimetres)
        bytes.append(contentsOf: segments.forward)
        bytes.append(contentsOf: segments.backward)
        bytes.append(contentsOf: segments.carKmh)
        put(fnv1a(bytes[...]))
        return Data(bytes)
    }

    static func digest(of data: Data) -> String {
        hex(data.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: data.count - 8, as: UInt64.self)) })
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    static func fnv1a(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}

/// Reads little-endian values from a stored network, refusing to run past its end.
private struct BlobReader {
    let bytes: [UInt8]
    var offset = 0
    var end: Int

    init(bytes: [UInt8]) {
        self.bytes = bytes
        end = bytes.count
    }

    mutating func read<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= end else { throw RoadNetworkError.damaged("cut short at byte \(offset)") }
        let value = bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
        offset += size
        return value
    }

    mutating func array<T: FixedWidthInteger>(_ type: T.Type, _ count: Int) throws -> [T] {
        let size = MemoryLayout<T>.size
        guard count >= 0, count <= (end - offset) / size else {
            throw RoadNetworkError.damaged("cut short at byte \(offset): \(count) values announced")
        }
        let start = offset
        offset += count * size
        return bytes.withUnsafeBytes { raw in
            (0..<count).map { T(littleEndian: raw.loadUnaligned(fromByteOffset: start + $0 * size, as: T.self)) }
        }
    }
}
