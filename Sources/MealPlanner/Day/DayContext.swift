import MealCore

/// The day every planning step shares: the service day (what is open, who works, who eats, the
/// coordinators' exceptions), the planning parameters the figures come from, and the travel model
/// those parameters give. The planner, the editor and the checker each take one, so a round is
/// reached, timed and judged against the same day.
public struct DayContext: Sendable {
    /// Coordinators' exceptions may be added during an edit (an absence, a closure).
    public var day: ServiceDay
    public let parameters: PlanningParameters
    public let travel: any TravelModel

    /// - Parameter travel: the travel model; by default the great-circle model of `parameters`.
    public init(day: ServiceDay, parameters: PlanningParameters, travel: (any TravelModel)? = nil) {
        self.day = day
        self.parameters = parameters
        self.travel = travel ?? GreatCircleTravelModel(parameters: parameters)
    }

    /// Who can reach which canteen on this day, through this day's travel model.
    public func reach(canteens: [Canteen], couriers: [Courier]) -> ServiceReach {
        ServiceReach(canteens: canteens, couriers: couriers, parameters: parameters, day: day, model: travel)
    }
}
