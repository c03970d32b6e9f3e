import MealCore
import MealRouting

/// The translation of couriers and diners into the routing engine's timing inputs, shared by the
/// router, the editing of plans and the checker so that all of them time a round alike.
extension PlanningParameters {
    /// Trips a courier may make in one lunch service; four trips fill any lunch shift. A day-level
    /// rule, so routing and coordinators' edits read it from the same place.
    public static let maxTripsPerCourier = 4

    /// When a diner's meal may arrive: the diner's own window, else the default delivery window.
    public func deliveryWindow(of diner: Diner) -> (start: Int, end: Int) {
        diner.window.map { ($0.start.seconds, $0.end.seconds) } ?? (defaultWindowStart, defaultWindowEnd)
    }

    /// A delivery to `diner` at routing location `location`: one meal, the service time, the window.
    func routingStop(for diner: Diner, location: Int) -> RoutingStop {
        let window = deliveryWindow(of: diner)
        return RoutingStop(
            name: diner.id.rawValue, location: location, demand: 1, serviceTime: Seconds(Double(serviceSeconds)),
            timeWindow: RoutingTimeWindow(Seconds(Double(window.start)), Seconds(Double(window.end))))
    }

    /// The courier's shift, the meals being ready and no reload time, from the canteen at location 0.
    func vehicleTiming(for courier: Courier) -> VehicleTiming {
        VehicleTiming(depotLocation: 0, shift: courierShift(courier), mealsReadyAt: Seconds(Double(readySeconds)))
    }

    func courierShift(_ courier: Courier) -> RoutingTimeWindow {
        RoutingTimeWindow(Seconds(Double(courier.shift.start.seconds)), Seconds(Double(courier.shift.end.seconds)))
    }
}
