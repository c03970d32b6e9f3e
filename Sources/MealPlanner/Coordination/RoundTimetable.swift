import MealCore

/// Times a courier's day from its stop order alone, the way the routing engine does: each trip
/// leaves as late as is useful (no earlier than the meals are ready, the shift starts and the
/// previous trip is back), a courier early for a window waits, and the meal must reach the door
/// within the box limit. Coordinators' edits use it to re-time a round after a change.
struct RoundTimetable {
    let courier: Courier
    let canteen: Canteen
    let parameters: PlanningParameters
    let model: any TravelModel
    let diners: [String: Diner]

    struct Timed {
        var trips: [CourierRound.Trip]
        /// Seconds on the road, for choosing between insertions.
        var travelSeconds: Int
        /// Each broken rule as a short phrase; empty when the round is feasible.
        var problems: [String]
        var isFeasible: Bool { problems.isEmpty }
    }

    func travel(_ from: GeoPoint, _ to: GeoPoint) -> Int {
        model.seconds(from: from, to: to, by: .courier(courier.vehicle)) ?? 86_400
    }

    func window(of diner: Diner) -> (start: Int, end: Int) {
        diner.window.map { ($0.start.seconds, $0.end.seconds) } ?? (parameters.defaultWindowStart, parameters.defaultWindowEnd)
    }

    /// - Parameter keepDepartures: departure times the trips had before an edit; a trip keeps
    ///   its time when it still works, so the diners already on it keep theirs.
    func time(_ trips: [[String]], keepDepartures: [Int] = []) -> Timed {
        if !keepDepartures.isEmpty {
            let kept = time(trips, departures: keepDepartures)
            if kept.isFeasible { return kept }
        }
        return time(trips, departures: [])
    }

    private func time(_ trips: [[String]], departures: [Int]) -> Timed {
        var timed: [CourierRound.Trip] = []
        var problems: [String] = []
        var travelTotal = 0
        var available = max(courier.shift.start.seconds, parameters.readySeconds)
        for (tripIndex, stops) in trips.enumerated() where !stops.isEmpty {
            let homes = stops.compactMap { diners[$0] }
            guard homes.count == stops.count else { problems.append("unknown diner on trip \(tripIndex + 1)"); continue }
            if stops.count > courier.capacity {
                problems.append("trip \(tripIndex + 1) carries \(stops.count) meals in a box of \(courier.capacity)")
            }
            // Leave late enough that the courier does not wait at the first door.
            let firstLeg = travel(canteen.location, homes[0].location)
            let usefulDeparture = tripIndex < departures.count ? departures[tripIndex] : window(of: homes[0]).start - firstLeg
            let depart = max(available, usefulDeparture)
            var clock = depart, here = canteen.location
            var stopTimes: [(dinerID: String, arrivalSeconds: Int)] = []
            for diner in homes {
                let leg = travel(here, diner.location)
                travelTotal += leg
                clock += leg
                let arrival = clock
                let (start, end) = window(of: diner)
                let service = max(arrival, start)
                if service > end { problems.append("\(diner.name) at \(OperatorText.minuteClock(service)) after the window ends at \(OperatorText.minuteClock(end))") }
                if arrival - depart > parameters.maxInBoxSeconds {
                    problems.append("\(diner.name)'s meal \((arrival - depart + 59) / 60) min in the box")
                }
                stopTimes.append((diner.id, service))
                clock = service + parameters.serviceSeconds
                here = diner.location
            }
            let back = travel(here, canteen.location)
            travelTotal += back
            clock += back
            if clock > courier.shift.end.seconds { problems.append("trip \(tripIndex + 1) back at \(OperatorText.minuteClock(clock)), after the shift") }
            timed.append(CourierRound.Trip(departSeconds: depart, returnSeconds: clock, stops: stopTimes))
            available = clock
        }
        return Timed(trips: timed, travelSeconds: travelTotal, problems: problems)
    }

    /// The cheapest place for `dinerID` in the round (any trip and position, or a new trip at
    /// the end); nil when no place keeps the round feasible, unless `allowInfeasible`.
    func bestInsertion(of dinerID: String, into trips: [[String]], allowInfeasible: Bool = false)
        -> (trips: [[String]], timed: Timed)? {
        let base = time(trips).travelSeconds
        var best: (trips: [[String]], timed: Timed, cost: Int)?
        var candidates: [[[String]]] = []
        for t in trips.indices {
            for position in 0...trips[t].count {
                var changed = trips
                changed[t].insert(dinerID, at: position)
                candidates.append(changed)
            }
        }
        if trips.count < CanteenRouting.maxTrips { candidates.append(trips + [[dinerID]]) }
        for candidate in candidates {
            let timed = time(candidate)
            guard timed.isFeasible || allowInfeasible else { continue }
            let cost = timed.travelSeconds - base + (timed.isFeasible ? 0 : 1_000_000 * timed.problems.count)
            if best == nil || cost < best!.cost { best = (candidate, timed, cost) }
        }
        return best.map { ($0.trips, $0.timed) }
    }
}
