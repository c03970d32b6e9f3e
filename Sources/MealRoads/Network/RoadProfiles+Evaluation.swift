import Foundation

/// What one way means for every road user: who may go in its drawing direction, who against it,
/// and how fast a car may drive it.
public struct RoadWayAccess: Equatable, Sendable {
    /// `RoadUser.bit`s of the users who may travel in the way's drawing direction.
    public var forward: UInt8
    /// `RoadUser.bit`s of the users who may travel against it.
    public var backward: UInt8
    /// Road speed for cars, km/h (from `maxspeed`, else the default for its class).
    public var carKmh: UInt8

    public var isUsable: Bool { forward | backward != 0 }

    public func allows(_ user: RoadUser, forward isForward: Bool) -> Bool {
        (isForward ? forward : backward) & user.bit != 0
    }
}

extension RoadProfiles {
    /// The profiles with their lists turned into sets, for reading ways by the hundred thousand.
    struct Compiled: Sendable {
        struct User: Sendable {
            let bit: UInt8
            let highways: Set<String>
            let highwaysWhenAllowed: Set<String>
            let accessKeys: [String]
            let forbidding: [(key: String, values: Set<String>)]
            let onewayKeys: [String]
            let impliedOneway: [(key: String, values: Set<String>)]
        }

        let users: [User]
        let allowing: Set<String>
        let forbidding: Set<String>
        let forwardValues: Set<String>
        let backwardValues: Set<String>
        let bothValues: Set<String>
        let carSpeeds: RoadCarSpeeds

        init(_ profiles: RoadProfiles) {
            users = RoadUser.allCases.map { user in
                let profile = profiles[user]
                return User(
                    bit: user.bit, highways: Set(profile.highways),
                    highwaysWhenAllowed: Set(profile.highwaysWhenAllowed), accessKeys: profile.accessKeys,
                    forbidding: profile.forbiddingTags.map { ($0.key, Set($0.values)) },
                    onewayKeys: profile.onewayKeys,
                    impliedOneway: profile.impliedOneway.map { ($0.key, Set($0.values)) })
            }
            allowing = Set(profiles.allowingValues)
            forbidding = Set(profiles.forbiddingValues)
            forwardValues = Set(profiles.onewayForwardValues)
            backwardValues = Set(profiles.onewayBackwardValues)
            bothValues = Set(profiles.onewayBothValues)
            carSpeeds = profiles.carSpeeds
        }

        /// Access for every user; nil when the way is no road (no `highway` tag) or nobody may use it.
        func access(_ way: OSMWay) -> RoadWayAccess? {
            guard let highway = way.tag("highway") else { return nil }
            var forward: UInt8 = 0, backward: UInt8 = 0
            for user in users where mayUse(way, highway: highway, user) {
                let (isForward, isBackward) = directions(way, user)
                if isForward { forward |= user.bit }
                if isBackward { backward |= user.bit }
            }
            guard forward | backward != 0 else { return nil }
            let kmh = RoadProfiles.maxspeedKmh(way.tag("maxspeed"), zones: carSpeeds.zoneKmh)
                ?? Double(carSpeeds.defaultKmh[highway] ?? carSpeeds.fallbackKmh)
            return RoadWayAccess(forward: forward, backward: backward, carKmh: UInt8(min(255, max(1, kmh.rounded()))))
        }

        private func mayUse(_ way: OSMWay, highway: String, _ user: User) -> Bool {
            for rule in user.forbidding {
                if let value = way.tag(rule.key), rule.values.contains(value) { return false }
            }
            let decidingValue = user.accessKeys.lazy.compactMap { way.tag($0) }.first
            if let value = decidingValue {
                if forbidding.contains(value) { return false }
                if allowing.contains(value) {
                    return user.highways.contains(highway) || user.highwaysWhenAllowed.contains(highway)
                }
            }
            return user.highways.contains(highway)
        }

        private func directions(_ way: OSMWay, _ user: User) -> (forward: Bool, backward: Bool) {
            guard !user.onewayKeys.isEmpty else { return (true, true) }
            if let value = user.onewayKeys.lazy.compactMap({ way.tag($0) }).first {
                if forwardValues.contains(value) { return (true, false) }
                if backwardValues.contains(value) { return (false, true) }
                if bothValues.contains(value) { return (true, true) }
                return (false, false)
            }
            for rule in user.impliedOneway {
                if let value = way.tag(rule.key), rule.values.contains(value) { return (true, false) }
            }
            return (true, true)
        }
    }

    /// Reads a `maxspeed` value in km/h: `50`, `50 km/h`, `30 mph`, `10 knots`, a zone (`CN:urban`),
    /// or several separated by `;` (the lowest counts). `none`, `signals` and unreadable values: nil.
    public static func maxspeedKmh(_ value: String?, zones: [String: Int]) -> Double? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if value.contains(";") {
            return value.split(separator: ";").compactMap { maxspeedKmh(String($0), zones: zones) }.min()
        }
        if let zone = zones[value] { return Double(zone) }
        let number = value.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        guard let amount = Double(number), amount > 0 else { return nil }
        let unit = value.dropFirst(number.count).trimmingCharacters(in: .whitespaces).lowercased()
        switch unit {
        case "", "km/h", "kmh", "kph", "km": return amount
        case "mph": return amount * 1.609344
        case "knots": return amount * 1.852
        default: return nil
        }
    }

    /// Access of one way under these rules (for tests and for explaining a way to an operator).
    public func access(of way: OSMWay) -> RoadWayAccess? {
        Compiled(self).access(way)
    }
}
