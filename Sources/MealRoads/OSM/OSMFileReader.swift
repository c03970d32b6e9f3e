import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads an OpenStreetMap extract, `.osm.pbf` or `.osm` XML, into a sink, streaming: a PBF file
/// blob by blob, an XML file through a stream parser. The format is recognised from the first
/// bytes, never from the file name. Relations are skipped (turn restrictions are not used).
///
/// Nodes must come before ways (as in every distributed extract); a node after a way is refused.
/// Errors are `OSMReadError`s naming the file, the blob or line, and the problem; errors the
/// sink throws pass through unchanged. The sink may already have received elements when an
/// error is thrown: the caller discards what it built (an import rolls back its transaction).
public enum OSMFileReader {
    /// The encodings an extract comes in.
    public enum Format: Equatable, Sendable {
        case pbf
        case xml
    }

    /// Reads the extract at `url` into `sink`.
    public static func read<Sink: OSMElementSink>(contentsOf url: URL, into sink: inout Sink) throws {
        let file = url.relativePath
        let prefix: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            prefix = try handle.read(upToCount: sniffLength) ?? Data()
        } catch {
            throw OSMReadError(file: file, location: .file, problem: .unreadable(reason: error.localizedDescription))
        }
        switch try format(of: prefix, file: file) {
        case .pbf:
            let handle: FileHandle
            do {
                handle = try FileHandle(forReadingFrom: url)
            } catch {
                throw OSMReadError(file: file, location: .file, problem: .unreadable(reason: error.localizedDescription))
            }
            defer { try? handle.close() }
            var reader = try OSMPBFStreamReader(source: OSMFileByteSource(handle: handle), file: file)
            try reader.read(into: &sink)
        case .xml:
            guard let stream = InputStream(url: url) else {
                throw OSMReadError(file: file, location: .file, problem: .unreadable(reason: "cannot open"))
            }
            try OSMXMLReader.read(XMLParser(stream: stream), file: file, into: &sink)
        }
    }

    /// Reads an extract held in memory; `source` names it in errors.
    public static func read<Sink: OSMElementSink>(data: Data, source: String, into sink: inout Sink) throws {
        switch try format(of: data.prefix(sniffLength), file: source) {
        case .pbf:
            var reader = try OSMPBFStreamReader(source: OSMDataByteSource(data), file: source)
            try reader.read(into: &sink)
        case .xml:
            try OSMXMLReader.read(XMLParser(data: data), file: source, into: &sink)
        }
    }

    /// How many leading bytes decide the format.
    static var sniffLength: Int { 64 }

    /// The format the first bytes show: PBF starts with a 4-byte big-endian length below 64 KiB
    /// and a `BlobHeader` whose first field is the blob type (tag byte 0x0A); XML starts with
    /// `<` after an optional byte-order mark and white space.
    static func format(of prefix: Data, file: String) throws -> Format {
        let bytes = [UInt8](prefix)
        guard !bytes.isEmpty else {
            throw OSMReadError(file: file, location: .file, problem: .emptyFile)
        }
        if bytes.count >= 2, bytes[0] == 0, bytes[1] == 0, bytes.count < 5 || bytes[4] == 0x0A {
            return .pbf
        }
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let firstVisible = bytes[start...].first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        if firstVisible == UInt8(ascii: "<") {
            return .xml
        }
        throw OSMReadError(file: file, location: .file, problem: .notAnOSMExtract(firstBytes: shown(bytes)))
    }

    /// The first bytes as a reader can compare them with a file dump: ASCII as is, others as `\xNN`.
    static func shown(_ bytes: [UInt8]) -> String {
        let text = bytes.prefix(16).map { byte in
            (0x20..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : String(format: "\\x%02X", byte)
        }.joined()
        return "'\(text)'" + (bytes.count > 16 ? "..." : "")
    }
}
