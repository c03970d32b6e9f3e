import MealCore

/// One way a day's plan breaks a service rule, with a sentence that carries the numbers an
/// operator needs to put it right.
public struct PlanViolation: Sendable, Equatable, CustomStringConvertible {
    /// The rule broken. Raw values are the codes printed by `mealcli check`.
    public enum Rule: String, Sendable, CaseIterable {
        /// Dine-in or pickup beyond the radius on foot, or a courier whose direct trip to the
        /// home is beyond it.
        case outsideCircle = "outside_circle"
        /// A service the diner did not ask for or cannot use (a bedridden diner dining in).
        case modeNotAllowed = "mode_not_allowed"
        case dietNotOffered = "diet_not_offered"
        case canteenClosed = "canteen_closed"
        /// Dine-in without a sitting, or at a sitting the canteen does not hold.
        case noSuchSitting = "no_such_sitting"
        case seatsExceeded = "seats_exceeded"
        case kitchenExceeded = "kitchen_exceeded"
        case boxOverCapacity = "box_over_capacity"
        case outsideWindow = "outside_window"
        case tooLongInBox = "too_long_in_box"
        case beforeMealsReady = "before_meals_ready"
        /// The planned time at the door is earlier than the courier can get there.
        case arrivalUnreachable = "arrival_unreachable"
        case outsideShift = "outside_shift"
        case courierNotWorking = "courier_not_working"
        case courierWrongCanteen = "courier_wrong_canteen"
        case tripsOverlap = "trips_overlap"
        case notEatingToday = "not_eating_today"
        case plannedTwice = "planned_twice"
        /// A diner who eats that day is neither planned nor listed as unserved.
        case notInPlan = "not_in_plan"
        /// The delivery assignments and the courier rounds disagree.
        case routeMismatch = "route_mismatch"
        /// The plan names a diner, canteen or courier the registry does not have.
        case unknownReference = "unknown_reference"
    }

    public var dinerID: DinerID?
    public var courierID: CourierID?
    public var canteenID: CanteenID?
    public var rule: Rule
    /// A sentence for coordinators, e.g. "王秀英 arrives 12:41, after the window 11:00-12:30 ends".
    public var detail: String

    public init(dinerID: DinerID? = nil, courierID: CourierID? = nil, canteenID: CanteenID? = nil, rule: Rule, detail: String) {
        self.dinerID = dinerID
        self.courierID = courierID
        self.canteenID = canteenID
        self.rule = rule
        self.detail = detail
    }

    public var description: String {
        let who = [dinerID?.rawValue, courierID?.rawValue, canteenID?.rawValue].compactMap { $0 }.joined(separator: " ")
        return (who.isEmpty ? "" : who + ": ") + "\(rule.rawValue): \(detail)"
    }
}
