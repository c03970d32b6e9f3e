/// What the solver returns: for every vehicle its trips with a timetable, the stops left
/// unserved and the cost.
public struct RoutingSolution: Sendable {
    /// One entry per vehicle of the problem, in the same order; unused vehicles have no trips.
    public var vehicleRoutes: [VehicleRoute]
    public var unservedStops: [Int]
    public var cost: CostBreakdown
    /// Whether every constraint holds (the unserved list may still be non-empty for optional
    /// stops, or for required stops that no feasible plan could take).
    public var isFeasible: Bool
    public var statistics: SolverStatistics

    public init(
        vehicleRoutes: [VehicleRoute], unservedStops: [Int], cost: CostBreakdown, isFeasible: Bool,
        statistics: SolverStatistics = SolverStatistics()
    ) {
        self.vehicleRoutes = vehicleRoutes
        self.unservedStops = unservedStops
        self.cost = cost
        self.isFeasible = isFeasible
        self.statistics = statistics
    }

    public var usedVehicleCount: Int { vehicleRoutes.filter { !$0.trips.isEmpty }.count }

    /// Stop sequences per vehicle and trip; the form the tests and the determinism check compare.
    public var stopSequences: [[[Int]]] { vehicleRoutes.map { $0.trips.map(\.stops) } }
}

public struct VehicleRoute: Sendable, Equatable {
    public var vehicle: Int
    public var trips: [Trip]

    public init(vehicle: Int, trips: [Trip]) {
        self.vehicle = vehicle
        self.trips = trips
    }
}

/// One round from the depot and back.
public struct Trip: Sendable, Equatable {
    public var departure: Seconds
    public var stops: [Int]
    /// Arrival at each stop's door (the meal leaves the box).
    public var arrivals: [Seconds]
    /// Start of service at each stop (later than arrival when the courier waits for the window).
    public var serviceStarts: [Seconds]
    /// Arrival back at the depot, before the reload time.
    public var returnTime: Seconds
    public var load: Load
    public var distance: Distance

    public init(
        departure: Seconds, stops: [Int], arrivals: [Seconds], serviceStarts: [Seconds],
        returnTime: Seconds, load: Load, distance: Distance
    ) {
        self.departure = departure
        self.stops = stops
        self.arrivals = arrivals
        self.serviceStarts = serviceStarts
        self.returnTime = returnTime
        self.load = load
        self.distance = distance
    }
}

public struct CostBreakdown: Sendable, Equatable {
    public var distance: Distance
    public var workingTime: Seconds
    public var travelCost: Double
    public var fixedCost: Double
    public var unservedPenalty: Double
    public var preferredVehiclePenalty: Double
    public var arrivalDeviationPenalty: Double

    public init(
        distance: Distance = .zero, workingTime: Seconds = .zero, travelCost: Double = 0,
        fixedCost: Double = 0, unservedPenalty: Double = 0, preferredVehiclePenalty: Double = 0,
        arrivalDeviationPenalty: Double = 0
    ) {
        self.distance = distance
        self.workingTime = workingTime
        self.travelCost = travelCost
        self.fixedCost = fixedCost
        self.unservedPenalty = unservedPenalty
        self.preferredVehiclePenalty = preferredVehiclePenalty
        self.arrivalDeviationPenalty = arrivalDeviationPenalty
    }

    public var total: Double {
        travelCost + fixedCost + unservedPenalty + preferredVehiclePenalty + arrivalDeviationPenalty
    }
}

public struct SolverStatistics: Sendable, Equatable {
    public var iterations: Int
    public var seconds: Double
    /// Whether the wall-clock limit, not the iteration budget, ended the search: then the result
    /// depends on how fast the machine was.
    public var reachedTimeLimit: Bool
    /// Improving local-search moves applied during the whole search.
    public var localSearchMoves: Int

    public init(iterations: Int = 0, seconds: Double = 0, reachedTimeLimit: Bool = false, localSearchMoves: Int = 0) {
        self.iterations = iterations
        self.localSearchMoves = localSearchMoves
        self.seconds = seconds
        self.reachedTimeLimit = reachedTimeLimit
    }
}
