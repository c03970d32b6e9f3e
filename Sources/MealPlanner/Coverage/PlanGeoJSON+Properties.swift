import MealCore

/// The properties of each kind of feature in a plan's GeoJSON; the keys are a contract
/// documented in docs/plan-format.md ("GeoJSON"). Absent values are left out, never `null`.
extension PlanGeoJSON {
    public enum Kind: String, Codable, Sendable {
        case canteen, diner, round, reach
    }

    /// How a diner of the plan is served, one value a GIS program can colour by: the service
    /// mode, or unserved.
    public enum DinerMode: String, Codable, Sendable {
        case dineIn = "dine_in"
        case pickup, delivery, unserved

        init(_ mode: ServiceMode) {
            switch mode {
            case .dineIn: self = .dineIn
            case .pickup: self = .pickup
            case .delivery: self = .delivery
            }
        }
    }

    /// One feature's properties: each kind has its own type, and `kind` says which.
    public enum Properties: Codable, Equatable, Sendable {
        case canteen(CanteenProperties)
        case diner(DinerProperties)
        case round(RoundProperties)
        case reach(ReachProperties)

        public var kind: Kind {
            switch self {
            case .canteen: .canteen
            case .diner: .diner
            case .round: .round
            case .reach: .reach
            }
        }

        private struct KindOnly: Decodable { var kind: Kind }

        public init(from decoder: any Decoder) throws {
            switch try KindOnly(from: decoder).kind {
            case .canteen: self = .canteen(try CanteenProperties(from: decoder))
            case .diner: self = .diner(try DinerProperties(from: decoder))
            case .round: self = .round(try RoundProperties(from: decoder))
            case .reach: self = .reach(try ReachProperties(from: decoder))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            switch self {
            case .canteen(let properties): try properties.encode(to: encoder)
            case .diner(let properties): try properties.encode(to: encoder)
            case .round(let properties): try properties.encode(to: encoder)
            case .reach(let properties): try properties.encode(to: encoder)
            }
        }
    }

    public struct CanteenProperties: Codable, Equatable, Sendable {
        public var kind = Kind.canteen
        public var id: CanteenID
        public var name: String
        public var community: String
        public var seats: Int
        public var kitchenCapacity: Int
        /// `HH:MM-HH:MM` each.
        public var sittings: [String]
        /// Meals the plan gives this canteen (dine-in, pickup and delivery).
        public var served: Int

        enum CodingKeys: String, CodingKey {
            case kind, id, name, community, seats, sittings, served
            case kitchenCapacity = "kitchen_capacity"
        }
    }

    /// A diner in the plan, by id only (a map travels further than a roster; the registry's
    /// GeoJSON has the names). `mode` is the service mode, or `unserved` with `reason`.
    public struct DinerProperties: Codable, Equatable, Sendable {
        public var kind = Kind.diner
        public var id: DinerID
        public var mobility: Mobility?
        public var mode: DinerMode
        public var canteen: CanteenID?
        public var sitting: String?
        public var courier: CourierID?
        public var trip: Int?
        public var stop: Int?
        /// `HH:MM` on the district's clock, as the route sheet prints it.
        public var arrival: String?
        public var arrivalISO: String?
        public var locked: Bool?
        /// The unserved reason's code (`outside_radius`, ...) and its sentence.
        public var reason: UnservedReason?
        public var detail: String?

        enum CodingKeys: String, CodingKey {
            case kind, id, mobility, mode, canteen, sitting, courier, trip, stop, arrival, locked, reason, detail
            case arrivalISO = "arrival_iso"
        }
    }

    /// One trip of a courier: out of the canteen, the stops in order, back.
    public struct RoundProperties: Codable, Equatable, Sendable {
        public var kind = Kind.round
        public var courier: CourierID
        public var vehicle: VehicleKind?
        public var canteen: CanteenID
        /// 1 for the courier's first trip of the day.
        public var trip: Int
        public var stops: Int
        public var depart: String
        public var departISO: String
        public var returnTime: String
        public var returnISO: String

        enum CodingKeys: String, CodingKey {
            case kind, courier, vehicle, canteen, trip, stops, depart
            case departISO = "depart_iso"
            case returnTime = "return"
            case returnISO = "return_iso"
        }
    }

    /// A canteen's 15-minute circle at one pace: the streets inside on the network the plan was
    /// made on, or the ruler's circle (`radius_m` = speed × radius ÷ circuity).
    public struct ReachProperties: Codable, Equatable, Sendable {
        public var kind = Kind.reach
        public var canteen: CanteenID
        public var pace: Traveller
        public var radiusSeconds: Int
        public var model: TravelModelKind
        public var networkDigest: String?
        public var segments: Int?
        public var streetKm: Double?
        /// Why no street is inside (the canteen off the walkers' streets).
        public var reason: String?
        public var radiusMetres: Double?
        public var speed: Double?
        public var circuity: Double?

        enum CodingKeys: String, CodingKey {
            case kind, canteen, pace, model, segments, reason, circuity
            case speed = "speed_m_s"
            case radiusSeconds = "radius_seconds"
            case networkDigest = "network_digest"
            case streetKm = "street_km"
            case radiusMetres = "radius_m"
        }
    }
}
