/// What the timing of a vehicle's day needs to know besides its stops.
public struct VehicleTiming: Sendable, Equatable {
    public var depotLocation: Int
    /// No trip leaves before this: the later of the shift start and the meals being ready.
    public var earliestDeparture: Seconds
    public var shift: RoutingTimeWindow
    /// Time spent at the depot after each trip before the next can leave.
    public var reloadTime: Seconds

    public init(depotLocation: Int, shift: RoutingTimeWindow, mealsReadyAt: Seconds, reloadTime: Seconds = 0) {
        self.depotLocation = depotLocation
        self.earliestDeparture = Seconds(max(shift.earliest.value, mealsReadyAt.value))
        self.shift = shift
        self.reloadTime = reloadTime
    }
}

/// The one rule that turns a vehicle's stop sequences into times. The router, the editing of a
/// plan and everything downstream use it, so a round is timed the same wherever it is timed.
public enum TripTiming {
    /// Times the non-empty trips of `sequences` (indices into `stops`), in order. Each trip leaves
    /// as late as is useful (no avoidable waiting with meals in the box) but not before the vehicle
    /// may leave or is back from the previous trip and reloaded; at a door it waits for the
    /// window to open, serves, and goes on.
    ///
    /// - Parameter keptDepartures: per entry of `sequences`, a departure to keep instead of the
    ///   useful one (still no earlier than the vehicle is available); `nil` or missing for none.
    public static func trips(
        _ sequences: [[Int]], stops: [RoutingStop], vehicle: VehicleTiming, keptDepartures: [Seconds?] = [],
        travelTime: (_ from: Int, _ to: Int) -> Double, distance: (_ from: Int, _ to: Int) -> Double
    ) -> [Trip] {
        let depot = vehicle.depotLocation
        let leaving = DurationSegment.depot(
            service: 0, window: (vehicle.earliestDeparture.value, vehicle.shift.latest.value))
        let returning = DurationSegment.depot(
            service: vehicle.reloadTime.value, window: (vehicle.shift.earliest.value, vehicle.shift.latest.value))
        var availableAt = vehicle.earliestDeparture.value
        var trips: [Trip] = []
        for (index, sequence) in sequences.enumerated() where !sequence.isEmpty {
            let departure: Double
            if index < keptDepartures.count, let kept = keptDepartures[index] {
                departure = max(availableAt, kept.value)
            } else {
                var segment = leaving
                var location = depot
                for s in sequence {
                    let stop = stops[s]
                    segment = DurationSegment.merge(segment, travelTime(location, stop.location), .stop(
                        service: stop.serviceTime.value, window: (stop.timeWindow.earliest.value, stop.timeWindow.latest.value)))
                    location = stop.location
                }
                segment = DurationSegment.merge(segment, travelTime(location, depot), returning)
                departure = max(availableAt, segment.earliestStart)
            }
            let trip = timeTrip(sequence, leavingAt: departure, stops: stops, depot: depot,
                                travelTime: travelTime, distance: distance)
            trips.append(trip)
            availableAt = trip.returnTime.value + vehicle.reloadTime.value
        }
        return trips
    }

    /// Follows one trip door to door from a given departure.
    static func timeTrip(
        _ sequence: [Int], leavingAt departure: Double, stops: [RoutingStop], depot: Int,
        travelTime: (Int, Int) -> Double, distance: (Int, Int) -> Double
    ) -> Trip {
        var time = departure
        var location = depot
        var arrivals: [Seconds] = [], starts: [Seconds] = []
        var travelled = 0.0
        var load = 0
        for s in sequence {
            let stop = stops[s]
            let arrival = time + travelTime(location, stop.location)
            travelled += distance(location, stop.location)
            let start = max(arrival, stop.timeWindow.earliest.value)
            arrivals.append(Seconds(arrival))
            starts.append(Seconds(start))
            time = start + stop.serviceTime.value
            location = stop.location
            load += stop.demand.meals
        }
        let back = time + travelTime(location, depot)
        travelled += distance(location, depot)
        return Trip(
            departure: Seconds(departure), stops: sequence, arrivals: arrivals, serviceStarts: starts,
            returnTime: Seconds(back), load: Load(load), distance: Distance(travelled))
    }
}
