import Foundation

/// Why an OpenStreetMap extract could not be read: the file, where in it, and what is wrong.
///
/// The reader streams, so a sink may already have received elements when the error is thrown;
/// the caller discards them (an import runs in one transaction and rolls back).
public struct OSMReadError: Error, LocalizedError, Equatable, Sendable {
    /// Where in the file the problem lies.
    public enum Location: Equatable, Sendable {
        /// The file as a whole (empty, neither format, unreadable).
        case file
        /// A `.osm.pbf` blob: its number counted from 1 (the `OSMHeader` blob is 1) and the byte
        /// offset of its 4-byte length prefix.
        case pbfBlob(number: Int, byteOffset: Int)
        /// A line of an `.osm` XML file, counted from 1.
        case xmlLine(Int)
    }

    /// What is wrong.
    public enum Problem: Equatable, Sendable {
        case emptyFile
        /// The first bytes are neither a PBF `OSMHeader` blob nor XML.
        case notAnOSMExtract(firstBytes: String)
        case unreadable(reason: String)
        /// The file ends inside a blob: `expected` more bytes were due, only `found` were there.
        case truncated(part: String, expected: Int, found: Int)
        /// A BlobHeader longer than the format's 64 KiB limit (usually garbage or a bad offset).
        case blobHeaderTooLarge(bytes: Int)
        /// A blob longer than the format's 32 MiB limit.
        case blobTooLarge(bytes: Int)
        /// A protobuf message that does not decode (`BlobHeader`, `Blob`, `HeaderBlock`, `PrimitiveBlock`).
        case undecodable(message: String, reason: String)
        case firstBlobNotHeader(type: String)
        /// The blob's data uses a compression the reader does not have (`lzma`, `zstd`, `lz4`, `bzip2`).
        case unsupportedCompression(String)
        case noBlobData
        /// The zlib stream is damaged or incomplete.
        case corruptCompressedData
        /// The blob declares `raw_size` bytes but inflates to a different length (`actual` above
        /// `declared`: at least that many).
        case uncompressedSizeMismatch(declared: Int, actual: Int)
        /// A feature in the header's `required_features` the reader does not implement.
        case unsupportedRequiredFeature(String)
        /// A block refers to string `index` of a table of `tableSize` strings, or its columns disagree.
        case inconsistentBlock(String)
        case coordinateOutOfRange(nodeID: Int64, latitude: Double, longitude: Double)
        /// A node after the first way: the extract is not sorted (nodes, then ways).
        case nodeAfterWays(nodeID: Int64)
        /// Well-formed XML whose root element is not `<osm>`.
        case notOSMXML(rootElement: String)
        case xmlSyntax(String)
        /// An attribute the element needs is missing or not a number.
        case badXMLAttribute(element: String, attribute: String, value: String?)
    }

    /// The file's name as the operator gave it (or a label for in-memory data).
    public var file: String
    public var location: Location
    public var problem: Problem

    public init(file: String, location: Location, problem: Problem) {
        self.file = file
        self.location = location
        self.problem = problem
    }

    public var errorDescription: String? {
        "\(file)\(whereText): \(problemText)"
    }

    private var whereText: String {
        switch location {
        case .file: ""
        case .pbfBlob(let number, let offset): ": blob \(number) at byte \(offset)"
        case .xmlLine(let line): ":\(line)"
        }
    }

    private var problemText: String {
        switch problem {
        case .emptyFile:
            "the file is empty, not an OpenStreetMap extract"
        case .notAnOSMExtract(let first):
            "not an OpenStreetMap extract: neither .osm.pbf nor .osm XML (starts with \(first))"
        case .unreadable(let reason):
            "cannot be read: \(reason)"
        case .truncated(let part, let expected, let found):
            "the file is truncated: the \(part) needs \(expected) bytes, only \(found) remain"
        case .blobHeaderTooLarge(let bytes):
            "corrupt: a blob header of \(bytes) bytes (the format allows at most 65536)"
        case .blobTooLarge(let bytes):
            "corrupt: a blob of \(bytes) bytes (the format allows at most 33554432)"
        case .undecodable(let message, let reason):
            "corrupt: the \(message) does not decode (\(reason))"
        case .firstBlobNotHeader(let type):
            "the first blob is '\(type)', an .osm.pbf file starts with an 'OSMHeader' blob"
        case .unsupportedCompression(let name):
            "the blob is \(name)-compressed; only zlib and uncompressed blobs are read (convert with `osmium cat`)"
        case .noBlobData:
            "corrupt: the blob carries no data"
        case .corruptCompressedData:
            "corrupt: the zlib-compressed data is damaged or incomplete"
        case .uncompressedSizeMismatch(let declared, let actual):
            "corrupt: the blob declares \(declared) bytes uncompressed but inflates to "
                + (actual > declared ? "more" : "\(actual)")
        case .unsupportedRequiredFeature(let feature):
            "the file requires the feature '\(feature)', which this reader does not support (only OsmSchema-V0.6 and DenseNodes)"
        case .inconsistentBlock(let detail):
            "corrupt: \(detail)"
        case .coordinateOutOfRange(let id, let lat, let lon):
            "node \(id) lies outside the globe (latitude \(lat), longitude \(lon))"
        case .nodeAfterWays(let id):
            "node \(id) comes after ways: the extract is not sorted (sort it with `osmium sort`)"
        case .notOSMXML(let root):
            "an XML file but not OpenStreetMap: its root element is <\(root)>, not <osm>"
        case .xmlSyntax(let reason):
            "not well-formed XML: \(reason)"
        case .badXMLAttribute(let element, let attribute, let value):
            if let value {
                "<\(element)> attribute \(attribute) is not valid (got '\(value)')"
            } else {
                "<\(element)> lacks the attribute \(attribute)"
            }
        }
    }
}
