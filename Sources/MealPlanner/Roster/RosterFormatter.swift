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

    /// A printable A4 roster: the kitchen sheet first, then sittings, pickups and rounds (`RosterHTML`).
    public static func html(_ roster: CanteenRoster) -> String { RosterHTML.html(roster) }

    /// A printable page without a canteen of its own (the index of `roster --all`).
    public static func page(title: String, footer: String, body: String) -> String {
        PrintPage.document(title: title, footer: footer, body: body)
    }

    public static func json(_ roster: CanteenRoster) -> String {
        RosterJSON.text(roster)
    }
}
