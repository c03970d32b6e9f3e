import Foundation

/// A tag key with the values that match it (`highway` = `steps`).
public struct RoadTagMatch: Codable, Equatable, Sendable {
    public var key: String
    public var values: [String]

    public init(_ key: String, _ values: [String]) {
        self.key = key
        self.values = values
    }
}

/// One road user's rules, written down as data so they can be read, printed and changed
/// without reading code. See docs/planning.md, "Road network", for the standard set.
public struct RoadProfile: Codable, Equatable, Sendable {
    /// `highway` values this user takes unless an access tag forbids it.
    public var highways: [String]
    /// `highway` values this user takes only when its access tags allow it explicitly
    /// (`foot=yes` on a cycleway, `bicycle=designated` on a footway).
    public var highwaysWhenAllowed: [String]
    /// Access keys from the most specific to the most general: the first one present decides,
    /// so `foot=yes` on a way tagged `access=no` lets a pedestrian through.
    public var accessKeys: [String]
    /// Tags that rule a way out whatever its access tags say (`highway=steps` for a walker).
    public var forbiddingTags: [RoadTagMatch]
    /// Oneway keys from the most specific (`oneway:bicycle`) to `oneway`; the first one present
    /// decides. Empty: this user goes both ways on every way (pedestrians).
    public var onewayKeys: [String]
    /// Tags that make a way one-way in its drawing direction when no oneway key is present
    /// (`junction=roundabout`, `highway=motorway`).
    public var impliedOneway: [RoadTagMatch]

    public init(
        highways: [String], highwaysWhenAllowed: [String] = [], accessKeys: [String],
        forbiddingTags: [RoadTagMatch] = [], onewayKeys: [String] = [], impliedOneway: [RoadTagMatch] = []
    ) {
        self.highways = highways
        self.highwaysWhenAllowed = highwaysWhenAllowed
        self.accessKeys = accessKeys
        self.forbiddingTags = forbiddingTags
        self.onewayKeys = onewayKeys
        self.impliedOneway = impliedOneway
    }
}

/// Car speeds a way is driven at before the vehicle's own speed caps them.
public struct RoadCarSpeeds: Codable, Equatable, Sendable {
    /// km/h per `highway` value when the way has no readable `maxspeed`.
    public var defaultKmh: [String: Int]
    /// km/h for a way whose `highway` value is not in `defaultKmh`.
    public var fallbackKmh: Int
    /// km/h of `maxspeed` zone values (`CN:urban`, `walk`).
    public var zoneKmh: [String: Int]

    public init(defaultKmh: [String: Int], fallbackKmh: Int, zoneKmh: [String: Int]) {
        self.defaultKmh = defaultKmh
        self.fallbackKmh = fallbackKmh
        self.zoneKmh = zoneKmh
    }
}

/// The rules of every road user, and the tag values they read.
public struct RoadProfiles: Codable, Equatable, Sendable {
    public var foot: RoadProfile
    public var walker: RoadProfile
    public var wheelchair: RoadProfile
    public var cycle: RoadProfile
    public var car: RoadProfile
    /// Access values that let a user through (`foot=designated`).
    public var allowingValues: [String]
    /// Access values that keep a user out (`access=private`).
    public var forbiddingValues: [String]
    /// Oneway values: in the drawing direction, against it, or both ways. A value in none of
    /// these (`reversible`, `alternating`) keeps oneway-following users off the way.
    public var onewayForwardValues: [String]
    public var onewayBackwardValues: [String]
    public var onewayBothValues: [String]
    public var carSpeeds: RoadCarSpeeds

    public subscript(user: RoadUser) -> RoadProfile {
        switch user {
        case .foot: foot
        case .walker: walker
        case .wheelchair: wheelchair
        case .cycle: cycle
        case .car: car
        }
    }
}

extension RoadProfiles {
    /// The rules of issue 13: pedestrians on footways, paths, pedestrian streets and ordinary
    /// roads but never motorways or trunk roads; walkers and wheelchairs never on steps;
    /// bicycles on cycleways and roads; cars on drivable roads, respecting oneway.
    public static let standard: RoadProfiles = {
        let walkable = [
            "footway", "path", "pedestrian", "steps", "living_street", "residential", "service",
            "unclassified", "track", "road", "tertiary", "tertiary_link", "secondary", "secondary_link",
            "primary", "primary_link",
        ]
        let walkableWhenAllowed = ["cycleway", "bridleway", "trunk", "trunk_link"]
        let pedestrianAccess = ["foot", "access"]
        let steps = RoadTagMatch("highway", ["steps"])
        let roundabouts = RoadTagMatch("junction", ["roundabout", "circular"])
        let motorways = RoadTagMatch("highway", ["motorway", "motorway_link"])
        let ordinaryRoads = [
            "living_street", "residential", "service", "unclassified", "road", "tertiary", "tertiary_link",
            "secondary", "secondary_link", "primary", "primary_link",
        ]
        return RoadProfiles(
            foot: RoadProfile(highways: walkable, highwaysWhenAllowed: walkableWhenAllowed, accessKeys: pedestrianAccess),
            walker: RoadProfile(
                highways: walkable.filter { $0 != "steps" }, highwaysWhenAllowed: walkableWhenAllowed,
                accessKeys: pedestrianAccess, forbiddingTags: [steps]),
            wheelchair: RoadProfile(
                highways: walkable.filter { $0 != "steps" }, highwaysWhenAllowed: walkableWhenAllowed,
                accessKeys: pedestrianAccess, forbiddingTags: [steps, RoadTagMatch("wheelchair", ["no"])]),
            cycle: RoadProfile(
                highways: ["cycleway", "path", "track"] + ordinaryRoads,
                highwaysWhenAllowed: ["footway", "pedestrian", "bridleway", "trunk", "trunk_link"],
                accessKeys: ["bicycle", "vehicle", "access"], forbiddingTags: [steps],
                onewayKeys: ["oneway:bicycle", "oneway"], impliedOneway: [roundabouts, motorways]),
            car: RoadProfile(
                highways: ["motorway", "motorway_link", "trunk", "trunk_link"] + ordinaryRoads,
                highwaysWhenAllowed: ["track", "pedestrian"],
                accessKeys: ["motorcar", "motor_vehicle", "vehicle", "access"],
                onewayKeys: ["oneway"], impliedOneway: [roundabouts, motorways]),
            allowingValues: ["yes", "designated", "permissive", "destination", "delivery", "customers", "official"],
            forbiddingValues: ["no", "private", "agricultural", "forestry", "use_sidepath", "dismount"],
            onewayForwardValues: ["yes", "true", "1"],
            onewayBackwardValues: ["-1", "reverse"],
            onewayBothValues: ["no", "false", "0"],
            carSpeeds: RoadCarSpeeds(
                defaultKmh: [
                    "motorway": 100, "motorway_link": 60, "trunk": 80, "trunk_link": 50,
                    "primary": 60, "primary_link": 40, "secondary": 50, "secondary_link": 40,
                    "tertiary": 40, "tertiary_link": 30, "unclassified": 30, "road": 25,
                    "residential": 25, "living_street": 10, "service": 15, "track": 10, "pedestrian": 5,
                ],
                fallbackKmh: 20,
                zoneKmh: [
                    "CN:urban": 50, "CN:rural": 70, "CN:motorway": 120, "CN:living_street": 20,
                    "walk": 5, "living_street": 10,
                ]))
    }()
}
