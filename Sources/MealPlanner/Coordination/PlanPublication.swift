import MealCore

/// Which version of a date operators print, and which newer versions are drafts nobody has
/// published: a coordinator's change is a draft until it is published, so the printing commands
/// and `status` say when the paper is behind the plan.
public struct PlanPublication: Sendable, Equatable {
    /// The published version, if any.
    public var published: Int?
    /// The newest version.
    public var latest: Int
    /// Every version number, oldest first.
    public var versions: [Int]

    /// Nil when the date has no version.
    public init?(_ versions: [PlanVersion]) {
        guard let newest = versions.map(\.version).max() else { return nil }
        published = versions.last { $0.status == .published }?.version
        latest = newest
        self.versions = versions.map(\.version).sorted()
    }

    /// The version operators print: the published one, else the newest.
    public var printed: Int { published ?? latest }

    /// The versions newer than `version` that are not published (all are drafts then).
    public func newerUnpublished(than version: Int) -> [Int] {
        versions.filter { $0 > version && $0 != published }
    }

    /// The versions newer than the one operators print.
    public var newerDrafts: [Int] { newerUnpublished(than: printed) }
}
