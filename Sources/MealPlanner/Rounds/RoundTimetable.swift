import MealCore
import MealRouting

/// Times a courier's day from its stop order with the routing engine's rule (`TripTiming`), so a
/// round a coordinator edited is timed exactly as the router would time it, and says which rules
/// the timed round breaks. Coordinators' edits use it to re-time a round after a change.
struct RoundTimetable {
    let courier: Courier
    let canteen: Canteen
    let parameters: PlanningParameters
    let model: any TravelModel
    let diners: [DinerID: Diner]
    /// Leg times already asked of the model in a batch, in seconds (86,400 for a leg it cannot
    /// make); other legs are asked pair by pair.
    var knownLegs: [TravelLeg: Int] = [:]

    struct TravelLeg: Hashable {
        let from: GeoPoint
        let to: GeoPoint
    }

    struct Timed {
        var trips: [CourierRound.Trip]
        /// Seconds on the road, for choosing between insertions.
        var travelSeconds: Int
        /// Each broken rule as a short phrase; empty when the round is feasible.
        var problems: [String]
        var isFeasible: Bool { problems.isEmpty }
    }

    func travel(_ from: GeoPoint, _ to: GeoPoint) -> Int {
        knownLegs[TravelLeg(from: from, to: to)] ?? model.seconds(from: from, to: to, by: .courier(courier.vehicle)) ?? 86_400
    }

    /// This timetable with every leg between the canteen and `dinerIDs` asked in one matrix (one
    /// search per place on a road network), for a search that times many orders of them.
    func withLegs(among dinerIDs: [DinerID]) -> RoundTimetable {
        var seen = Set<GeoPoint>()
        let points = ([canteen.location] + dinerIDs.compactMap { diners[$0]?.location }).filter { seen.insert($0).inserted }
        let rows = model.secondsMatrix(among: points, by: .courier(courier.vehicle))
        var copy = self
        for (i, from) in points.enumerated() {
            for (j, to) in points.enumerated() { copy.knownLegs[TravelLeg(from: from, to: to)] = rows[i][j] ?? 86_400 }
        }
        return copy
    }

    /// - Parameter keepDepartures: departure times the trips had before an edit; a trip keeps
    ///   its time when it still works, so the diners already on it keep theirs.
    func time(_ trips: [[DinerID]], keepDepartures: [Int] = []) -> Timed {
        if !keepDepartures.isEmpty {
            let kept = time(trips, departures: keepDepartures)
            if kept.isFeasible { return kept }
        }
        return time(trips, departures: [])
    }

    private func time(_ trips: [[DinerID]], departures: [Int]) -> Timed {
        var problems: [String] = []
        // Routing locations: 0 is the canteen, then the homes in the order they are visited.
        var points = [canteen.location]
        var stops: [RoutingStop] = []
        var sequences: [[Int]] = []
        for (tripIndex, ids) in trips.enumerated() {
            let homes = ids.compactMap { diners[$0] }
            guard homes.count == ids.count else {
                problems.append("unknown diner on trip \(tripIndex + 1)")
                sequences.append([])
                continue
            }
            if ids.count > courier.capacity {
                problems.append("trip \(tripIndex + 1) carries \(ids.count) meals in a box of \(courier.capacity)")
            }
            sequences.append(homes.map { diner in
                stops.append(parameters.routingStop(for: diner, location: points.count))
                points.append(diner.location)
                return stops.count - 1
            })
        }
        let legs = { (from: Int, to: Int) in Double(travel(points[from], points[to])) }
        let timed = TripTiming.trips(
            sequences, stops: stops, vehicle: parameters.vehicleTiming(for: courier),
            keptDepartures: departures.map { Seconds(Double($0)) }, travelTime: legs, distance: legs)
        let tripNumbers = sequences.indices.filter { !sequences[$0].isEmpty }.map { $0 + 1 }
        var rounds: [CourierRound.Trip] = []
        var travelTotal = 0
        for (number, trip) in zip(tripNumbers, timed) {
            let depart = whole(trip.departure), back = whole(trip.returnTime)
            var stopTimes: [(dinerID: DinerID, arrivalSeconds: Int)] = []
            for (position, s) in trip.stops.enumerated() {
                let diner = diners[DinerID(stops[s].name)]!
                let arrival = whole(trip.arrivals[position]), service = whole(trip.serviceStarts[position])
                let end = whole(stops[s].timeWindow.latest)
                if service > end { problems.append("\(diner.name) at \(OperatorText.minuteClock(service)) after the window ends at \(OperatorText.minuteClock(end))") }
                if arrival - depart > parameters.maxInBoxSeconds {
                    problems.append("\(diner.name)'s meal \((arrival - depart + 59) / 60) min in the box")
                }
                stopTimes.append((diner.id, service))
            }
            if back > courier.shift.end.seconds { problems.append("trip \(number) back at \(OperatorText.minuteClock(back)), after the shift") }
            travelTotal += whole(trip.distance.value)
            rounds.append(CourierRound.Trip(departSeconds: depart, returnSeconds: back, stops: stopTimes))
        }
        return Timed(trips: rounds, travelSeconds: travelTotal, problems: problems)
    }

    private func whole(_ time: Seconds) -> Int { whole(time.value) }
    private func whole(_ value: Double) -> Int { Int(value.rounded()) }

    /// The cheapest place for `dinerID` in the round (any trip and position, or a new trip at
    /// the end); nil when no place keeps the round feasible, unless `allowInfeasible`.
    func bestInsertion(of dinerID: DinerID, into trips: [[DinerID]], allowInfeasible: Bool = false)
        -> (trips: [[DinerID]], timed: Timed)? {
        let table = withLegs(among: trips.flatMap { $0 } + [dinerID])
        return table.bestInsertion(timed: dinerID, into: trips, allowInfeasible: allowInfeasible)
    }

    private func bestInsertion(timed dinerID: DinerID, into trips: [[DinerID]], allowInfeasible: Bool)
        -> (trips: [[DinerID]], timed: Timed)? {
        let base = time(trips).travelSeconds
        var best: (trips: [[DinerID]], timed: Timed, cost: Int)?
        var candidates: [[[DinerID]]] = []
        for t in trips.indices {
            for position in 0...trips[t].count {
                var changed = trips
                changed[t].insert(dinerID, at: position)
                candidates.append(changed)
            }
        }
        if trips.count < PlanningParameters.maxTripsPerCourier { candidates.append(trips + [[dinerID]]) }
        for candidate in candidates {
            let timed = time(candidate)
            guard timed.isFeasible || allowInfeasible else { continue }
            let cost = timed.travelSeconds - base + (timed.isFeasible ? 0 : 1_000_000 * timed.problems.count)
            if best == nil || cost < best!.cost { best = (candidate, timed, cost) }
        }
        return best.map { ($0.trips, $0.timed) }
    }
}
