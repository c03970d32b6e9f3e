/// The code of a diner, canteen or courier, typed by what it names so a canteen id cannot be
/// passed where a diner id is expected. The raw string is the whole value: ids sort, hash, print
/// (`description`) and encode to JSON exactly as the plain strings did, so operator text, sorted
/// output and the plan export (docs/plan-format.md) are unchanged. The characters an id may hold
/// are `Identifier`'s rule; the store keeps ids as plain TEXT (`EntityID+Database.swift`).
///
/// A small struct rather than pointfreeco/swift-tagged: with Swift 6.3 every file that hashes,
/// compares or prints a `Tagged` value must itself `import Tagged`, which would touch every file
/// in three targets and the tests for no gain over these few lines.
public struct EntityID<Entity>: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public init(stringInterpolation: DefaultStringInterpolation) { rawValue = String(stringInterpolation: stringInterpolation) }

    public var description: String { rawValue }

    public static func < (lhs: EntityID, rhs: EntityID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Encoded as the plain string, so JSON keeps the shape it had when ids were strings.
extension EntityID: Codable {
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

public typealias DinerID = EntityID<Diner>
public typealias CanteenID = EntityID<Canteen>
public typealias CourierID = EntityID<Courier>
