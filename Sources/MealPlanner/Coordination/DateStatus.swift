import MealCore

/// Where one date stands, as `mealcli status` shows it: planned or not, its versions, which one
/// operators print, the drafts newer than it, how many diners it leaves out, and open alerts.
/// The JSON field names are a contract (docs/formats.md, "status").
public struct DateStatus: Codable, Sendable, Equatable {
    public var date: String
    public var planned: Bool
    /// How many versions the date has.
    public var versions: Int
    public var publishedVersion: Int?
    /// The version operators print: the published one, else the newest.
    public var printedVersion: Int?
    /// Versions newer than the printed one that nobody has published.
    public var newerUnpublishedVersions: [Int]
    /// Diners the printed version leaves out (cancelled meals not counted).
    public var unserved: Int
    /// Welfare alerts opened on this date and still open.
    public var openAlerts: Int
    public var latestVersion: Int?
    public var latestCreatedBy: String?
    /// When the newest version was stored (as the store keeps it; the command shows local time).
    public var latestCreatedAt: String?
    /// The travel model the printed version was made with; nil when the date is not planned.
    public var travel: TravelModelIdentity?

    enum CodingKeys: String, CodingKey {
        case date, planned, versions, unserved, travel
        case publishedVersion = "published_version"
        case printedVersion = "printed_version"
        case newerUnpublishedVersions = "newer_unpublished_versions"
        case openAlerts = "open_alerts"
        case latestVersion = "latest_version"
        case latestCreatedBy = "latest_created_by"
        case latestCreatedAt = "latest_created_at"
    }

    // Nil fields are written as null, so every date has the same fields.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(date, forKey: .date)
        try container.encode(planned, forKey: .planned)
        try container.encode(versions, forKey: .versions)
        try container.encode(publishedVersion, forKey: .publishedVersion)
        try container.encode(printedVersion, forKey: .printedVersion)
        try container.encode(newerUnpublishedVersions, forKey: .newerUnpublishedVersions)
        try container.encode(unserved, forKey: .unserved)
        try container.encode(openAlerts, forKey: .openAlerts)
        try container.encode(latestVersion, forKey: .latestVersion)
        try container.encode(latestCreatedBy, forKey: .latestCreatedBy)
        try container.encode(latestCreatedAt, forKey: .latestCreatedAt)
        try container.encode(travel, forKey: .travel)
    }
}

/// Reads where each date stands from the store.
public enum StatusReporting {
    public static func dates(_ dates: [String], in database: AppDatabase) throws -> [DateStatus] {
        try dates.map { date in
            let versions = try database.planVersions(date: date)
            let openAlerts = try database.openWelfareAlerts(openedOn: date).count
            guard let publication = PlanPublication(versions), let newest = versions.last else {
                return DateStatus(date: date, planned: false, versions: 0, newerUnpublishedVersions: [], unserved: 0,
                                  openAlerts: openAlerts)
            }
            let printed = try database.plan(date: date, version: .number(publication.printed))
            return DateStatus(date: date, planned: true, versions: versions.count, publishedVersion: publication.published,
                              printedVersion: publication.printed, newerUnpublishedVersions: publication.newerDrafts,
                              unserved: printed.unserved.filter(\.reason.isFailure).count, openAlerts: openAlerts,
                              latestVersion: newest.version, latestCreatedBy: newest.createdBy,
                              latestCreatedAt: newest.createdAt, travel: printed.travel)
        }
    }
}
