import Foundation
import MealCore

/// The service a day offers: which canteens are open and which couriers work. Without a date
/// (the coverage report over the whole registry) every canteen and courier counts.
public struct ServiceDay: Sendable, Equatable {
    /// ISO weekday, Monday = 1; nil means "any day".
    public let isoWeekday: Int?
    public let date: String?
    /// What coordinators declared for this date (absences, closures, cancellations, extras).
    public var exceptions = DayExceptions()

    public static let anyDay = ServiceDay(isoWeekday: nil, date: nil)

    public init(isoWeekday: Int?, date: String? = nil) {
        self.isoWeekday = isoWeekday
        self.date = date
    }

    /// A day from `YYYY-MM-DD` (the Gregorian calendar, local dates), read by `CalendarDate`.
    public init(date text: String) throws {
        let date = try CalendarDate(parsing: text)
        self.init(isoWeekday: date.isoWeekday, date: date.description)
    }

    public func isOpen(_ canteen: Canteen) -> Bool {
        !exceptions.closedCanteens.contains(canteen.id) && (isoWeekday.map(canteen.openDays.contains) ?? true)
    }

    public func works(_ courier: Courier) -> Bool {
        !exceptions.absentCouriers.contains(courier.id) && (isoWeekday.map(courier.days.contains) ?? true)
    }

    /// Whether the diner would eat that day before any cancellation: active and subscribed on
    /// that weekday, or given a one-off extra meal.
    public func subscribed(_ diner: Diner) -> Bool {
        (diner.status == .active && (isoWeekday.map(diner.days.contains) ?? true)) || exceptions.extraMeals.contains(diner.id)
    }

    /// Whether the diner eats that day: subscribed, and the meal not cancelled.
    public func eats(_ diner: Diner) -> Bool {
        subscribed(diner) && exceptions.cancelledMeals[diner.id] == nil
    }
}
