import MealCore

/// The assignment's objective as one integer cost per choice, so that a min-cost flow can
/// optimise it exactly. The weights are spaced so that each goal dominates the ones after it
/// in any realistic district (the order the programme asked for):
/// 1. serve as many diners as possible (`unservedBase`), higher priority first (`priorityStep`);
/// 2. keep each diner at last planned day's canteen (`changedCanteen`), then at their preferred
///    canteen (`notPreferred`); a diner who could walk is delivered to only when dine-in is full
///    (`deliveryFallback`);
/// 3. least walking and courier time (`perTravelSecond`), the same sitting as last time;
/// 4. balanced load across kitchens and sittings (convex costs on their utilisation).
/// The network simplex needs (max cost) × (nodes) below 10^18, which these weights respect up
/// to about 200,000 diners.
public enum AssignmentObjective {
    public static let unservedBase: Int64 = 1_000_000_000_000
    public static let priorityStep: Int64 = 1_000_000_000
    public static let changedCanteen: Int64 = 10_000_000
    public static let deliveryFallback: Int64 = 1_000_000
    public static let notPreferred: Int64 = 100_000
    public static let perTravelSecond: Int64 = 10
    public static let changedSitting: Int64 = 50
    /// Cost per meal in each quarter of a kitchen's capacity: filling a kitchen past half costs
    /// a little more than using an emptier one nearby at the same travel time.
    public static let balanceSteps: [Int64] = [0, 1, 2, 3]

    /// Cost per seat beyond the first half of a sitting, so diners spread over the sittings
    /// instead of all taking the first one.
    public static let crowdedSeat: Int64 = 2

    /// The seats of a sitting split into a cheap first half and a dearer second half.
    public static func sittingSegments(seats: Int) -> [(capacity: Int, cost: Int64)] {
        [((seats + 1) / 2, 0), (seats / 2, crowdedSeat)]
    }

    /// The crowding cost of `used` seats in a sitting of `seats`.
    public static func sittingCost(used: Int, seats: Int) -> Int64 {
        Int64(max(0, used - (seats + 1) / 2)) * crowdedSeat
    }

    /// What it costs to leave a diner unserved.
    public static func unserved(_ priority: Priority) -> Int64 {
        unservedBase + Int64(priority.rawValue) * priorityStep
    }

    /// What it costs to serve `diner` this way (before the kitchen balance term).
    public static func choice(diner: Diner, canteenID: CanteenID, kind: ServiceMode, sitting: Sitting?,
                              travelSeconds: Int, previous: PreviousPlacement?, fallback: Bool) -> Int64 {
        var cost = Int64(travelSeconds) * perTravelSecond
        if let previous, previous.canteenID != canteenID { cost += changedCanteen }
        if let preferred = diner.preferredCanteenID, preferred != canteenID { cost += notPreferred }
        if fallback { cost += deliveryFallback }
        if let previous, kind == .dineIn, let lastSitting = previous.sitting, lastSitting != sitting {
            cost += changedSitting
        }
        return cost
    }

    /// Capacities of the kitchen's balance segments (quarters, the last takes the remainder).
    public static func balanceSegments(kitchenCapacity: Int) -> [Int] {
        let quarter = kitchenCapacity / 4
        return [quarter, quarter, quarter, kitchenCapacity - 3 * quarter]
    }

    /// The balance cost of a kitchen producing `meals`, filling the cheapest segments first.
    public static func balanceCost(meals: Int, kitchenCapacity: Int) -> Int64 {
        var left = meals, cost: Int64 = 0
        for (segment, step) in zip(balanceSegments(kitchenCapacity: kitchenCapacity), balanceSteps) {
            let used = min(left, segment)
            cost += Int64(used) * step
            left -= used
        }
        return cost
    }
}
