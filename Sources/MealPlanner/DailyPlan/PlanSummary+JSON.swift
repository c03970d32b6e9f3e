import Foundation
import MealCore

/// The summary as JSON (`plan --format json`, docs/formats.md): the same figures as the text,
/// every unserved diner listed (the text names the first `unservedNamed`). Names and details are
/// people's text, so phone-like numbers are masked as in the text.
extension PlanSummary: Encodable {
    struct UnservedEntry: Encodable {
        var diner: String
        var name: String
        var reason: UnservedReason
        var detail: String
    }

    struct CrowdedSitting: Encodable {
        var canteen: String
        var sitting: String
        var used: Int
        var seats: Int
    }

    enum CodingKeys: String, CodingKey {
        case date, version, planned, pickup, delivery, unserved, trips
        case dineIn = "dine_in"
        case unservedByReason = "unserved_by_reason"
        case unservedDiners = "unserved_diners"
        case couriersUsed = "couriers_used"
        case courierTravelSeconds = "courier_travel_s"
        case longestInBoxSeconds = "longest_in_box_s"
        case crowdedSittings = "crowded_sittings"
        case canteenChanged = "canteen_changed"
        case courierChanged = "courier_changed"
        case deliveryWithHistory = "delivery_with_history"
        case keptCourier = "kept_courier"
        case arrivalWithin15Minutes = "arrival_within_15_min"
        case cutShortCanteens = "cut_short_canteens"
        case travel
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(date, forKey: .date)
        try container.encode(version, forKey: .version)
        try container.encode(planned, forKey: .planned)
        try container.encode(dineIn, forKey: .dineIn)
        try container.encode(pickup, forKey: .pickup)
        try container.encode(delivery, forKey: .delivery)
        try container.encode(unservedCount, forKey: .unserved)
        try container.encode(Dictionary(uniqueKeysWithValues: unservedByReason.map { ($0.reason.rawValue, $0.count) }),
                             forKey: .unservedByReason)
        try container.encode(unservedDiners.map {
            UnservedEntry(diner: $0.dinerID.rawValue, name: PhoneMask.mask($0.name), reason: $0.reason, detail: PhoneMask.mask($0.detail))
        }, forKey: .unservedDiners)
        try container.encode(couriersUsed, forKey: .couriersUsed)
        try container.encode(trips, forKey: .trips)
        try container.encode(courierTravelSeconds, forKey: .courierTravelSeconds)
        try container.encode(longestInBoxSeconds, forKey: .longestInBoxSeconds)
        try container.encode(crowdedSittings.map {
            CrowdedSitting(canteen: $0.canteen.rawValue, sitting: $0.sitting, used: $0.used, seats: $0.seats)
        }, forKey: .crowdedSittings)
        try container.encode(canteenChanged, forKey: .canteenChanged)
        try container.encode(courierChanged, forKey: .courierChanged)
        try container.encode(deliveryWithHistory, forKey: .deliveryWithHistory)
        try container.encode(keptCourier, forKey: .keptCourier)
        try container.encode(arrivalWithin15Minutes, forKey: .arrivalWithin15Minutes)
        try container.encode(cutShortCanteens.map(PhoneMask.mask), forKey: .cutShortCanteens)
        try container.encode(travel, forKey: .travel)
    }
}
