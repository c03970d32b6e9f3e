import Foundation
import MealCore

/// A canteen's roster as an A4 printout: first a one-page kitchen sheet (what to cook, for whom
/// to watch allergies, how many per sitting and what each courier loads), then the sittings with
/// a column to tick attendance, the pickups, and the delivery rounds with a column for the result
/// the courier reports (the welfare check recorded next with `mealcli outcome`).
///
/// No section is kept whole on a page: a sitting longer than a page would otherwise be pushed
/// to the next, leaving a blank sheet. Rows never split, headers repeat (see `PrintPage`).
enum RosterHTML {
    typealias Table = PrintPage.Table
    typealias Column = PrintPage.Table.Column

    static let resultChoices = "□已送达 □无人应答 □拒收 □住院"

    static func footer(canteen: Canteen, date: String, version: Int, status: DayPlan.Status) -> String {
        "\(canteen.name) (\(canteen.id.rawValue)) · \(date) 午餐 · v\(version)" + (status == .published ? " 已发布" : " 草稿 DRAFT")
    }

    static func html(_ roster: CanteenRoster) -> String {
        PrintPage.document(title: "\(roster.canteen.name) \(roster.date)",
                           footer: footer(canteen: roster.canteen, date: roster.date, version: roster.version, status: roster.status),
                           body: body(roster))
    }

    static func body(_ roster: CanteenRoster) -> String {
        kitchenSheet(roster) + "<div class=\"lists\">\n" + lists(roster) + "</div>\n"
    }

    static func dinerColumns(tick: String) -> [Column] {
        [Column("#", "n"), Column("姓名", "nw"), Column("餐型", "nw"), Column("过敏"), Column("备注"), Column(tick, "tick")]
    }

    static func dinerRows(_ lines: [CanteenRoster.DinerLine]) -> [[String]] {
        lines.enumerated().map { ["\($0.offset + 1)", $0.element.name, $0.element.diets, $0.element.allergies, $0.element.notes, "□"] }
    }

    static func lists(_ roster: CanteenRoster) -> String {
        var out = ""
        for block in roster.sittings {
            let seats = block.inRegistry ? "\(block.diners.count)/\(block.seats) 座" : "\(block.diners.count), 登记中已无此场次"
            out += Table(caption: "堂食 \(block.sitting) (\(seats))", columns: dinerColumns(tick: "签到"), rows: dinerRows(block.diners)).html
        }
        if !roster.pickups.isEmpty {
            out += Table(caption: "自取 (\(roster.pickups.count))", columns: dinerColumns(tick: "已取"), rows: dinerRows(roster.pickups)).html
        }
        if !roster.deliveriesOnNoTrip.isEmpty {
            out += Table(caption: "送餐 未排入行程 (\(roster.deliveriesOnNoTrip.count))", columns: dinerColumns(tick: "已送"),
                         rows: dinerRows(roster.deliveriesOnNoTrip)).html
        }
        for trip in roster.trips {
            out += stopsTable(trip, caption: "送餐 \(trip.courierName) · 第\(trip.trip)趟 · \(trip.depart) 出发 · \(trip.back) 返回 · \(trip.stops.count) 份")
        }
        return out
    }

    /// A trip's stops in visiting order, with the result to circle.
    static func stopsTable(_ trip: CanteenRoster.TripBlock, caption: String) -> String {
        Table(caption: caption,
              columns: [Column("#", "n"), Column("到达", "nw"), Column("姓名", "nw"), Column("地址"), Column("电话", "nw"),
                        Column("餐型", "nw"), Column("备注"), Column("结果", "result")],
              rows: trip.stops.map {
                  ["\($0.position)", $0.arrival, $0.diner.name, $0.address, $0.phone, $0.diner.diets,
                   [$0.diner.allergies, $0.diner.notes].filter { !$0.isEmpty }.joined(separator: "; "), resultChoices]
              }).html
    }

