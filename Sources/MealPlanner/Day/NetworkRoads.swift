import Foundation
import MealCore
import MealRoads

/// A road network ready to plan on: its router (spatial index and search workspaces, built once)
/// and the snaps of the places met so far, shared by every model made from it whatever the
/// parameters (a snap depends on the road user, not on the pace).
public final class NetworkRoads: RoadNetworkSource, Sendable {
    public let router: RoadRouter
    /// The router of the same streets with every direction turned round (nil when every user
    /// goes both ways): many origins to one destination by one search on one-way streets too.
    let reversedRouter: RoadRouter?
    public var digest: String { router.network.digest }
    /// Users whose every segment goes both ways: their times are symmetric, so many origins to
    /// one destination is answered by one search from the destination.
    let twoWayUsers: Set<RoadUser>
    let snaps = RoadSnapCache()

    public init(network: RoadNetwork, snapLimitMetres: Double = 300) {
        router = RoadRouter(network: network, snapLimitMetres: snapLimitMetres)
        twoWayUsers = Set(RoadUser.allCases.filter { network.goesBothWays($0) })
        reversedRouter = twoWayUsers.count == RoadUser.allCases.count
            ? nil : RoadRouter(network: network.reversed(), snapLimitMetres: snapLimitMetres)
    }

    public func travelModel(parameters: PlanningParameters) -> any TravelModel {
        NetworkTravelModel(roads: self, parameters: parameters)
    }
}

/// Where places meet the streets, per road user, each place snapped once. Thread-safe: the
/// planner asks from several threads (NSLock rather than Mutex, which needs macOS 15).
final class RoadSnapCache: @unchecked Sendable {
    private struct Key: Hashable {
        let user: RoadUser
        let point: GeoPoint
    }

    /// A snap that found no way is kept too, as `.some(nil)`.
    private var snaps: [Key: RoadSnap?] = [:]
    private let lock = NSLock()

    func snap(_ point: GeoPoint, for user: RoadUser, router: RoadRouter) -> RoadSnap? {
        let key = Key(user: user, point: point)
        lock.lock()
        let known = snaps[key]
        lock.unlock()
        if let known { return known }
        let snap = router.snap(RoadPoint(point), for: user)
        lock.lock()
        snaps[key] = snap
        lock.unlock()
        return snap
    }
}

extension RoadPoint {
    init(_ point: GeoPoint) {
        self.init(latitude: point.latitude, longitude: point.longitude)
    }
}

extension TravelSelection {
    /// Networks decoded in this process, by digest: a command plans many days on one network.
    private static let decoded = DecodedNetworks()

    /// The road network stored in `database`, or nil when none is imported; decoded once per
    /// process and digest (a re-import has a new digest).
    public static func storedRoads(in database: AppDatabase) throws -> (any RoadNetworkSource)? {
        guard let summary = try database.roadNetworkSummary() else { return nil }
        return try decoded.roads(digest: summary.digest) { try database.storedRoadNetwork() }
    }
}

private final class DecodedNetworks: @unchecked Sendable {
    private var byDigest: [String: NetworkRoads] = [:]
    private let lock = NSLock()

    func roads(digest: String, load: () throws -> RoadNetwork?) throws -> NetworkRoads? {
        lock.lock()
        defer { lock.unlock() }
        if let known = byDigest[digest] { return known }
        guard let network = try load() else { return nil }
        let roads = NetworkRoads(network: network)
        byDigest[network.digest] = roads
        return roads
    }
}
