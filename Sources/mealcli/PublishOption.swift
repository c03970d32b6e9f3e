import ArgumentParser
import MealCore
import MealPlanner

/// `--publish` on every change: without it a change is a draft that operators do not print.
struct PublishOption: ParsableArguments {
    @Flag(help: "Publish the result: make it the version operators print.")
    var publish = false

    /// The line a change ends with: which version operators will print, and how to publish.
    func report(_ change: StoredChange, in store: AppDatabase) throws {
        try report(date: change.plan.date, published: change.published, in: store)
    }

    /// The version operators print after the change (for JSON output, where `report` prints nothing).
    func printedVersion(date: String, in store: AppDatabase) throws -> Int? {
        PlanPublication(try store.planVersions(date: date))?.printed
    }

    /// - Parameter published: the version the command published, if it did.
    func report(date: String, published: Int?, in store: AppDatabase) throws {
        if let published {
            print("\(date): version \(published) published; operators print it")
            return
        }
        guard let publication = PlanPublication(try store.planVersions(date: date)) else { return }
        let newest = publication.latest
        if let published = publication.published, published != newest {
            print("\(date): operators still print version \(published); version \(newest) is a draft. "
                  + "`mealcli publish --date \(date)` (or --publish on the change) makes it the one they print")
        } else if publication.published == nil {
            print("\(date): no version is published, so operators print this draft (version \(newest)); "
                  + "`mealcli publish --date \(date)` publishes it")
        }
    }
}

/// The warning of the printing commands (roster, routes, export plan) when versions newer than
/// the one printed are not published: the paper would miss the coordinators' latest changes.
enum DraftNotice {
    /// Warns on standard error and returns the newer unpublished versions (for JSON output).
    static func warn(printing plan: DayPlan, in store: AppDatabase) throws -> [Int] {
        guard let publication = PlanPublication(try store.planVersions(date: plan.date)) else { return [] }
        let newer = publication.newerUnpublished(than: plan.version)
        let list = { (versions: [Int]) in
            "version\(versions.count == 1 ? "" : "s") " + versions.map(String.init).joined(separator: ", ")
                + (versions.count == 1 ? " is" : " are")
        }
        if let published = publication.published, published > plan.version {
            // An old version asked for by number: say which one operators print.
            printError("warning: \(plan.date): this is version \(plan.version); operators print version \(published)")
        } else if !newer.isEmpty {
            printError("warning: \(plan.date): this is version \(plan.version); \(list(newer)) newer and not published. "
                       + "`mealcli publish --date \(plan.date)` makes the newest the one operators print")
        }
        return newer
    }
}
