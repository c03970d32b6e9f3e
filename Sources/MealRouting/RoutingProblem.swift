/// A vehicle routing problem with time windows in the terms the meal service needs, kept free of
/// the domain model: the daily planner fills it from canteens, couriers and diners.
///
/// Locations are indices into the travel matrices of the vehicle kinds; depots and stops refer to
/// them, so several stops may share a door and a depot may share a location with a stop.
public struct RoutingProblem: Sendable {
    public var depots: [RoutingDepot]
    public var stops: [RoutingStop]
    public var vehicleKinds: [RoutingVehicleKind]
    public var vehicles: [RoutingVehicle]
    /// Longest time a meal may spend in the box between the trip leaving the depot and the
    /// courier arriving at the door; `nil` for no limit (benchmarks).
    public var maxTimeInBox: Seconds?
    public var costs: CostWeights

    public init(
        depots: [RoutingDepot], stops: [RoutingStop], vehicleKinds: [RoutingVehicleKind],
        vehicles: [RoutingVehicle], maxTimeInBox: Seconds? = Seconds(2700),
        costs: CostWeights = CostWeights()
    ) {
        self.depots = depots
        self.stops = stops
        self.vehicleKinds = vehicleKinds
        self.vehicles = vehicles
        self.maxTimeInBox = maxTimeInBox
        self.costs = costs
    }

    /// Restricts every stop to the vehicles for which `isAllowed` holds (e.g. diners who need a
    /// car with a wheelchair lift, or who must not be visited by a particular courier).
    public mutating func restrictVehicles(_ isAllowed: (RoutingStop, RoutingVehicle) -> Bool) {
        for s in stops.indices {
            let allowed = vehicles.indices.filter { isAllowed(stops[s], vehicles[$0]) }
            stops[s].allowedVehicles = allowed
        }
    }

    /// Whether `vehicle` may serve `stop`, combining the allowed list and a pin.
    public func canServe(stop: Int, vehicle: Int) -> Bool {
        let s = stops[stop]
        if let pinned = s.pinnedVehicle, pinned != vehicle { return false }
        if let allowed = s.allowedVehicles, !allowed.contains(vehicle) { return false }
        return true
    }

    public var locationCount: Int { vehicleKinds.first?.travelTimes.size ?? 0 }
}

/// A canteen: vehicles based here start and end every trip here.
public struct RoutingDepot: Sendable {
    public var name: String
    public var location: Int
    /// No trip leaves before the meals are cooked and packed.
    public var mealsReadyAt: Seconds

    public init(name: String, location: Int, mealsReadyAt: Seconds = .clock(10, 45)) {
        self.name = name
        self.location = location
        self.mealsReadyAt = mealsReadyAt
    }
}

/// A door to deliver meals to.
public struct RoutingStop: Sendable {
    public var name: String
    public var location: Int
    public var demand: Load
    public var serviceTime: Seconds
    /// Window in which service must start.
    public var timeWindow: RoutingTimeWindow
    /// An optional stop may be left unserved at a cost of `priority × costs.unservedStop`; a
    /// required one is only left out when no feasible plan serves it.
    public var isOptional: Bool
    public var priority: Double
    /// Vehicles allowed to serve this stop; `nil` allows all of them.
    public var allowedVehicles: [Int]?
    /// The stop must be served by this vehicle (kept by the solver, anywhere in its day).
    public var pinnedVehicle: Int?
    /// Continuity for the diner: the courier they know, penalised by `costs.preferredVehicleMissed`.
    public var preferredVehicle: Int?
    /// Continuity for the diner: the time the meal usually arrives, penalised per second of
    /// deviation by `costs.arrivalDeviationPerSecond`.
    public var usualArrival: Seconds?

    public init(
        name: String, location: Int, demand: Load = 1, serviceTime: Seconds = 120,
        timeWindow: RoutingTimeWindow = RoutingTimeWindow(.clock(11), .clock(12, 30)),
        isOptional: Bool = false, priority: Double = 1, allowedVehicles: [Int]? = nil,
        pinnedVehicle: Int? = nil, preferredVehicle: Int? = nil, usualArrival: Seconds? = nil
    ) {
        self.name = name
        self.location = location
        self.demand = demand
        self.serviceTime = serviceTime
        self.timeWindow = timeWindow
        self.isOptional = isOptional
        self.priority = priority
        self.allowedVehicles = allowedVehicles
        self.pinnedVehicle = pinnedVehicle
        self.preferredVehicle = preferredVehicle
        self.usualArrival = usualArrival
    }
}

/// A mode of transport with its own travel times (bicycle, car, van).
public struct RoutingVehicleKind: Sendable {
    public var name: String
    /// Travel time in seconds between locations.
    public var travelTimes: TravelMatrix
    /// Travelled distance between locations, used by the cost.
    public var distances: TravelMatrix

