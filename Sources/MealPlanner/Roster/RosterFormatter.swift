import Foundation
import MealCore

/// Prints a canteen roster as aligned text, CSV for Excel, a printable HTML page, or JSON.
///
/// Text that came from the database is shown with `PlainText.visible` (tables do it for their
/// cells, `v` below for the lines around them), so no stored name can move the terminal's
/// cursor or add a line of its own; HTML escapes it the same way, CSV guards every cell.
public enum RosterFormatter {
    static func v(_ text: String) -> String { PlainText.visible(text) }

    static func heading(_ roster: CanteenRoster) -> String {
        let state = roster.status == .published ? "已发布 published" : "草稿 DRAFT"
        return "\(v(roster.canteen.name)) (\(v(roster.canteen.id.rawValue)))  \(roster.date)  午餐 lunch  v\(roster.version) \(state)"
    }

    /// The heading of a sitting: its seats, or why it is listed although the canteen lacks it.
    static func sittingTitle(_ block: CanteenRoster.SittingBlock) -> String {
        guard block.inRegistry else {
            return block.sitting == "-" ? "no sitting (\(block.diners.count))" : "\(block.sitting)  (\(block.diners.count), not in the registry)"
        }
        return "\(block.sitting)  (\(block.diners.count)/\(block.seats) seats)"
    }

    public static func text(_ roster: CanteenRoster) -> String {
        var out = heading(roster) + "\n"
        out += "\(roster.totalMeals) meals: \(roster.dineInCount) dine-in, "
            + "\(roster.pickups.count) pickup, \(roster.deliveryCount) delivery\n"
        for notice in roster.notices { out += "! \(v(notice))\n" }
        for block in roster.sittings {
            out += "\n堂食 Sitting \(sittingTitle(block))\n"
            var table = TerminalTable(headers: ["#", "id", "name", "diet", "allergies", "notes"], rightAligned: [0])
            for (index, line) in block.diners.enumerated() {
                table.append(["\(index + 1)", line.dinerID.rawValue, line.name, line.diets, line.allergies, line.notes])
            }
            out += block.diners.isEmpty ? "(nobody)\n" : table.render()
        }
        if !roster.pickups.isEmpty {
            out += "\n自取 Pickup (\(roster.pickups.count))\n"
            var table = TerminalTable(headers: ["#", "id", "name", "diet", "allergies", "notes"], rightAligned: [0])
            for (index, line) in roster.pickups.enumerated() {
                table.append(["\(index + 1)", line.dinerID.rawValue, line.name, line.diets, line.allergies, line.notes])
            }
            out += table.render()
        }
        if !roster.deliveriesOnNoTrip.isEmpty {
            out += "\n送餐 Delivery, not on a trip (\(roster.deliveriesOnNoTrip.count))\n"
            var table = TerminalTable(headers: ["#", "id", "name", "diet", "allergies", "notes"], rightAligned: [0])
            for (index, line) in roster.deliveriesOnNoTrip.enumerated() {
                table.append(["\(index + 1)", line.dinerID.rawValue, line.name, line.diets, line.allergies, line.notes])
            }
            out += table.render()
        }
        for trip in roster.trips {
            out += "\n送餐 \(v(trip.courierName)) (\(v(trip.courierID.rawValue)), \(trip.vehicle)) trip \(trip.trip): "
                + "leaves \(trip.depart), back \(trip.back), \(trip.stops.count) meals\n"
            var table = TerminalTable(headers: ["#", "arrive", "id", "name", "address", "phone", "diet", "notes"], rightAligned: [0])
            for stop in trip.stops {
                table.append(["\(stop.position)", stop.arrival, stop.diner.dinerID.rawValue, stop.diner.name, stop.address, stop.phone,
                              stop.diner.diets, [stop.diner.allergies, stop.diner.notes].filter { !$0.isEmpty }.joined(separator: "; ")])
            }
            out += table.render()
        }
        out += "\n厨房 Kitchen count (\(roster.totalMeals) meals)\n"
        var kitchen = TerminalTable(headers: ["variant", "dine-in", "pickup", "delivery", "total"], rightAligned: [1, 2, 3, 4])
        for line in roster.kitchen {
            kitchen.append([line.variant, "\(line.dineIn)", "\(line.pickup)", "\(line.delivery)", "\(line.total)"])
        }
        out += kitchen.render()
        if !roster.dietTotals.isEmpty {
            out += "meals per diet, combinations included: "
                + roster.dietTotals.map { "\($0.label) \($0.count)" }.joined(separator: ", ") + "\n"
        }
        return out
    }

