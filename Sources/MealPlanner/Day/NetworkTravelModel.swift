import Foundation
import MealCore
import MealRoads

/// Travel times along the imported streets (issue 13): each mode is a road user at a speed from
/// the planning parameters, each place is snapped once per road user, and every batched
/// question is one bounded search per origin (docs/planning.md, "Road network").
public struct NetworkTravelModel: TravelModel {
    public let roads: NetworkRoads
    public let parameters: PlanningParameters

    public init(roads: NetworkRoads, parameters: PlanningParameters = .standard) {
        self.roads = roads
        self.parameters = parameters
    }

    public var identity: TravelModelIdentity { .network(digest: roads.digest) }
    public var router: RoadRouter { roads.router }

    /// The road user and speed (m/s) of a mode; nil when the mode does not travel (a bedridden
    /// diner walking).
    public func traveller(_ mode: TravelMode) -> (user: RoadUser, metresPerSecond: Double)? {
        switch mode {
        case .walking(let mobility):
            guard let speed = parameters.walkingSpeed(for: mobility), speed > 0 else { return nil }
            switch mobility {
            case .independent: return (.foot, speed)
            case .walker: return (.walker, speed)
            case .wheelchair: return (.wheelchair, speed)
            case .bedridden: return nil
            }
        case .courier(let vehicle):
            let speed = parameters.speed(of: vehicle)
            switch vehicle {
            case .walk: return (.foot, speed)
            case .bicycle, .ebike, .tricycle: return (.cycle, speed)
            // The car's own speed caps every road's speed (RoadCostModel).
            case .car: return (.car, speed)
            }
        }
    }

    func snap(_ point: GeoPoint, _ user: RoadUser) -> RoadSnap? {
        roads.snaps.snap(point, for: user, router: router)
    }

    /// The journey by `mode`, with why it cannot be made; nil when the mode does not travel.
    public func journey(from origin: GeoPoint, to destination: GeoPoint, by mode: TravelMode) -> RoadJourney? {
        guard let (user, speed) = traveller(mode) else { return nil }
        return router.journeys(
            from: snap(origin, user), to: [snap(destination, user)], user: user, metresPerSecond: speed)[0]
    }

    public func seconds(from origin: GeoPoint, to destination: GeoPoint, by mode: TravelMode) -> Int? {
        journey(from: origin, to: destination, by: mode)?.seconds
    }

    /// Metres walked along the streets (the foot network); the great-circle distance when no
    /// walk joins the places, so a report always has a figure.
    public func metres(from origin: GeoPoint, to destination: GeoPoint) -> Double {
        journey(from: origin, to: destination, by: .courier(.walk))?.metres ?? origin.greatCircleMetres(to: destination)
    }

    public func seconds(from origin: GeoPoint, toEach destinations: [GeoPoint], by mode: TravelMode,
                        within limitSeconds: Int?) -> [Int?] {
        guard let (user, speed) = traveller(mode) else { return destinations.map { _ in nil } }
        return router.journeys(
            from: snap(origin, user), to: destinations.map { snap($0, user) }, user: user, metresPerSecond: speed,
            limitSeconds: limitSeconds
        ).map(\.seconds)
    }

    public func seconds(fromEach origins: [GeoPoint], to destination: GeoPoint, by mode: TravelMode,
                        within limitSeconds: Int?) -> [Int?] {
        guard let (user, speed) = traveller(mode) else { return origins.map { _ in nil } }
        let target = snap(destination, user)
        let origins = origins.map { snap($0, user) }
        // Every way going both ways for this user, the times from the destination are the same
        // figures (whole centimetres, the same sum either way); otherwise the search from the
        // destination runs on the streets turned round. Snaps are the same on both.
        let search = roads.twoWayUsers.contains(user) ? router : roads.reversedRouter ?? router
        return search.journeys(
            from: target, to: origins, user: user, metresPerSecond: speed, limitSeconds: limitSeconds
        ).map(\.seconds)
    }

    public func secondsMatrix(among points: [GeoPoint], by mode: TravelMode) -> [[Int?]] {
        guard let (user, speed) = traveller(mode) else { return points.map { _ in points.map { _ in nil } } }
        let snaps = points.map { snap($0, user) }
        return snaps.map { origin in
            router.journeys(from: origin, to: snaps, user: user, metresPerSecond: speed).map(\.seconds)
        }
    }

    /// Every leg of a journey (the walk or ride onto the street, the streets, the leg off it)
    /// is at most the traveller's speed (a car's speed caps every road's), and the legs together
    /// are no shorter than the great circle between the ends. 2% and 50 m of slack cover the
    /// flat-earth reckoning of the caller and the rounding of seconds.
    public func crowFliesLimitMetres(within seconds: Int, by mode: TravelMode) -> Double? {
        guard let (_, speed) = traveller(mode) else { return 0 }
        return Double(seconds + 1) * speed * 1.02 + 50
    }

    /// A bedridden diner does not walk; their home is judged on the foot network.
    public func placement(of point: GeoPoint, by mode: TravelMode) -> TravelPlacement {
        let user = traveller(mode)?.user ?? .foot
        guard let snap = snap(point, user) else { return .offNetwork(limitMetres: router.snapLimitMetres) }
        return .onNetwork(snapMetres: snap.distanceMetres)
    }
}
