import MealCore

/// Where a diner ate on their last planned day: the continuity the assignment keeps.
public struct PreviousPlacement: Sendable, Equatable, Codable {
    public var canteenID: CanteenID
    public var kind: ServiceMode
    public var sitting: Sitting?
    public var courierID: CourierID?
    /// Planned arrival of the last delivery, seconds since midnight.
    public var arrivalSeconds: Int?

    /// Where a stored meal put the diner.
    public init(_ meal: PlannedMeal) {
        self.init(canteenID: meal.canteenID, kind: meal.mode,
                  sitting: meal.sitting.map(Sitting.init(window:)), courierID: meal.courierID,
                  arrivalSeconds: meal.arrivalSeconds)
    }

    public init(canteenID: CanteenID, kind: ServiceMode, sitting: Sitting? = nil, courierID: CourierID? = nil,
                arrivalSeconds: Int? = nil) {
        self.canteenID = canteenID
        self.kind = kind
        self.sitting = sitting
        self.courierID = courierID
        self.arrivalSeconds = arrivalSeconds
    }
}