    /// One courier trip as a sheet to take along.
    public static func routeSheet(_ trip: CanteenRoster.TripBlock, canteen: Canteen, date: String, version: Int) -> String {
        var out = "\(date) v\(version)  \(v(trip.courierName)) (\(v(trip.courierID.rawValue)), \(trip.vehicle))  trip \(trip.trip)\n"
        out += "from \(v(canteen.name)): leave \(trip.depart), back \(trip.back), \(trip.stops.count) meals\n"
        var table = TerminalTable(headers: ["#", "arrive", "name", "address", "phone", "diet", "notes"], rightAligned: [0])
        for stop in trip.stops {
            table.append(["\(stop.position)", stop.arrival, stop.diner.name, stop.address, stop.phone, stop.diner.diets,
                          [stop.diner.allergies, stop.diner.notes].filter { !$0.isEmpty }.joined(separator: "; ")])
        }
        return out + table.render()
    }

    /// One row per meal, sorted as printed: sittings, pickups, trips in visiting order, then
    /// deliveries on no trip, the kitchen count and any notice. Every cell is guarded by the writer.
    public static func csv(_ roster: CanteenRoster) -> [UInt8] {
        var rows: [[String]] = [["date", "version", "canteen_id", "section", "sitting_or_trip", "position", "arrival",
                                 "diner_id", "name", "diet", "allergies", "address", "phone", "notes"]]
        let (date, version, canteen) = (roster.date, "\(roster.version)", roster.canteen.id.rawValue)
        func row(_ section: String, _ group: String, _ position: Int, _ line: CanteenRoster.DinerLine) -> [String] {
            [date, version, canteen, section, group, "\(position)", "", line.dinerID.rawValue, line.name, line.diets,
             line.allergies, "", "", line.notes]
        }
        for block in roster.sittings {
            rows += block.diners.enumerated().map { row("dine_in", block.sitting, $0.offset + 1, $0.element) }
        }
        rows += roster.pickups.enumerated().map { row("pickup", "", $0.offset + 1, $0.element) }
        for trip in roster.trips {
            for stop in trip.stops {
                rows.append([date, version, canteen, "delivery", "\(trip.courierID) trip \(trip.trip)",
                             "\(stop.position)", stop.arrival, stop.diner.dinerID.rawValue, stop.diner.name, stop.diner.diets,
                             stop.diner.allergies, stop.address, stop.phone, stop.diner.notes])
            }
        }
        rows += roster.deliveriesOnNoTrip.enumerated().map { row("delivery", "not on a trip", $0.offset + 1, $0.element) }
        for line in roster.kitchen {
            rows.append([date, version, canteen, "kitchen", line.variant, "", "", "", "",
                          line.variant, "", "", "", "\(line.total) meals (dine-in \(line.dineIn), pickup \(line.pickup), delivery \(line.delivery))"])
        }
        rows += roster.notices.map { [date, version, canteen, "notice", "", "", "", "", "", "", "", "", "", $0] }
        return Array(CSVWriter(includesByteOrderMark: true, guardsFormulas: true).string(for: rows).utf8)
    }

    public static func escapeHTMLText(_ text: String) -> String { escapeHTML(text) }

