import MealCore

/// The decision for one day: for every diner who eats, a canteen and a way of being served, or
/// the reason they are not.
public struct Assignment: Sendable {
    public struct Placement: Sendable, Equatable {
        public let diner: Diner
        public let canteen: Canteen
        public let kind: ServiceMode
        public let sitting: Sitting?
        /// Walking time for dine-in and pickup, the fastest courier's direct time for delivery.
        public let travelSeconds: Int
    }

    public struct Unserved: Sendable, Equatable {
        public let diner: Diner
        public let reason: UnservedReason
        public let detail: String
    }

    public let day: ServiceDay
    public var placements: [Placement]
    public var unserved: [Unserved]
    /// The estimated meals each canteen's couriers can deliver (see `DeliveryCapacity`), by id.
    public let deliveryCapacity: [CanteenID: Int]
    /// The objective value the flow reached, for comparison with other solvers.
    public let cost: Int64

    public var servedCount: Int { placements.count }
}
