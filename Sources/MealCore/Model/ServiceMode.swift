/// How a meal is served: at a canteen's table, collected at its counter, or brought to the door.
/// One type for every layer (the planner's choices, stored plans, rosters, exports); the raw
/// values are the words of the CSV files, the database and the JSON exports.
public enum ServiceMode: String, CaseIterable, Codable, Sendable, Hashable {
    case dineIn = "dine_in"
    case pickup
    case delivery

    /// The word of rosters and printouts.
    public var label: String {
        switch self {
        case .dineIn: "堂食"
        case .pickup: "自取"
        case .delivery: "送餐"
        }
    }
}

/// How a diner asks to receive lunch (the `mode` column of diners.csv): one service mode, or
/// `auto` to let the planner choose dine-in when the diner can walk to a canteen, else delivery.
/// A wish, not a way of serving: the planner turns it into a `ServiceMode`.
public enum ServicePreference: String, CaseIterable, Codable, Sendable, Hashable {
    case dineIn = "dine_in"
    case delivery
    case pickup
    case auto

    /// The service mode's word; `auto` is 自动 (the planner chooses).
    public var label: String {
        switch self {
        case .dineIn: ServiceMode.dineIn.label
        case .delivery: ServiceMode.delivery.label
        case .pickup: ServiceMode.pickup.label
        case .auto: "自动"
        }
    }
}
