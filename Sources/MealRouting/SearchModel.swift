/// The problem compiled into flat arrays for the search: index arithmetic instead of structs and
/// optionals in the inner loops. Built once per solve and shared read-only.
final class SearchModel: @unchecked Sendable {
    let problem: RoutingProblem
    let stopCount: Int
    let vehicleCount: Int
    let locationCount: Int

    // Per stop.
    let stopLocation: [Int]
    let stopDemand: [Double]
    let stopSegment: [DurationSegment]
    /// Cost of leaving the stop out; effectively infinite for required stops.
    let unservedCost: [Double]
    let isRequired: [Bool]
    /// Preferred-vehicle penalty for serving stop `s` with vehicle `v`, at `s * vehicleCount + v`.
    let vehicleMismatchCost: [Double]
    /// Whether vehicle `v` may serve stop `s`, at `s * vehicleCount + v`.
    let allowed: [Bool]
    let hasVehicleRestrictions: Bool
    let hasPreferredVehicles: Bool
    /// Vehicles with the same profile (kind, depot, return window) can take over each other's
    /// route tails with the cached summaries; others need the tail replayed.
    let vehicleProfile: [Int]

    // Per vehicle.
    let vehicleKind: [Int]
    let vehicleDepotLocation: [Int]
    let vehicleCapacity: [Double]
    let vehicleFixedCost: [Double]
    let vehicleTripCount: [Int]
    let departureSegment: [DurationSegment]
    let returnSegment: [DurationSegment]
    let vehicleTiming: [VehicleTiming]
    let lockedPrefix: [[Int]]
    /// Route slots: every vehicle has `maxTrips` consecutive slots, one per trip.
    let firstRouteOfVehicle: [Int]
    let routeVehicle: [Int]
    let routeTrip: [Int]
    let routeCount: Int

    // Travel data of all kinds, `[kind][from][to]` flattened; raw pointers keep bounds checks and
    // reference counting out of the move evaluation.
    let travelTimes: UnsafeMutablePointer<Double>
    let distances: UnsafeMutablePointer<Double>
    let kindStride: Int

    let distanceWeight: Double
    /// Whether every kind's distances are the same in both directions.
    let isSymmetric: Bool
    let workingTimeWeight: Double
    let maxTimeInBox: Double
    /// Nearest stops of every stop by a time-window aware proximity (granular neighbourhood).
    let neighbours: [[Int]]

