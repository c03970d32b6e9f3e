import Foundation

/// The plan as JSON for other tools; the format is documented in docs/plan-format.md. The field
/// names there are a contract: the coding keys below spell them and must not change.
public enum PlanExport {
    /// The exported document, decodable so other Swift tools (and the tests) can read it back.
    public struct Document: Codable, Equatable, Sendable {
        public var date: String
        public var service: String
        public var version: Int
        public var status: DayPlan.Status
        public var createdAt: String
        public var createdBy: String
        public var seed: UInt64
        public var timeLimitSeconds: Double
        /// The planning parameters exactly as the plan stored them.
        public var parameters: JSONValue
        public var assignments: [Assignment]
        public var routes: [Route]
        public var unserved: [Unserved]
        /// Versions of the date newer than this one that nobody has published; absent when none.
        public var newerUnpublishedVersions: [Int]?

        enum CodingKeys: String, CodingKey {
            case date, service, version, status, seed, parameters, assignments, routes, unserved
            case newerUnpublishedVersions = "newer_unpublished_versions"
            case createdAt = "created_at"
            case createdBy = "created_by"
            case timeLimitSeconds = "time_limit_s"
        }
    }

    public struct Assignment: Codable, Equatable, Sendable {
        public var diner: DinerID
        public var canteen: CanteenID
        public var mode: ServiceMode
        /// `HH:MM-HH:MM`, for dine-in.
        public var sitting: String?
        public var courier: CourierID?
        public var arrivalSeconds: Int?
        /// Present (true) only when a coordinator fixed the placement.
        public var locked: Bool?

        enum CodingKeys: String, CodingKey {
            case diner, canteen, mode, sitting, courier, locked
            case arrivalSeconds = "arrive_s"
        }
    }

    public struct Route: Codable, Equatable, Sendable {
        public var courier: CourierID
        public var canteen: CanteenID
        public var trips: [Trip]
    }

    public struct Trip: Codable, Equatable, Sendable {
        public var departSeconds: Int
        public var returnSeconds: Int
        public var stops: [Stop]

        enum CodingKeys: String, CodingKey {
            case stops
            case departSeconds = "depart_s"
            case returnSeconds = "return_s"
        }
    }

    public struct Stop: Codable, Equatable, Sendable {
        public var diner: DinerID
        public var arrivalSeconds: Int

        enum CodingKeys: String, CodingKey {
            case diner
            case arrivalSeconds = "arrive_s"
        }
    }

    public struct Unserved: Codable, Equatable, Sendable {
        public var diner: DinerID
        /// Stored and exported by its code (`outside_radius`, `cancelled`, ...).
        public var reason: UnservedReason
        public var detail: String
    }

    /// - Parameter newerUnpublishedVersions: versions of the date newer than `plan` and not published.
    public static func document(_ plan: DayPlan, newerUnpublishedVersions: [Int] = []) throws -> Document {
        let parameters = plan.parametersJSON.isEmpty
            ? JSONValue.object([:]) : try JSONDecoder().decode(JSONValue.self, from: Data(plan.parametersJSON.utf8))
        return Document(
            date: plan.date, service: plan.service, version: plan.version, status: plan.status,
            createdAt: plan.createdAt, createdBy: plan.createdBy, seed: plan.seed,
            timeLimitSeconds: plan.timeLimitSeconds, parameters: parameters,
            assignments: plan.assignments.map { meal in
                Assignment(diner: meal.dinerID, canteen: meal.canteenID, mode: meal.mode, sitting: meal.sitting?.description,
                           courier: meal.courierID, arrivalSeconds: meal.arrivalSeconds, locked: meal.locked ? true : nil)
            },
            routes: plan.rounds.map { round in
                Route(courier: round.courierID, canteen: round.canteenID, trips: round.trips.map { trip in
                    Trip(departSeconds: trip.departSeconds, returnSeconds: trip.returnSeconds,
                         stops: trip.stops.map { Stop(diner: $0.dinerID, arrivalSeconds: $0.arrivalSeconds) })
                })
            },
            unserved: plan.unserved.map { Unserved(diner: $0.dinerID, reason: $0.reason, detail: $0.detail) },
            newerUnpublishedVersions: newerUnpublishedVersions.isEmpty ? nil : newerUnpublishedVersions)
    }

    /// The document as pretty-printed JSON with sorted keys, ending in a newline.
    public static func json(_ plan: DayPlan, newerUnpublishedVersions: [Int] = []) throws -> String {
        let document = try document(plan, newerUnpublishedVersions: newerUnpublishedVersions)
        return String(decoding: try JSONEncoder.sortedKeys(pretty: true).encode(document), as: UTF8.self) + "\n"
    }
}
