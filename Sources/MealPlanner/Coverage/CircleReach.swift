import Foundation
import MealCore
import MealRoads

/// What lies inside one canteen's circle on the streets at one pace: the street segments with the
/// seconds at each end (the true 15-minute area a map draws) and the diners whose homes are
/// inside. Diners are named by id only: the map is shared more widely than the roster.
public struct CircleReach: Sendable {
    /// A street stretch inside the circle; one only partly inside ends where the circle does.
    public struct Street: Sendable, Equatable {
        public var from: GeoPoint
        public var to: GeoPoint
        public var fromSeconds: Int
        public var toSeconds: Int
        /// Great-circle length of the stretch.
        public var metres: Double
    }

    public struct DinerInside: Sendable, Equatable {
        public var id: DinerID
        public var mobility: Mobility
        public var location: GeoPoint
        /// Seconds between the home and the canteen at the pace asked.
        public var seconds: Int
    }

    public let canteen: Canteen
    public let traveller: Traveller
    public let radiusSeconds: Int
    public let identity: TravelModelIdentity
    public let streets: [Street]
    /// In diner id order.
    public let diners: [DinerInside]
    /// Why nothing is inside (the canteen off this pace's streets, a bedridden pace); nil otherwise.
    public let reason: String?

    /// Streets from one reach search from the canteen; diners by one batched query, towards the
    /// canteen for a pace on foot, from it for a courier.
    public init(canteen: Canteen, diners: [Diner], as traveller: Traveller, model: NetworkTravelModel,
                radiusSeconds: Int) {
        self.canteen = canteen
        self.traveller = traveller
        self.radiusSeconds = radiusSeconds
        identity = model.identity
        guard let (user, speed) = model.traveller(traveller.mode) else {
            streets = []
            self.diners = []
            reason = "a bedridden diner does not walk; meals come by courier"
            return
        }
        let reach = model.router.reach(
            from: RoadPoint(canteen.location), user: user, metresPerSecond: speed, limitSeconds: radiusSeconds)
        streets = reach.segments.compactMap(Self.street)
        reason = reach.reason?.description
        let homes = diners.map(\.location)
        let seconds: [Int?] = switch traveller.mode {
        case .walking: model.seconds(fromEach: homes, to: canteen.location, by: traveller.mode, within: radiusSeconds)
        case .courier: model.seconds(from: canteen.location, toEach: homes, by: traveller.mode, within: radiusSeconds)
        }
        self.diners = zip(diners, seconds).compactMap { diner, seconds in
            guard let seconds, seconds <= radiusSeconds else { return nil }
            return DinerInside(id: diner.id, mobility: diner.mobility, location: diner.location, seconds: seconds)
        }.sorted { $0.id.rawValue < $1.id.rawValue }
    }

    private static func street(_ segment: RoadReachSegment) -> Street? {
        guard let from = try? GeoPoint(latitude: segment.from.latitude, longitude: segment.from.longitude),
              let to = try? GeoPoint(latitude: segment.to.latitude, longitude: segment.to.longitude)
        else { return nil }
        return Street(from: from, to: to, fromSeconds: segment.fromSeconds, toSeconds: segment.toSeconds,
                      metres: RoadGeometry.haversineMetres(segment.from, segment.to))
    }

    /// Kilometres of street inside the circle.
    public var streetKilometres: Double { streets.reduce(0) { $0 + $1.metres } / 1000 }

    /// Diners inside, per mobility, in `Mobility` order (only those with someone inside).
    public var dinersByMobility: [(mobility: Mobility, count: Int)] {
        Mobility.allCases.compactMap { mobility in
            let count = diners.filter { $0.mobility == mobility }.count
            return count == 0 ? nil : (mobility, count)
        }
    }

    /// The summary an operator reads.
    public var text: String {
        var lines = ["Canteen \(canteen.id.rawValue) \(canteen.name): within \(OperatorText.duration(radiusSeconds)) "
            + "on the streets as \(traveller.rawValue)"]
        if let reason { lines.append("nothing is inside: \(reason)") }
        lines.append("streets: \(streets.count) segments, " + String(format: "%.2f km", streetKilometres))
        let byMobility = dinersByMobility.map { "\($0.count) \($0.mobility.rawValue)" }.joined(separator: ", ")
        lines.append("diners inside: \(diners.count)" + (byMobility.isEmpty ? "" : " (\(byMobility))"))
        lines.append("model: \(identity.description)")
        return lines.joined(separator: "\n") + "\n"
    }
}
