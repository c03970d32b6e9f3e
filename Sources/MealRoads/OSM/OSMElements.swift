import Foundation

/// One `key=value` tag of an OpenStreetMap element.
public struct OSMTag: Hashable, Sendable {
    public var key: String
    public var value: String

    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

/// An OpenStreetMap node: a point, sometimes tagged (a level crossing, a barrier).
public struct OSMNode: Equatable, Sendable {
    public var id: Int64
    public var latitude: Double
    public var longitude: Double
    public var tags: [OSMTag]

    public init(id: Int64, latitude: Double, longitude: Double, tags: [OSMTag] = []) {
        self.id = id
        self.latitude = latitude
        self.longitude = longitude
        self.tags = tags
    }
}

/// An OpenStreetMap way: an ordered list of node ids with tags (`highway=footway`, `oneway=yes`).
public struct OSMWay: Equatable, Sendable {
    public var id: Int64
    public var nodeIDs: [Int64]
    public var tags: [OSMTag]

    public init(id: Int64, nodeIDs: [Int64], tags: [OSMTag] = []) {
        self.id = id
        self.nodeIDs = nodeIDs
        self.tags = tags
    }

    /// The value of tag `key`, if the way has it.
    public func tag(_ key: String) -> String? {
        tags.first { $0.key == key }?.value
    }
}

/// Receives an extract's elements in file order. Extracts as distributed are sorted: every node
/// comes before every way, so a sink can keep only the node coordinates it has seen when ways
/// arrive. Relations are not passed on: turn restrictions are not used yet.
public protocol OSMElementSink {
    mutating func receive(_ node: OSMNode) throws
    mutating func receive(_ way: OSMWay) throws
}

/// A whole extract held in memory: hand-made test networks and the bundled district's roads.
/// A city extract is never held like this; it is streamed into a sink.
public struct OSMExtract: Equatable, Sendable, OSMElementSink {
    public var nodes: [OSMNode]
    public var ways: [OSMWay]

    public init(nodes: [OSMNode] = [], ways: [OSMWay] = []) {
        self.nodes = nodes
        self.ways = ways
    }

    public mutating func receive(_ node: OSMNode) throws { nodes.append(node) }
    public mutating func receive(_ way: OSMWay) throws { ways.append(way) }
}
