import Foundation
import MealCore
import MealRouting

/// Builds and solves one canteen's delivery rounds: the canteen is the depot, its couriers
/// working that day are the vehicles, its delivery diners the stops.
struct CanteenRouting: Sendable {
    struct Outcome: Sendable {
        var rounds: [CourierRound]
        /// Diner ids the rounds could not take.
        var unrouted: [DinerID]
        var travelSeconds: Double
        /// The time guard, not the work budget, ended the search: the rounds depend on machine load.
        var cutShort = false
    }

    let canteen: Canteen
    let couriers: [Courier]
    let parameters: PlanningParameters
    let model: any TravelModel
    /// Last day's courier and arrival, per diner id.
    let previous: [DinerID: PreviousPlacement]
    /// Diners whose placement a coordinator locked, with their courier and trip position kept.
    let pinnedCourier: [DinerID: CourierID]

    func problem(for diners: [Diner]) -> RoutingProblem {
        let points = [canteen.location] + diners.map(\.location)
        var kinds: [VehicleKind] = []
        for courier in couriers where !kinds.contains(courier.vehicle) { kinds.append(courier.vehicle) }
        let routingKinds = kinds.map { vehicle in
            // One row per stop: a network model answers each row with one search.
            let rows = model.secondsMatrix(among: points, by: .courier(vehicle))
            return RoutingVehicleKind(
                name: vehicle.rawValue,
                travelTimes: TravelMatrix(size: points.count) { from, to in Double(rows[from][to] ?? 86_400) })
        }
        let vehicles = couriers.map { courier in
            RoutingVehicle(
                name: courier.id.rawValue, depot: 0, kind: kinds.firstIndex(of: courier.vehicle)!,
                capacity: Load(courier.capacity),
                shift: parameters.courierShift(courier), maxTrips: PlanningParameters.maxTripsPerCourier)
        }
        let radius = Double(parameters.radiusSeconds)
        let stops = diners.enumerated().map { index, diner in
            // Compatibility: only couriers whose direct trip is inside the circle.
            let allowed = couriers.indices.filter { v in
                routingKinds[vehicles[v].kind].travelTimes[0, index + 1] <= radius
            }
            let last = previous[diner.id]
            let preferred = last?.courierID.flatMap { id in couriers.firstIndex { $0.id == id } }
            let pinned = pinnedCourier[diner.id].flatMap { id in couriers.firstIndex { $0.id == id } }
            var stop = parameters.routingStop(for: diner, location: index + 1)
            // A stop a coordinator pinned to a courier must be served by it, not traded away.
            stop.isOptional = pinned == nil
            stop.priority = Double(diner.priority.rawValue + 1)
            stop.allowedVehicles = allowed
            stop.pinnedVehicle = pinned
            stop.preferredVehicle = preferred
            stop.usualArrival = last?.arrivalSeconds.map { Seconds(Double($0)) }
            return stop
        }
        return RoutingProblem(
            depots: [RoutingDepot(name: canteen.id.rawValue, location: 0, mealsReadyAt: Seconds(Double(parameters.readySeconds)))],
            stops: stops, vehicleKinds: routingKinds, vehicles: vehicles,
            maxTimeInBox: Seconds(Double(parameters.maxInBoxSeconds)),
            costs: CostWeights(perDistance: 1, unservedStop: 1_000_000, preferredVehicleMissed: 600,
                               arrivalDeviationPerSecond: 0.1))
    }

    /// - Parameter timeLimit: a guard against runaway only; the search ends on its work budget.
    func solve(_ diners: [Diner], seed: UInt64, timeLimit: Double) throws -> Outcome {
        guard !diners.isEmpty else { return Outcome(rounds: [], unrouted: [], travelSeconds: 0) }
        guard !couriers.isEmpty else { return Outcome(rounds: [], unrouted: diners.map(\.id), travelSeconds: 0) }
        let problem = problem(for: diners)
        // The search stops on a work budget that grows with the deliveries, so the same input and
        // seed give the same rounds on an idle or busy machine; the time limit only guards
        // against runaway, and the plan records when it fired.
        let solution = try RoutingSolver.solve(problem, parameters: SolverParameters(
            seed: seed, timeLimit: timeLimit, maxIterations: 20 * diners.count + 400,
            maxIterationsWithoutImprovement: 10 * diners.count + 200))
        // The planned time at the door is when service starts: a courier early for a diner's
        // window waits, and the diner sees them at the start of service.
        var rounds: [CourierRound] = []
        for route in solution.vehicleRoutes where !route.trips.isEmpty {
            rounds.append(CourierRound(
                courierID: couriers[route.vehicle].id, canteenID: canteen.id,
                trips: route.trips.map { trip in
                    CourierRound.Trip(
                        departSeconds: Int(trip.departure.value.rounded()),
                        returnSeconds: Int(trip.returnTime.value.rounded()),
                        stops: zip(trip.stops, trip.serviceStarts).map { (diners[$0].id, Int($1.value.rounded())) })
                }))
        }
        return Outcome(rounds: rounds, unrouted: solution.unservedStops.map { diners[$0].id },
                       travelSeconds: solution.cost.distance.value, cutShort: solution.statistics.reachedTimeLimit)
    }
}
