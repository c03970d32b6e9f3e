import Foundation
import MealCore

/// Renders a coverage report for terminals, spreadsheets and other programs.
public enum CoverageFormatter {
    static func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "-" : String(format: "%.1f%%", 100 * Double(part) / Double(whole))
    }

    public static func text(_ report: CoverageReport) -> String {
        let minutes = report.radiusSeconds / 60
        var out = "Coverage of the \(minutes)-minute service circle"
        out += report.day.date.map { " on \($0)" } ?? " (all active diners)"
        out += "\n\n"
        var table = TerminalTable(headers: ["社区 community", "diners", "dine-in", "pickup", "delivery", "outside", "inside %"],
                                  rightAligned: [1, 2, 3, 4, 5, 6])
        for (name, counts) in report.communities {
            table.append([name.isEmpty ? "(none)" : name, "\(counts.total)", "\(counts.dineIn)", "\(counts.pickup)",
                          "\(counts.delivery)", "\(counts.outside)", percent(counts.inside, counts.total)])
        }
        let d = report.district
        table.append(["district", "\(d.total)", "\(d.dineIn)", "\(d.pickup)", "\(d.delivery)", "\(d.outside)",
                      percent(d.inside, d.total)])
        out += table.render()
        out += "\n\(d.outside) diner\(d.outside == 1 ? " is" : "s are") outside the circle.\n"
        if !report.outside.isEmpty {
            out += "\n"
            var outside = TerminalTable(headers: ["id", "name", "community", "nearest canteen", "min", "why"], rightAligned: [4])
            for entry in report.outside {
                outside.append([entry.diner.id.rawValue, entry.diner.name, entry.diner.community,
                                entry.nearestCanteen?.name ?? "-",
                                entry.nearestSeconds.map { "\(($0 + 30) / 60)" } ?? "-",
                                entry.offNetwork != nil ? "home off the street network" : entry.byCourier ? "by courier" : "on foot"])
            }
            out += outside.render()
        }
        if !report.suggestions.isEmpty {
            out += "\nSuggested sites for new canteens (greedy maximum coverage over uncovered homes):\n"
            var sites = TerminalTable(headers: ["#", "near diner", "community", "lat", "lon", "brings inside"], rightAligned: [0, 5])
            for (index, site) in report.suggestions.enumerated() {
                sites.append(["\(index + 1)", site.nearDiner, site.community,
                              String(format: "%.5f", site.location.latitude), String(format: "%.5f", site.location.longitude),
                              "\(site.newlyCovered)"])
            }
            out += sites.render()
        }
        return out
    }

    /// One row per community plus the district, then one row per outside diner. Every cell goes
    /// through the writer's formula guard (a community or a stored id may start with `=` or `+`).
    public static func csv(_ report: CoverageReport) -> [UInt8] {
        var rows: [[String]] = [["section", "community", "diner_id", "name", "diners", "dine_in", "pickup", "delivery",
                                 "outside", "nearest_canteen", "nearest_s", "detail"]]
        for (name, c) in report.communities + [("(district)", report.district)] {
            rows.append(["community", name, "", "", "\(c.total)", "\(c.dineIn)", "\(c.pickup)", "\(c.delivery)",
                         "\(c.outside)", "", "", ""])
        }
        for entry in report.outside {
            rows.append(["outside", entry.diner.community, entry.diner.id.rawValue, entry.diner.name,
                         "", "", "", "", "", entry.nearestCanteen?.id.rawValue ?? "", entry.nearestSeconds.map(String.init) ?? "",
                         entry.explanation])
        }
        for site in report.suggestions {
            rows.append(["suggestion", site.community, site.nearDiner, "", "", "", "", "", "", "",
                         "", "\(site.location.latitude),\(site.location.longitude) brings \(site.newlyCovered) inside"])
        }
        return Array(CSVWriter(includesByteOrderMark: true, guardsFormulas: true).string(for: rows).utf8)
    }

    public static func json(_ report: CoverageReport) -> String {
        CoverageJSON.text(report)
    }
}
