import Foundation
import MealCore

/// A canteen's roster as JSON (`roster --format json`): the field names are the contract, spelt
/// by the coding keys; keys are sorted so equal rosters give equal bytes.
enum RosterJSON {
    struct Document: Encodable {
        var date: String
        var version: Int
        var status: DayPlan.Status
        var canteen: String
        var sittings: [Sitting]
        var pickups: [Diner]
        var trips: [Trip]
        var kitchen: [Kitchen]
        /// Delivery meals on no courier trip, and where the plan and the registry disagree:
        /// absent when there are none.
        var notOnTrip: [Diner]?
        var notices: [String]?
        /// Newer versions nobody has published: absent when there are none.
        var newerUnpublishedVersions: [Int]?

        enum CodingKeys: String, CodingKey {
            case date, version, status, canteen, sittings, pickups, trips, kitchen, notices
            case notOnTrip = "not_on_trip"
            case newerUnpublishedVersions = "newer_unpublished_versions"
        }
    }

    struct Diner: Encodable {
        var diner: String
        var name: String
        var diet: String
        var allergies: String
        var notes: String

        init(_ line: CanteenRoster.DinerLine) {
            (diner, name, diet, allergies, notes) = (line.dinerID.rawValue, line.name, line.diets, line.allergies, line.notes)
        }
    }

    struct Sitting: Encodable {
        var sitting: String
        var seats: Int
        var diners: [Diner]
    }

    struct Trip: Encodable {
        var courier: String
        var trip: Int
        var depart: String
        var back: String
        var stops: [Stop]
    }

    struct Stop: Encodable {
        var arrive: String
        var address: String
        var phone: String
        var diner: Diner
    }

    struct Kitchen: Encodable {
        var variant: String
        var dineIn: Int
        var pickup: Int
        var delivery: Int

        enum CodingKeys: String, CodingKey {
            case variant, pickup, delivery
            case dineIn = "dine_in"
        }
    }

    static func text(_ roster: CanteenRoster) -> String {
        let document = Document(
            date: roster.date, version: roster.version, status: roster.status, canteen: roster.canteen.id.rawValue,
            sittings: roster.sittings.map { Sitting(sitting: $0.sitting, seats: $0.seats, diners: $0.diners.map(Diner.init)) },
            pickups: roster.pickups.map(Diner.init),
            trips: roster.trips.map { trip in
                Trip(courier: trip.courierID.rawValue, trip: trip.trip, depart: trip.depart, back: trip.back, stops: trip.stops.map {
                    Stop(arrive: $0.arrival, address: $0.address, phone: $0.phone, diner: Diner($0.diner))
                })
            },
            kitchen: roster.kitchen.map { Kitchen(variant: $0.variant, dineIn: $0.dineIn, pickup: $0.pickup, delivery: $0.delivery) },
            notOnTrip: roster.deliveriesOnNoTrip.isEmpty ? nil : roster.deliveriesOnNoTrip.map(Diner.init),
            notices: roster.notices.isEmpty ? nil : roster.notices,
            newerUnpublishedVersions: roster.newerUnpublishedVersions.isEmpty ? nil : roster.newerUnpublishedVersions)
        // Plain strings and integers only: encoding cannot fail.
        return (try? JSONEncoder.sortedKeys().encode(document)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
