/// The router's view of `TripTiming`: the vehicle's trip slots of a solution, timed.
enum Timetable {
    static func trips(ofVehicle v: Int, routes: [[Int]], model: SearchModel) -> [Trip] {
        let n = model.locationCount
        let times = model.travelTimes + model.vehicleKind[v] * model.kindStride
        let dists = model.distances + model.vehicleKind[v] * model.kindStride
        let first = model.firstRouteOfVehicle[v]
        return TripTiming.trips(
            Array(routes[first..<(first + model.vehicleTripCount[v])]), stops: model.problem.stops,
            vehicle: model.vehicleTiming[v],
            travelTime: { times[$0 * n + $1] }, distance: { dists[$0 * n + $1] })
    }
}

/// The soft continuity cost of arriving at another time than usual. Arrival times depend on the
/// whole timetable, which segment summaries do not capture, so this cost enters the genetic
/// search's ranking of whole solutions rather than the O(1) move evaluation.
struct ArrivalConsistency {
    let model: SearchModel
    let isActive: Bool

    init(model: SearchModel) {
        self.model = model
        isActive = model.problem.costs.arrivalDeviationPerSecond > 0
            && model.problem.stops.contains { $0.usualArrival != nil }
    }

    func cost(_ routes: [[Int]]) -> Double {
        guard isActive else { return 0 }
        var total = 0.0
        for v in 0..<model.vehicleCount {
            for trip in Timetable.trips(ofVehicle: v, routes: routes, model: model) {
                total += deviation(trip)
            }
        }
        return total
    }

    func deviation(_ trip: Trip) -> Double {
        var total = 0.0
        for (i, s) in trip.stops.enumerated() {
            if let usual = model.problem.stops[s].usualArrival {
                total += abs(trip.arrivals[i].value - usual.value) * model.problem.costs.arrivalDeviationPerSecond
            }
        }
        return total
    }
}
