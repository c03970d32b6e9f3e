import Foundation
import MealCore

/// All canteens' rosters of a plan as printable HTML pages in one folder, with an index page.
public enum RosterBook {
    /// Writes `index.html` and one `CANTEEN.html` per canteen with meals; returns the page count.
    /// Page names come from `SafeFileNames`, so no id can place a file outside `folder`.
    /// `notesByDiner` adds a note to a diner's line on every page (e.g. `WelfareAlerts.rosterNotes`).
    @discardableResult
    public static func write(plan: DayPlan, canteens: [Canteen], couriers: [Courier], diners: [Diner],
                             to folder: String, overwrite: Bool, unmaskedPhones: Bool = false,
                             notesByDiner: [DinerID: String] = [:]) throws -> Int {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let dinerByID = Dictionary(uniqueKeysWithValues: diners.map { ($0.id, $0) })
        let courierByID = Dictionary(uniqueKeysWithValues: couriers.map { ($0.id, $0) })
        let mealsPerCanteen = Dictionary(grouping: plan.assignments, by: \.canteenID).mapValues(\.count)
        var items = ""
        var pages = 0
        var fileNames = SafeFileNames(folder: folder, reserved: ["index.html"])
        for canteen in canteens {
            guard let count = mealsPerCanteen[canteen.id] else { continue }
            let roster = CanteenRoster(plan: plan, canteen: canteen, diners: dinerByID, couriers: courierByID,
                                       unmaskedPhones: unmaskedPhones, notesByDiner: notesByDiner)
            let file = fileNames.name(for: canteen.id.rawValue, fileExtension: "html")
            try OutputFile.write(Array(RosterFormatter.html(roster).utf8), to: try fileNames.path(of: file), overwrite: overwrite)
            let e = RosterFormatter.escapeHTMLText
            items += "<li><a href=\"\(e(file))\">\(e(canteen.name))</a> · \(count) 份</li>\n"
            pages += 1
        }
        let state = plan.status == .published ? "已发布" : "草稿 DRAFT"
        let index = RosterFormatter.page(
            title: "\(plan.date) 午餐",
            body: "<h1>\(RosterFormatter.escapeHTMLText(plan.date)) 午餐 · v\(plan.version) \(state)</h1>\n<p>\(plan.assignments.count) 份 · "
                + "\(plan.unserved.count) 未安排</p>\n<ul>\n\(items)</ul>\n")
        try OutputFile.write(Array(index.utf8), to: try fileNames.path(of: "index.html"), overwrite: overwrite)
        return pages
    }
}
