import MealCore

/// How many meals a canteen's couriers can take out in one lunch service, estimated before any
/// route is built: each working courier makes as many trips of a full box as fit between the
/// later of shift start and meals-ready and the earlier of shift end and the end of the default
/// delivery window; one trip takes `2 × trip_leg_s + capacity × (service_s + stop_gap_s)`.
/// A courier whose usable time is shorter than one full trip still carries the meals that fit.
/// The router then decides the real rounds; diners it cannot fit go to another canteen.
public enum DeliveryCapacity {
    /// Within the documented ranges (a box of at most 200 meals, at most 1,800 + 3,600 s a door,
    /// legs of at most 3,600 s, times inside the day) every figure here stays below 2 million.
    public static func meals(of courier: Courier, parameters p: PlanningParameters) -> Int {
        let start = max(courier.shift.start.seconds, p.readySeconds)
        let end = min(courier.shift.end.seconds, p.defaultWindowEnd + p.tripLegSeconds)
        let usable = end - start
        let perMeal = p.serviceSeconds + p.stopGapSeconds
        let trip = 2 * p.tripLegSeconds + courier.capacity * perMeal
        guard usable > 2 * p.tripLegSeconds else { return 0 }
        // A trip that takes no time at all (every estimate set to zero) is limited by the trips
        // a courier may make, not by the clock.
        guard trip > 0 else { return courier.capacity * PlanningParameters.maxTripsPerCourier }
        let fullTrips = usable / trip
        let rest = usable - fullTrips * trip
        let partial = rest <= 2 * p.tripLegSeconds ? 0
            : perMeal == 0 ? courier.capacity : min(courier.capacity, (rest - 2 * p.tripLegSeconds) / perMeal)
        return fullTrips * courier.capacity + partial
    }

    public static func meals(ofCanteen canteenIndex: Int, reach: ServiceReach) -> Int {
        reach.couriersByCanteen[canteenIndex].reduce(0) { $0 + meals(of: reach.couriers[$1], parameters: reach.parameters) }
    }
}
