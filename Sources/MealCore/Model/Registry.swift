/// The canteens, their couriers and the diners: what the database holds, what an import or the
/// district generator produces, and what the planner reads; each list in id order.
public struct Registry: Hashable, Sendable {
    public var canteens: [Canteen]
    /// Grouped by canteen.
    public var couriers: [Courier]
    public var diners: [Diner]

    public init(canteens: [Canteen], couriers: [Courier], diners: [Diner]) {
        self.canteens = canteens
        self.couriers = couriers
        self.diners = diners
    }

    /// The diners who eat on an ISO weekday (1 = Monday): active and subscribed for that day.
    public func diners(eatingOnISOWeekday day: Int) -> [Diner] {
        diners.filter { $0.eats(onISOWeekday: day) }
    }
}
