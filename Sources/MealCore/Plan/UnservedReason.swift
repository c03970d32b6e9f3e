/// Why a diner who eats that day has no place. The raw values are the codes stored in the
/// database and written in the plan export (docs/plan-format.md), so they never change.
public enum UnservedReason: String, Sendable, Codable, CaseIterable, Comparable {
    /// No canteen within the service circle at the diner's pace.
    case outsideRadius = "outside_radius"
    /// No canteen in reach cooks the diner's diet.
    case noDiet = "no_diet"
    /// Every canteen in reach is full.
    case canteenFull = "canteen_full"
    /// The couriers in reach have no room left in their rounds.
    case noCourierCapacity = "no_courier_capacity"
    /// Every canteen in reach is closed that day.
    case closed
    /// Set by the router, not the assignment: the courier rounds could not fit the diner.
    case noRoute = "no_route"
    /// A coordinator cancelled the meal (hospital, away); not a failure of the plan.
    case cancelled
    /// The home has no street within the snap distance that the diner (or, for a delivery, a
    /// courier) can use on the road network: the registry's position or the roads need a look.
    case homeOffNetwork = "home_off_network"

    /// Whether the plan failed this diner, as opposed to the diner not needing a meal.
    public var isFailure: Bool { self != .cancelled }

    /// Whether the service cannot reach the diner at all (no canteen within the circle, none in
    /// reach cooks their diet, or the home is off the road network): a matter for the registry,
    /// the roads or new sites, not for the day's plan.
    public var isOutOfReach: Bool { self == .outsideRadius || self == .noDiet || self == .homeOffNetwork }

    /// Whether no plan of that day could have served the diner: out of reach, or every canteen in
    /// reach closed that day (its opening days or a declared closure). A nightly batch fails only
    /// on the other reasons, so a canteen's regular weekend does not fail it every week.
    public var isBeyondTheDay: Bool { isOutOfReach || self == .closed }

    /// Ordered by code, as the summaries list them.
    public static func < (lhs: UnservedReason, rhs: UnservedReason) -> Bool { lhs.rawValue < rhs.rawValue }
}
