import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads `.osm` XML (API 0.6): `<node id lat lon>` with `<tag k v>`, `<way id>` with `<nd ref>`
/// and `<tag k v>`. Relations, bounds and changesets are skipped; elements a JOSM file marks
/// `action="delete"` or `visible="false"` are left out, as they are not part of the map.
enum OSMXMLReader {
    static func read<Sink: OSMElementSink>(_ parser: XMLParser, file: String, into sink: inout Sink) throws {
        try withUnsafeMutablePointer(to: &sink) { sinkPointer in
            let handler = OSMXMLHandler(sink: sinkPointer, file: file)
            parser.delegate = handler
            parser.shouldProcessNamespaces = false
            parser.shouldResolveExternalEntities = false
            let finished = parser.parse()
            parser.delegate = nil
            if let failure = handler.failure {
                throw failure
            }
            guard finished else {
                let reason = parser.parserError.map { describe($0) } ?? "the parser stopped"
                throw OSMReadError(file: file, location: .xmlLine(max(parser.lineNumber, 1)), problem: .xmlSyntax(reason))
            }
            guard handler.sawRoot else {
                throw OSMReadError(file: file, location: .file, problem: .xmlSyntax("no root element"))
            }
        }
    }

    /// The parser's error in words. The codes are libxml2's (`XML_ERR_*`); swift-corelibs'
    /// `XMLParser.ErrorCode` names do not line up with them, so the common ones are listed here.
    static func describe(_ error: any Error) -> String {
        let code = (error as NSError).code
        let words: [Int: String] = [
            4: "the document is empty",
            5: "the document ends early or has content after its root element",
            9: "an invalid character",
            26: "an undeclared entity",
            38: "'<' inside an attribute value",
            39: "an attribute value without quotes",
            40: "an unfinished attribute value",
            41: "an attribute without a value",
            42: "an attribute given twice",
            73: "'>' expected",
            76: "an end tag that does not match its start tag",
            77: "an unfinished tag",
        ]
        return "\(words[code] ?? "XML parser error") (code \(code))"
    }
}

/// The parser's delegate: builds one element at a time and hands it to the sink as its end tag
/// arrives. Holds the caller's sink through a pointer valid only during `parse()`.
private final class OSMXMLHandler<Sink: OSMElementSink>: NSObject, XMLParserDelegate {
    private enum Pending {
        case none
        case node(OSMNode)
        case way(OSMWay)
        /// An element being skipped (relation, deleted element): its children are ignored.
        case skipped
    }

    private let sink: UnsafeMutablePointer<Sink>
    private let file: String
    private var depth = 0
    private var pending = Pending.none
    private var sawWay = false
    private(set) var sawRoot = false
    private(set) var failure: (any Error)?

    init(sink: UnsafeMutablePointer<Sink>, file: String) {
        self.sink = sink
        self.file = file
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes: [String: String] = [:]
    ) {
        depth += 1
        guard failure == nil else { return }
        do {
            switch depth {
            case 1:
                sawRoot = true
                guard elementName == "osm" else {
                    throw failure(parser, .notOSMXML(rootElement: elementName))
                }
            case 2:
                try start(elementName, attributes: attributes, parser: parser)
            case 3:
                try child(elementName, attributes: attributes, parser: parser)
            default:
                break
            }
        } catch {
            stop(parser, error)
        }
    }

    /// libxml2 recovers from errors and carries on calling back with guessed elements, and
    /// `parse()` may even answer true: the first error stops the reading.
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard failure == nil else { return }
        let reason = OSMXMLReader.describe(parseError)
        failure = OSMReadError(file: file, location: .xmlLine(max(parser.lineNumber, 1)), problem: .xmlSyntax(reason))
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        defer { depth -= 1 }
        guard depth == 2, failure == nil else { return }
        do {
            switch pending {
            case .node(let node): try sink.pointee.receive(node)
            case .way(let way): try sink.pointee.receive(way)
            case .none, .skipped: break
            }
            pending = .none
        } catch {
            stop(parser, error)
        }
    }

    private func start(_ name: String, attributes: [String: String], parser: XMLParser) throws {
        guard name == "node" || name == "way" else {
            pending = .skipped
            return
        }
        let id = try integer("id", of: name, in: attributes, parser: parser)
        if attributes["action"] == "delete" || attributes["visible"] == "false" {
            pending = .skipped
            return
        }
        if name == "way" {
            sawWay = true
            pending = .way(OSMWay(id: id, nodeIDs: []))
            return
        }
        guard !sawWay else { throw failure(parser, .nodeAfterWays(nodeID: id)) }
        let latitude = try coordinate("lat", of: name, in: attributes, parser: parser)
        let longitude = try coordinate("lon", of: name, in: attributes, parser: parser)
        guard (-90...90).contains(latitude), (-180...180).contains(longitude) else {
            throw failure(parser, .coordinateOutOfRange(nodeID: id, latitude: latitude, longitude: longitude))
        }
        pending = .node(OSMNode(id: id, latitude: latitude, longitude: longitude))
    }

    private func child(_ name: String, attributes: [String: String], parser: XMLParser) throws {
        switch (name, pending) {
        case ("tag", .node(var node)):
            node.tags.append(try tag(attributes, parser: parser))
            pending = .node(node)
        case ("tag", .way(var way)):
            // Take the way out of `pending` first so appending does not copy its arrays.
            pending = .none
            way.tags.append(try tag(attributes, parser: parser))
            pending = .way(way)
        case ("nd", .way(var way)):
            pending = .none
            way.nodeIDs.append(try integer("ref", of: "nd", in: attributes, parser: parser))
            pending = .way(way)
        default:
            break
        }
    }

    private func tag(_ attributes: [String: String], parser: XMLParser) throws -> OSMTag {
        guard let key = attributes["k"] else {
            throw failure(parser, .badXMLAttribute(element: "tag", attribute: "k", value: nil))
        }
        guard let value = attributes["v"] else {
            throw failure(parser, .badXMLAttribute(element: "tag", attribute: "v", value: nil))
        }
        return OSMTag(key, value)
    }

    private func integer(_ attribute: String, of element: String, in attributes: [String: String], parser: XMLParser) throws -> Int64 {
        guard let text = attributes[attribute], let value = Int64(text) else {
            throw failure(parser, .badXMLAttribute(element: element, attribute: attribute, value: attributes[attribute]))
        }
        return value
    }

    private func coordinate(_ attribute: String, of element: String, in attributes: [String: String], parser: XMLParser) throws -> Double {
        guard let text = attributes[attribute], let value = Double(text), value.isFinite else {
            throw failure(parser, .badXMLAttribute(element: element, attribute: attribute, value: attributes[attribute]))
        }
        return value
    }

    private func failure(_ parser: XMLParser, _ problem: OSMReadError.Problem) -> OSMReadError {
        OSMReadError(file: file, location: .xmlLine(parser.lineNumber), problem: problem)
    }

    /// Keeps the first error and stops the parser; `read` rethrows it once `parse()` returns.
    private func stop(_ parser: XMLParser, _ error: any Error) {
        if failure == nil { failure = error }
        parser.abortParsing()
    }
}