    init(_ problem: RoutingProblem, neighbourCount: Int) {
        self.problem = problem
        stopCount = problem.stops.count
        vehicleCount = problem.vehicles.count
        locationCount = problem.locationCount
        let stops = problem.stops
        stopLocation = stops.map(\.location)
        stopDemand = stops.map { Double($0.demand.meals) }
        stopSegment = stops.map {
            .stop(service: $0.serviceTime.value, window: ($0.timeWindow.earliest.value, $0.timeWindow.latest.value))
        }
        let lockedStops = Set(problem.vehicles.flatMap(\.lockedPrefix))
        // Pinned and locked stops are kept by the solver, so they count as required.
        let required = stops.indices.map {
            !stops[$0].isOptional || stops[$0].pinnedVehicle != nil || lockedStops.contains($0)
        }
        isRequired = required
        // Required stops dominate any travel cost, so they are only dropped when nothing else works.
        unservedCost = stops.indices.map { required[$0] ? 1e9 : stops[$0].priority * problem.costs.unservedStop }
        var mismatch = [Double](repeating: 0, count: stops.count * problem.vehicles.count)
        var allowed = [Bool](repeating: true, count: stops.count * problem.vehicles.count)
        var restricted = false
        for s in stops.indices {
            for v in problem.vehicles.indices {
                if let preferred = stops[s].preferredVehicle, preferred != v {
                    mismatch[s * problem.vehicles.count + v] = problem.costs.preferredVehicleMissed
                }
                if !problem.canServe(stop: s, vehicle: v) {
                    allowed[s * problem.vehicles.count + v] = false
                    restricted = true
                }
            }
        }
        vehicleMismatchCost = mismatch
        self.allowed = allowed
        hasVehicleRestrictions = restricted
        hasPreferredVehicles = problem.costs.preferredVehicleMissed != 0 && stops.contains { $0.preferredVehicle != nil }

        let vehicles = problem.vehicles
        vehicleKind = vehicles.map(\.kind)
        vehicleDepotLocation = vehicles.map { problem.depots[$0.depot].location }
        vehicleCapacity = vehicles.map { Double($0.capacity.meals) }
        vehicleFixedCost = vehicles.map(\.fixedCost)
        vehicleTripCount = vehicles.map(\.maxTrips)
        departureSegment = vehicles.map { vehicle in
            let ready = max(vehicle.shift.earliest.value, problem.depots[vehicle.depot].mealsReadyAt.value)
            return .depot(service: 0, window: (ready, vehicle.shift.latest.value))
        }
        returnSegment = vehicles.map { vehicle in
            .depot(service: vehicle.reloadTime.value, window: (vehicle.shift.earliest.value, vehicle.shift.latest.value))
        }
        vehicleTiming = vehicles.map { vehicle in
            VehicleTiming(depotLocation: problem.depots[vehicle.depot].location, shift: vehicle.shift,
                          mealsReadyAt: problem.depots[vehicle.depot].mealsReadyAt, reloadTime: vehicle.reloadTime)
        }
        lockedPrefix = vehicles.map(\.lockedPrefix)
        var profiles: [String: Int] = [:]
        vehicleProfile = vehicles.map { vehicle in
            let key = "\(vehicle.kind)/\(problem.depots[vehicle.depot].location)/\(vehicle.shift.earliest.value)/\(vehicle.shift.latest.value)/\(vehicle.reloadTime.value)"
            if let id = profiles[key] { return id }
            profiles[key] = profiles.count
            return profiles.count - 1
        }
        var first: [Int] = []
        var routeVehicle: [Int] = []
        var routeTrip: [Int] = []
        for (v, vehicle) in vehicles.enumerated() {
            first.append(routeVehicle.count)
            for t in 0..<vehicle.maxTrips {
                routeVehicle.append(v)
                routeTrip.append(t)
            }
        }
        firstRouteOfVehicle = first
        self.routeVehicle = routeVehicle
        self.routeTrip = routeTrip
        routeCount = routeVehicle.count

        let n = problem.locationCount
        kindStride = n * n
        let kinds = problem.vehicleKinds.count
        travelTimes = .allocate(capacity: max(1, kinds * n * n))
        distances = .allocate(capacity: max(1, kinds * n * n))
        for (k, kind) in problem.vehicleKinds.enumerated() {
            for i in 0..<(n * n) {
                travelTimes[k * n * n + i] = kind.travelTimes.values[i]
                distances[k * n * n + i] = kind.distances.values[i]
            }
        }
        distanceWeight = problem.costs.perDistance
        isSymmetric = problem.vehicleKinds.allSatisfy { kind in
            (0..<n).allSatisfy { i in (0..<i).allSatisfy { j in kind.distances[i, j] == kind.distances[j, i] } }
        }
        workingTimeWeight = problem.costs.perWorkingSecond
        maxTimeInBox = problem.maxTimeInBox?.value ?? .infinity
        neighbours = SearchModel.nearestNeighbours(problem, count: neighbourCount)
    }

    deinit {
        travelTimes.deallocate()
        distances.deallocate()
    }

    /// Proximity after Vidal et al. (2013) as used by PyVRP: travel cost plus a fraction of the
    /// least unavoidable waiting plus the least unavoidable lateness, so stops whose windows do
    /// not fit one after the other are not treated as neighbours.
    private static func nearestNeighbours(_ problem: RoutingProblem, count: Int) -> [[Int]] {
        let stops = problem.stops
        let kind = problem.vehicleKinds[0]
        let n = stops.count
        var proximity = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            let a = stops[i]
            for j in 0..<n where j != i {
                let b = stops[j]
                let travel = kind.travelTimes[a.location, b.location]
                let wait = max(b.timeWindow.earliest.value - travel - a.serviceTime.value - a.timeWindow.latest.value, 0)
                let warp = max(a.timeWindow.earliest.value + a.serviceTime.value + travel - b.timeWindow.latest.value, 0)
                proximity[i * n + j] = problem.costs.perDistance * kind.distances[a.location, b.location]
                    + problem.costs.perWorkingSecond * travel + 0.2 * wait + 1.0 * warp
            }
        }
        return (0..<n).map { i in
            let others = (0..<n).filter { $0 != i }
            // Symmetric: a pair is as close as its closer direction.
            let sorted = others.sorted {
                let p = min(proximity[i * n + $0], proximity[$0 * n + i])
                let q = min(proximity[i * n + $1], proximity[$1 * n + i])
                return p != q ? p < q : $0 < $1
            }
            return Array(sorted.prefix(count))
        }
    }

    @inline(__always)
    func canServe(_ stop: Int, _ vehicle: Int) -> Bool {
        !hasVehicleRestrictions || allowed[stop * vehicleCount + vehicle]
    }
}
