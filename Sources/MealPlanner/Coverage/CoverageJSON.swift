import Foundation
import MealCore

/// The coverage report as JSON (`coverage --format json`), keys sorted; absent values are
/// written as `null` rather than left out, as the format has always had them.
enum CoverageJSON {
    struct Document: Encodable {
        var date: String?
        var radiusSeconds: Int
        var district: Counts
        var communities: [String: Counts]
        var outside: [Outside]
        var suggestions: [Suggestion]

        enum CodingKeys: String, CodingKey {
            case date, district, communities, outside, suggestions
            case radiusSeconds = "radius_s"
        }

        // Written out so that a missing value is `null`: the synthesized encoder would drop the key.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(date, forKey: .date)
            try container.encode(radiusSeconds, forKey: .radiusSeconds)
            try container.encode(district, forKey: .district)
            try container.encode(communities, forKey: .communities)
            try container.encode(outside, forKey: .outside)
            try container.encode(suggestions, forKey: .suggestions)
        }
    }

    struct Counts: Encodable {
        var diners: Int
        var dineIn: Int
        var pickup: Int
        var delivery: Int
        var outside: Int

        enum CodingKeys: String, CodingKey {
            case diners, pickup, delivery, outside
            case dineIn = "dine_in"
        }

        init(_ counts: CoverageReport.Counts) {
            (diners, dineIn, pickup, delivery, outside) = (counts.total, counts.dineIn, counts.pickup, counts.delivery, counts.outside)
        }
    }

    struct Outside: Encodable {
        var diner: String
        var nearestCanteen: String?
        var nearestSeconds: Int?
        /// `outside_radius`, or `home_off_network` when no usable street is near the home.
        var reason: UnservedReason
        var detail: String

        enum CodingKeys: String, CodingKey {
            case diner, detail, reason
            case nearestCanteen = "nearest_canteen"
            case nearestSeconds = "nearest_s"
        }

        // A diner with no canteen in reach has `null` here rather than no key.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(diner, forKey: .diner)
            try container.encode(nearestCanteen, forKey: .nearestCanteen)
            try container.encode(nearestSeconds, forKey: .nearestSeconds)
            try container.encode(reason, forKey: .reason)
            try container.encode(detail, forKey: .detail)
        }
    }

    struct Suggestion: Encodable {
        var lat: Double
        var lon: Double
        var community: String
        var bringsInside: Int

        enum CodingKeys: String, CodingKey {
            case lat, lon, community
            case bringsInside = "brings_inside"
        }
    }

    static func text(_ report: CoverageReport) -> String {
        let document = Document(
            date: report.day.date, radiusSeconds: report.radiusSeconds, district: Counts(report.district),
            communities: Dictionary(report.communities.map { ($0.name, Counts($0.counts)) }) { first, _ in first },
            outside: report.outside.map { entry in
                Outside(diner: entry.diner.id.rawValue, nearestCanteen: entry.nearestCanteen?.id.rawValue, nearestSeconds: entry.nearestSeconds,
                        reason: entry.reason, detail: entry.explanation)
            },
            suggestions: report.suggestions.map { site in
                Suggestion(lat: site.location.latitude, lon: site.location.longitude, community: site.community,
                           bringsInside: site.newlyCovered)
            })
        // Strings and finite numbers only: encoding cannot fail.
        return (try? JSONEncoder.sortedKeys().encode(document)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
