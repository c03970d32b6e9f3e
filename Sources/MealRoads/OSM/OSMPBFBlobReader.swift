import CompressNIO
import Foundation
import NIOCore
import SwiftProtobuf

/// Bytes read in order from a file or from memory: the PBF reader never needs to look back.
protocol OSMByteSource {
    /// Up to `count` bytes; fewer only at the end of the input.
    mutating func read(upTo count: Int) throws -> Data
}

/// A file read through a `FileHandle`, a blob at a time.
struct OSMFileByteSource: OSMByteSource {
    let handle: FileHandle

    mutating func read(upTo count: Int) throws -> Data {
        var bytes = Data()
        // `read(upToCount:)` may return short reads before the end (pipes, network mounts).
        while bytes.count < count {
            guard let chunk = try handle.read(upToCount: count - bytes.count), !chunk.isEmpty else { break }
            bytes.append(chunk)
        }
        return bytes
    }
}

/// Bytes already in memory (tests, the fixture's own encoded roads).
struct OSMDataByteSource: OSMByteSource {
    let data: Data
    var position: Int

    init(_ data: Data) {
        self.data = data
        self.position = data.startIndex
    }

    mutating func read(upTo count: Int) throws -> Data {
        let end = min(data.endIndex, position + count)
        defer { position = end }
        return data.subdata(in: position..<end)
    }
}

/// One blob of a `.osm.pbf` file, its payload uncompressed.
struct OSMPBFBlob {
    var type: String
    var payload: Data
    var location: OSMReadError.Location
}

/// Splits a `.osm.pbf` stream into blobs: a 4-byte big-endian length, a `BlobHeader`, a `Blob`.
/// Checks the format's size limits before reading, so garbage cannot make it allocate gigabytes.
struct OSMPBFBlobReader<Source: OSMByteSource> {
    /// The format's limits (OSM wiki, "PBF Format"): headers under 64 KiB, blobs under 32 MiB.
    static var maximumBlobHeaderBytes: Int { 64 * 1024 }
    static var maximumBlobBytes: Int { 32 * 1024 * 1024 }

    var source: Source
    let file: String
    private(set) var offset = 0
    private(set) var blobNumber = 0
    private let decompressor: ZlibDecompressor
    private let options: BinaryDecodingOptions = {
        var options = BinaryDecodingOptions()
        options.discardUnknownFields = true
        return options
    }()

    init(source: Source, file: String) throws {
        self.source = source
        self.file = file
        self.decompressor = try ZlibDecompressor(algorithm: .zlib)
    }

    /// The next blob, or nil at the clean end of the file.
    mutating func next() throws -> OSMPBFBlob? {
        let location = OSMReadError.Location.pbfBlob(number: blobNumber + 1, byteOffset: offset)
        let prefix = try read(4, part: "blob header length", at: location, allowEnd: true)
        guard let prefix else { return nil }
        blobNumber += 1
        let headerLength = prefix.reduce(0) { $0 << 8 | Int($1) }
        guard headerLength <= Self.maximumBlobHeaderBytes else {
            throw failure(.blobHeaderTooLarge(bytes: headerLength), at: location)
        }
        let headerBytes = try read(headerLength, part: "blob header", at: location)!
        let header: OSMPBF_BlobHeader
        do {
            header = try OSMPBF_BlobHeader(serializedBytes: headerBytes, options: options)
        } catch {
            throw failure(.undecodable(message: "blob header", reason: "\(error)"), at: location)
        }
        let blobLength = Int(header.datasize)
        guard blobLength >= 0, blobLength <= Self.maximumBlobBytes else {
            throw failure(.blobTooLarge(bytes: blobLength), at: location)
        }
        let blobBytes = try read(blobLength, part: "'\(header.type)' blob", at: location)!
        let blob: OSMPBF_Blob
        do {
            blob = try OSMPBF_Blob(serializedBytes: blobBytes, options: options)
        } catch {
            throw failure(.undecodable(message: "blob", reason: "\(error)"), at: location)
        }
        return OSMPBFBlob(type: header.type, payload: try payload(of: blob, at: location), location: location)
    }

    /// Reads exactly `count` bytes; nil only when `allowEnd` and the file ends cleanly here.
    private mutating func read(
        _ count: Int, part: String, at location: OSMReadError.Location, allowEnd: Bool = false
    ) throws -> Data? {
        let bytes: Data
        do {
            bytes = try source.read(upTo: count)
        } catch {
            throw failure(.unreadable(reason: error.localizedDescription), at: location)
        }
        if bytes.isEmpty && allowEnd { return nil }
        guard bytes.count == count else {
            throw failure(.truncated(part: part, expected: count, found: bytes.count), at: location)
        }
        offset += count
        return bytes
    }

    private func payload(of blob: OSMPBF_Blob, at location: OSMReadError.Location) throws -> Data {
        if blob.hasRaw {
            return blob.raw
        }
        if blob.hasZlibData {
            let declared = Int(blob.rawSize)
            guard blob.hasRawSize, declared >= 0, declared <= Self.maximumBlobBytes else {
                throw failure(.undecodable(message: "blob", reason: "zlib data without a valid raw_size"), at: location)
            }
            return try inflate(blob.zlibData, declaredSize: declared, at: location)
        }
        if blob.hasZstdData { throw failure(.unsupportedCompression("zstd"), at: location) }
        if blob.hasLzmaData { throw failure(.unsupportedCompression("lzma"), at: location) }
        if blob.hasLz4Data { throw failure(.unsupportedCompression("lz4"), at: location) }
        if blob.hasObsoleteBzip2Data { throw failure(.unsupportedCompression("bzip2"), at: location) }
        throw failure(.noBlobData, at: location)
    }

    /// Inflates a zlib stream that must end exactly at `declaredSize` bytes.
    private func inflate(_ compressed: Data, declaredSize: Int, at location: OSMReadError.Location) throws -> Data {
        guard !compressed.isEmpty else { throw failure(.corruptCompressedData, at: location) }
        var input = ByteBuffer(bytes: compressed)
        // One spare byte: a stream longer than declared overflows instead of fitting exactly.
        var output = ByteBufferAllocator().buffer(capacity: declaredSize + 1)
        do {
            try decompressor.reset()
            try decompressor.inflate(from: &input, to: &output)
            if input.readableBytes == 0 {
                // zlib answers "stream end" again once the stream is complete, and "needs more
                // input" when the data stopped before the end of the stream (a truncated blob).
                try decompressor.inflate(from: &input, to: &output)
            }
        } catch let error as CompressNIOError where error == .bufferOverflow {
            throw failure(.uncompressedSizeMismatch(declared: declaredSize, actual: output.readableBytes), at: location)
        } catch {
            throw failure(.corruptCompressedData, at: location)
        }
        guard output.readableBytes == declaredSize else {
            throw failure(.uncompressedSizeMismatch(declared: declaredSize, actual: output.readableBytes), at: location)
        }
        return Data(output.readableBytesView)
    }

    func failure(_ problem: OSMReadError.Problem, at location: OSMReadError.Location) -> OSMReadError {
        OSMReadError(file: file, location: location, problem: problem)
    }
}