    /// The first sheet, for the kitchen and whoever hands out the boxes.
    static func kitchenSheet(_ roster: CanteenRoster) -> String {
        var out = "<div class=\"sheet kitchen\">\n<h1>\(RosterFormatter.escapeHTML(roster.canteen.name)) · \(RosterFormatter.escapeHTML(roster.date)) 午餐 · 厨房</h1>\n"
        out += "<p>v\(roster.version) " + (roster.status == .published ? "已发布" : "<span class=\"draft\">草稿 DRAFT</span>")
            + " · 共 \(roster.totalMeals) 份: 堂食 \(roster.dineInCount) · 自取 \(roster.pickups.count) · 送餐 \(roster.deliveryCount)</p>\n"
        out += roster.notices.map { "<p class=\"draft\">! \(RosterFormatter.escapeHTML($0))</p>\n" }.joined()
        let kitchen = roster.kitchen
        out += Table(caption: "厨房 按餐型 (含组合)", columns: [Column("餐型", "nw"), Column("堂食", "n"), Column("自取", "n"), Column("送餐", "n"), Column("合计", "n")],
                     rows: kitchen.map { [$0.variant, "\($0.dineIn)", "\($0.pickup)", "\($0.delivery)", "\($0.total)"] },
                     total: ["合计", "\(kitchen.reduce(0) { $0 + $1.dineIn })", "\(kitchen.reduce(0) { $0 + $1.pickup })",
                             "\(kitchen.reduce(0) { $0 + $1.delivery })", "\(roster.totalMeals)"]).html
        out += "<div class=\"cols\"><div>\n"
        out += Table(caption: "每种饮食 (组合计入各项)", columns: [Column("饮食", "nw"), Column("份", "n")],
                     rows: roster.dietTotals.map { [$0.label, "\($0.count)"] }).html
        var places = roster.sittings.map { ["堂食 \($0.sitting)", "\($0.diners.count)", $0.inRegistry ? "\($0.seats) 座" : "登记中已无"] }
        if !roster.pickups.isEmpty { places.append(["自取", "\(roster.pickups.count)", ""]) }
        places += roster.trips.map { ["\($0.courierName) 第\($0.trip)趟", "\($0.stops.count)", "\($0.depart) 出发"] }
        if !roster.deliveriesOnNoTrip.isEmpty { places.append(["送餐 未排入行程", "\(roster.deliveriesOnNoTrip.count)", ""]) }
        out += Table(caption: "每场次 / 每趟", columns: [Column("场次 / 趟", "nw"), Column("份", "n"), Column("", "nw")], rows: places).html
        out += "</div><div>\n"
        out += Table(caption: "过敏 (按姓名)", columns: [Column("姓名", "nw"), Column("在"), Column("过敏")], rows: allergyRows(roster)).html
        out += Table(caption: "送餐员装车", columns: [Column("送餐员 / 趟", "nw"), Column("装")],
                     rows: roster.trips.map { ["\($0.courierName) 第\($0.trip)趟 \($0.depart)", loadText($0)] }).html
        return out + "</div></div>\n</div>\n"
    }

    /// Every diner of the day with an allergy, by name, and where their box goes.
    static func allergyRows(_ roster: CanteenRoster) -> [[String]] {
        var rows: [[String]] = []
        for block in roster.sittings { rows += block.diners.map { [$0.name, "堂食 \(block.sitting)", $0.allergies] } }
        rows += roster.pickups.map { [$0.name, "自取", $0.allergies] }
        for trip in roster.trips { rows += trip.stops.map { [$0.diner.name, "\(trip.courierName) 第\(trip.trip)趟", $0.diner.allergies] } }
        rows += roster.deliveriesOnNoTrip.map { [$0.name, "送餐 未排入行程", $0.allergies] }
        return rows.filter { !$0[2].isEmpty }
            .map { [$0[0], $0[1], String($0[2].dropFirst("过敏: ".count))] }
            .sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }
    }

    /// What a courier takes on a trip: boxes per variant, e.g. "普通 5 · 低盐 3 (8 份)".
    static func loadText(_ trip: CanteenRoster.TripBlock) -> String {
        let load = trip.load
        return load.map { "\($0.variant) \($0.count)" }.joined(separator: " · ") + " (\(trip.stops.count) 份)"
    }
}

extension CanteenRoster.TripBlock {
    /// Boxes per variant on this trip, in the kitchen count's order.
    public var load: [(variant: String, count: Int)] {
        let counts = Dictionary(grouping: stops, by: \.diner.diets).mapValues(\.count)
        return counts.keys.sorted(by: CanteenRoster.kitchenOrder).map { ($0, counts[$0] ?? 0) }
    }
}
