/// Turns stop sequences into times: each trip leaves as late as useful (no avoidable waiting with
/// meals in the box) but not before the courier is back from the previous trip and reloaded.
enum Timetable {
    static func trips(ofVehicle v: Int, routes: [[Int]], model: SearchModel) -> [Trip] {
        let n = model.locationCount
        let times = model.travelTimes + model.vehicleKind[v] * model.kindStride
        let dists = model.distances + model.vehicleKind[v] * model.kindStride
        let depot = model.vehicleDepotLocation[v]
        let reload = model.problem.vehicles[v].reloadTime.value
        var availableAt = model.departureSegment[v].earliestStart
        var trips: [Trip] = []
        let first = model.firstRouteOfVehicle[v]
        for r in first..<(first + model.vehicleTripCount[v]) where !routes[r].isEmpty {
            let stops = routes[r]
            var segment = model.departureSegment[v]
            var location = depot
            for s in stops {
                segment = DurationSegment.merge(segment, times[location * n + model.stopLocation[s]], model.stopSegment[s])
                location = model.stopLocation[s]
            }
            segment = DurationSegment.merge(segment, times[location * n + depot], model.returnSegment[v])
            let departure = max(availableAt, segment.earliestStart)
            var time = departure
            location = depot
            var arrivals: [Seconds] = [], starts: [Seconds] = []
            var distance = 0.0
            var load = 0
            for s in stops {
                let stop = model.problem.stops[s]
                let arrival = time + times[location * n + stop.location]
                distance += dists[location * n + stop.location]
                let start = max(arrival, stop.timeWindow.earliest.value)
                arrivals.append(Seconds(arrival))
                starts.append(Seconds(start))
                time = start + stop.serviceTime.value
                location = stop.location
                load += stop.demand.meals
            }
            let back = time + times[location * n + depot]
            distance += dists[location * n + depot]
            trips.append(Trip(
                departure: Seconds(departure), stops: stops, arrivals: arrivals, serviceStarts: starts,
                returnTime: Seconds(back), load: Load(load), distance: Distance(distance)))
            availableAt = back + reload
        }
        return trips
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