    public init(name: String, travelTimes: TravelMatrix, distances: TravelMatrix? = nil) {
        self.name = name
        self.travelTimes = travelTimes
        self.distances = distances ?? travelTimes
    }
}

/// A courier with a vehicle.
public struct RoutingVehicle: Sendable {
    public var name: String
    public var depot: Int
    public var kind: Int
    /// Meals that fit in the box on one trip.
    public var capacity: Load
    /// The courier leaves the depot no earlier than `shift.earliest` and is back by `shift.latest`.
    public var shift: RoutingTimeWindow
    /// Trips per day: after each trip the courier returns to the depot to reload.
    public var maxTrips: Int
    /// Time spent at the depot at the end of each trip (unloading boxes, reloading).
    public var reloadTime: Seconds
    /// Cost of using this courier at all.
    public var fixedCost: Double
    /// Stops that start the first trip of the day, in this order, kept as they are (e.g. already
    /// announced to the diners or already driven).
    public var lockedPrefix: [Int]

    public init(
        name: String, depot: Int = 0, kind: Int = 0, capacity: Load,
        shift: RoutingTimeWindow = RoutingTimeWindow(.clock(10, 30), .clock(14)), maxTrips: Int = 1,
        reloadTime: Seconds = 0, fixedCost: Double = 0, lockedPrefix: [Int] = []
    ) {
        self.name = name
        self.depot = depot
        self.kind = kind
        self.capacity = capacity
        self.shift = shift
        self.maxTrips = maxTrips
        self.reloadTime = reloadTime
        self.fixedCost = fixedCost
        self.lockedPrefix = lockedPrefix
    }
}

/// Weights of the objective. All costs are in one currency-like unit.
public struct CostWeights: Sendable {
    public var perDistance: Double
    /// Per second of a courier's working time (first departure to last return).
    public var perWorkingSecond: Double
    /// Cost of leaving an optional stop unserved, multiplied by its priority.
    public var unservedStop: Double
    public var preferredVehicleMissed: Double
    public var arrivalDeviationPerSecond: Double

    public init(
        perDistance: Double = 1, perWorkingSecond: Double = 0, unservedStop: Double = 100_000,
        preferredVehicleMissed: Double = 0, arrivalDeviationPerSecond: Double = 0
    ) {
        self.perDistance = perDistance
        self.perWorkingSecond = perWorkingSecond
        self.unservedStop = unservedStop
        self.preferredVehicleMissed = preferredVehicleMissed
        self.arrivalDeviationPerSecond = arrivalDeviationPerSecond
    }
}

public enum RoutingProblemError: Error, Equatable, CustomStringConvertible {
    case invalidReference(String)
    case inconsistentLock(String)

    public var description: String {
        switch self {
        case .invalidReference(let what): return "invalid reference: \(what)"
        case .inconsistentLock(let what): return "inconsistent locked prefix: \(what)"
        }
    }
}

extension RoutingProblem {
    /// Rejects problems whose indices do not line up, so the solver can index without checks.
    public func validate() throws {
        let locations = locationCount
        for (k, kind) in vehicleKinds.enumerated()
        where kind.travelTimes.size != locations || kind.distances.size != locations {
            throw RoutingProblemError.invalidReference("vehicle kind \(k) matrix size")
        }
        for (d, depot) in depots.enumerated() where !(0..<locations).contains(depot.location) {
            throw RoutingProblemError.invalidReference("depot \(d) location \(depot.location)")
        }
        for (s, stop) in stops.enumerated() {
            if !(0..<locations).contains(stop.location) {
                throw RoutingProblemError.invalidReference("stop \(s) location \(stop.location)")
            }
            for v in (stop.allowedVehicles ?? []) + [stop.pinnedVehicle, stop.preferredVehicle].compactMap({ $0 })
            where !vehicles.indices.contains(v) {
                throw RoutingProblemError.invalidReference("stop \(s) refers to vehicle \(v)")
            }
        }
        var locked = Set<Int>()
        for (v, vehicle) in vehicles.enumerated() {
            if !depots.indices.contains(vehicle.depot) || !vehicleKinds.indices.contains(vehicle.kind) {
                throw RoutingProblemError.invalidReference("vehicle \(v) depot or kind")
            }
            if vehicle.maxTrips < 1 {
                throw RoutingProblemError.invalidReference("vehicle \(v) has no trips")
            }
            for s in vehicle.lockedPrefix {
                guard stops.indices.contains(s) else {
                    throw RoutingProblemError.invalidReference("vehicle \(v) locks stop \(s)")
                }
                guard locked.insert(s).inserted else {
                    throw RoutingProblemError.inconsistentLock("stop \(s) locked twice")
                }
                guard canServe(stop: s, vehicle: v) else {
                    throw RoutingProblemError.inconsistentLock("stop \(s) locked to vehicle \(v) that may not serve it")
                }
            }
        }
    }
}
