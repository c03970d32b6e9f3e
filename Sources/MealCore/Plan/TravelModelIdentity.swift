/// The travel models a plan can be made with.
public enum TravelModelKind: String, Sendable, Codable, CaseIterable {
    /// Great-circle distance × circuity at a constant speed per mode: the ruler.
    case straight
    /// Times along an imported OpenStreetMap road network.
    case network
}

/// Which travel model a plan was made with, and for the network which one (its digest), so a
/// printed roster can always be explained and a re-import of the roads is seen in the plans.
public struct TravelModelIdentity: Sendable, Equatable, Hashable, Codable {
    public var kind: TravelModelKind
    /// The road network's digest; nil for the straight line.
    public var networkDigest: String?

    public init(kind: TravelModelKind, networkDigest: String? = nil) {
        self.kind = kind
        self.networkDigest = kind == .network ? networkDigest : nil
    }

    public static let straight = TravelModelIdentity(kind: .straight)

    public static func network(digest: String) -> TravelModelIdentity {
        TravelModelIdentity(kind: .network, networkDigest: digest)
    }

    /// What operators read: `straight line` or `road network 3f9a…` (the digest's first 12 digits).
    public var description: String {
        switch kind {
        case .straight: "straight line"
        case .network: "road network " + String((networkDigest ?? "unknown").prefix(12))
        }
    }

    enum CodingKeys: String, CodingKey {
        case kind = "model"
        case networkDigest = "network_digest"
    }
}
