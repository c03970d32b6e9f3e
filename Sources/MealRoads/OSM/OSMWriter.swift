import Foundation

/// Why an extract could not be encoded.
public struct OSMWriteError: Error, LocalizedError, Equatable, Sendable {
    public var nodeID: Int64?
    public var reason: String

    public init(nodeID: Int64?, reason: String) {
        self.nodeID = nodeID
        self.reason = reason
    }

    public var errorDescription: String? {
        nodeID.map { "node \($0): \(reason)" } ?? reason
    }
}

/// Encodes an extract as `.osm.pbf` or `.osm` XML: the bundled district's roads and hand-made
/// test networks. Both encodings store coordinates at 100 nanodegrees (7 decimals), so the two
/// files of one extract read back identical coordinates.
public enum OSMWriter {
    /// The extract as `.osm.pbf`: an `OSMHeader` blob (bounding box, required features
    /// `OsmSchema-V0.6` and `DenseNodes`), then zlib-compressed `OSMData` blocks of at most
    /// 8000 nodes (dense) or 8000 ways. Throws for coordinates outside the globe.
    public static func pbfData(_ extract: OSMExtract) throws -> Data {
        try OSMPBFWriter.encode(extract)
    }

    /// The extract as `.osm` XML (API 0.6, UTF-8), nodes then ways, tags escaped.
    public static func xmlData(_ extract: OSMExtract) -> Data {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"MealRoads\">\n"
        text.reserveCapacity(64 * (extract.nodes.count + extract.ways.count) + 100)
        for node in extract.nodes {
            text += "  <node id=\"\(node.id)\" lat=\"\(decimal(node.latitude))\" lon=\"\(decimal(node.longitude))\""
            append(node.tags, closing: "node", to: &text)
        }
        for way in extract.ways {
            text += "  <way id=\"\(way.id)\">\n"
            for ref in way.nodeIDs {
                text += "    <nd ref=\"\(ref)\"/>\n"
            }
            for tag in way.tags {
                text += "    <tag k=\"\(escaped(tag.key))\" v=\"\(escaped(tag.value))\"/>\n"
            }
            text += "  </way>\n"
        }
        text += "</osm>\n"
        return Data(text.utf8)
    }

    private static func append(_ tags: [OSMTag], closing element: String, to text: inout String) {
        guard !tags.isEmpty else {
            text += "/>\n"
            return
        }
        text += ">\n"
        for tag in tags {
            text += "    <tag k=\"\(escaped(tag.key))\" v=\"\(escaped(tag.value))\"/>\n"
        }
        text += "  </\(element)>\n"
    }

    /// A coordinate in units of 100 nanodegrees, the precision both encodings keep.
    static func units(_ degrees: Double) -> Int64? {
        let scaled = (degrees * 1e7).rounded()
        guard scaled.isFinite, abs(scaled) <= 1_800_000_000 else { return nil }
        return Int64(scaled)
    }

    /// A coordinate as exactly 7 decimals, written from the integer so no float formatting
    /// rounds differently from the PBF encoding.
    static func decimal(_ degrees: Double) -> String {
        guard let units = units(degrees) else { return "\(degrees)" }
        let magnitude = units.magnitude
        let fraction = String(magnitude % 10_000_000)
        let padded = String(repeating: "0", count: 7 - fraction.count) + fraction
        return (units < 0 ? "-" : "") + "\(magnitude / 10_000_000).\(padded)"
    }

    /// Text safe inside a double-quoted attribute: markup characters as entities, and tabs and
    /// line breaks as character references (a parser would otherwise turn them into spaces).
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { "&<>\"'\t\n\r".unicodeScalars.contains($0) }) else {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t": result += "&#9;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
