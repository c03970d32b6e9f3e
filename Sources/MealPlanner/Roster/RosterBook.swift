import Foundation
import MealCore

/// All canteens' rosters of a plan as printable HTML pages in one folder, with an index page.
public enum RosterBook {
    /// The index lists, in a comment, the pages its run wrote, so the next run can remove the
    /// pages it no longer writes (a canteen without meals today) and nothing else.
    static let manifestMark = "<!-- mealcli pages: "

    /// Writes `index.html`, one `CANTEEN.html` per canteen with meals, and a "closed today" page
    /// per canteen in `closedCanteens`; removes pages an earlier run listed in the manifest and
    /// this run did not write; returns the number of canteen pages. Page names come from
    /// `SafeFileNames`, so no id can place a file outside `folder`.
    /// `notesByDiner` adds a note to a diner's line on every page (e.g. `WelfareAlerts.rosterNotes`).
    @discardableResult
    public static func write(plan: DayPlan, canteens: [Canteen], couriers: [Courier], diners: [Diner],
                             to folder: String, overwrite: Bool, unmaskedPhones: Bool = false,
                             notesByDiner: [DinerID: String] = [:], closedCanteens: Set<CanteenID> = []) throws -> Int {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let dinerByID = Dictionary(uniqueKeysWithValues: diners.map { ($0.id, $0) })
        let courierByID = Dictionary(uniqueKeysWithValues: couriers.map { ($0.id, $0) })
        let mealsPerCanteen = Dictionary(grouping: plan.assignments, by: \.canteenID).mapValues(\.count)
        let e = RosterFormatter.escapeHTML
        var items = ""
        var written: [String] = []
        var fileNames = SafeFileNames(folder: folder, reserved: ["index.html"])
        for canteen in canteens {
            let page: String
            let item: String
            if let count = mealsPerCanteen[canteen.id] {
                let roster = CanteenRoster(plan: plan, canteen: canteen, diners: dinerByID, couriers: courierByID,
                                           unmaskedPhones: unmaskedPhones, notesByDiner: notesByDiner)
                (page, item) = (RosterFormatter.html(roster), "\(count) 份")
            } else if closedCanteens.contains(canteen.id) {
                let notice = ClosedCanteenNotice(plan: plan, canteen: canteen, canteens: canteens, diners: diners,
                                                 unmaskedPhones: unmaskedPhones)
                (page, item) = (notice.html, "今日停业")
            } else {
                continue
            }
            let file = fileNames.name(for: canteen.id.rawValue, fileExtension: "html")
            try OutputFile.write(Array(page.utf8), to: try fileNames.path(of: file), overwrite: overwrite)
            items += "<li><a href=\"\(e(file))\">\(e(canteen.name))</a> · \(item)</li>\n"
            written.append(file)
        }
        let earlier = try pagesListed(in: try fileNames.path(of: "index.html"))
        let state = plan.status == .published ? "已发布" : "草稿 DRAFT"
        let index = RosterFormatter.page(
            title: "\(plan.date) 午餐", footer: "\(plan.date) 午餐 · v\(plan.version) \(state)",
            body: manifestMark + written.joined(separator: " ") + " -->\n<h1>\(e(plan.date)) 午餐 · v\(plan.version) \(state)</h1>\n<p>\(plan.assignments.count) 份 · "
                + "\(plan.unserved.count) 未安排</p>\n<ul>\n\(items)</ul>\n")
        try OutputFile.write(Array(index.utf8), to: try fileNames.path(of: "index.html"), overwrite: overwrite)
        try removeStalePages(earlier, in: fileNames, keeping: Set(written))
        return written.count
    }

    /// The pages an earlier run's index lists; none when there is no index of ours.
    static func pagesListed(in index: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: index) else { return [] }
        let text = String(decoding: data, as: UTF8.self)
        guard let mark = text.range(of: manifestMark), let end = text[mark.upperBound...].range(of: " -->") else { return [] }
        return text[mark.upperBound..<end.lowerBound].split(separator: " ").map(String.init)
    }

    /// Removes the pages the previous run listed and this one did not write. Only plain page
    /// names directly inside the folder are ever removed, so an edited index cannot make the
    /// tool delete anything else.
    static func removeStalePages(_ earlier: [String], in fileNames: SafeFileNames, keeping pages: Set<String>) throws {
        for name in earlier where !pages.contains(name) && name.range(of: "^[A-Za-z0-9_-]+\\.html$", options: .regularExpression) != nil {
            let path = try fileNames.path(of: name)
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        }
    }
}