    /// HTML text with markup characters escaped and control characters shown (`\u{1B}`).
    static func escapeHTML(_ text: String) -> String {
        var out = ""
        for character in PlainText.visible(text) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    static let pageStyle = """
        @page { size: A4; margin: 14mm; }
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 14pt; line-height: 1.35; }
        h1 { font-size: 20pt; margin: 0 0 4pt; } h2 { font-size: 16pt; margin: 14pt 0 4pt; border-bottom: 2px solid #000; }
        table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #444; padding: 3pt 5pt; vertical-align: top; text-align: left; }
        th { background: #eee; } td.n { text-align: right; } .draft { color: #b00; font-weight: bold; }
        section.trip, section.sitting { page-break-inside: avoid; } .page { page-break-after: always; }
        """

    /// A printable A4 page; Chinese glyphs come from the browser's font fallback.
    public static func html(_ roster: CanteenRoster, standalone: Bool = true) -> String {
        let e = escapeHTML
        var body = "<div class=\"page\">\n<h1>\(e(roster.canteen.name)) · \(e(roster.date)) 午餐</h1>\n"
        body += "<p>v\(roster.version) " + (roster.status == .published ? "已发布" : "<span class=\"draft\">草稿 DRAFT</span>")
            + " · \(roster.totalMeals) 份</p>\n"
        body += roster.notices.map { "<p class=\"draft\">! \(e($0))</p>\n" }.joined()
        func table(_ headers: [String], _ rows: [[String]]) -> String {
            "<table><tr>" + headers.map { "<th>\(e($0))</th>" }.joined() + "</tr>\n"
                + rows.map { "<tr>" + $0.map { "<td>\(e($0))</td>" }.joined() + "</tr>\n" }.joined() + "</table>\n"
        }
        for block in roster.sittings {
            let seats = block.inRegistry ? "\(block.diners.count)/\(block.seats) 座" : "\(block.diners.count), 登记中已无此场次"
            body += "<section class=\"sitting\"><h2>堂食 \(e(block.sitting)) (\(seats))</h2>\n"
            body += table(["#", "姓名", "餐型", "过敏", "备注"], block.diners.enumerated().map {
                ["\($0.offset + 1)", $0.element.name, $0.element.diets, $0.element.allergies, $0.element.notes]
            }) + "</section>\n"
        }
        if !roster.pickups.isEmpty {
            body += "<section><h2>自取 (\(roster.pickups.count))</h2>\n"
            body += table(["#", "姓名", "餐型", "过敏", "备注"], roster.pickups.enumerated().map {
                ["\($0.offset + 1)", $0.element.name, $0.element.diets, $0.element.allergies, $0.element.notes]
            }) + "</section>\n"
        }
        if !roster.deliveriesOnNoTrip.isEmpty {
            body += "<section><h2>送餐 未排入行程 (\(roster.deliveriesOnNoTrip.count))</h2>\n"
            body += table(["#", "姓名", "餐型", "过敏", "备注"], roster.deliveriesOnNoTrip.enumerated().map {
                ["\($0.offset + 1)", $0.element.name, $0.element.diets, $0.element.allergies, $0.element.notes]
            }) + "</section>\n"
        }
        for trip in roster.trips {
            body += "<section class=\"trip\"><h2>送餐 \(e(trip.courierName)) · 第\(trip.trip)趟 · \(e(trip.depart)) 出发 · \(e(trip.back)) 返回</h2>\n"
            body += table(["#", "到达", "姓名", "地址", "电话", "餐型", "备注"], trip.stops.map {
                ["\($0.position)", $0.arrival, $0.diner.name, $0.address, $0.phone, $0.diner.diets,
                 [$0.diner.allergies, $0.diner.notes].filter { !$0.isEmpty }.joined(separator: "; ")]
            }) + "</section>\n"
        }
        body += "<section><h2>厨房 (\(roster.totalMeals) 份)</h2>\n"
        body += table(["餐型", "堂食", "自取", "送餐", "合计"], roster.kitchen.map {
            [$0.variant, "\($0.dineIn)", "\($0.pickup)", "\($0.delivery)", "\($0.total)"]
        }) + "</section>\n</div>\n"
        guard standalone else { return body }
        return page(title: "\(roster.canteen.name) \(roster.date)", body: body)
    }

    public static func page(title: String, body: String) -> String {
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>\(escapeHTML(title))</title>\n<style>\n\(pageStyle)\n</style></head>\n<body>\n\(body)</body></html>\n"
    }

    public static func json(_ roster: CanteenRoster) -> String {
        RosterJSON.text(roster)
    }
}
