import Foundation
import MealCore

/// Couriers' route sheets (`mealcli routes`): per courier and trip, what to load, the stops in
/// order with time, address, phone and notes, and a column for the result of each delivery.
///
/// A courier calls a diner who does not open, or the emergency contact: the sheets are built
/// from rosters made with the phones in full, and each sheet holds only its own trip's stops.
public struct RouteSheet: Sendable {
    public let canteen: Canteen
    public let date: String
    public let version: Int
    public let status: DayPlan.Status
    public let trip: CanteenRoster.TripBlock

    public init(roster: CanteenRoster, trip: CanteenRoster.TripBlock) {
        (canteen, date, version, status, self.trip) = (roster.canteen, roster.date, roster.version, roster.status, trip)
    }

    static func v(_ text: String) -> String { PlainText.visible(text) }

    var loadText: String { RosterHTML.loadText(trip) }

    public var text: String {
        var out = "\(date) v\(version)  \(Self.v(trip.courierName)) (\(Self.v(trip.courierID.rawValue)), \(trip.vehicle))  trip \(trip.trip)\n"
        out += "from \(Self.v(canteen.name)): leave \(trip.depart), back \(trip.back), \(trip.stops.count) meals\n"
        out += "装车 load: \(Self.v(loadText))\n"
        var table = TerminalTable(headers: ["#", "arrive", "name", "address", "phone", "diet", "notes", "result"], rightAligned: [0])
        for stop in trip.stops {
            table.append(["\(stop.position)", stop.arrival, stop.diner.name, stop.address, stop.phone, stop.diner.diets,
                          notes(stop), "[ ]"])
        }
        return out + table.render()
    }

    func notes(_ stop: CanteenRoster.Stop) -> String {
        [stop.diner.allergies, stop.diner.notes].filter { !$0.isEmpty }.joined(separator: "; ")
    }

    /// One A4 sheet; the sheets of a print run follow each other, one per sheet of paper.
    var htmlSheet: String {
        let e = RosterFormatter.escapeHTML
        var out = "<div class=\"sheet\">\n<h1>\(e(trip.courierName)) · 第\(trip.trip)趟 · \(e(date))</h1>\n"
        out += "<p>\(e(canteen.name)) · \(e(trip.depart)) 出发 · \(e(trip.back)) 返回 · \(trip.stops.count) 份 · \(e(trip.vehicle)) · v\(version)"
            + (status == .published ? " 已发布" : " <span class=\"draft\">草稿 DRAFT</span>") + "</p>\n"
        out += PrintPage.Table(caption: "装车", columns: [.init("餐型", "nw"), .init("份", "n")],
                               rows: trip.load.map { [$0.variant, "\($0.count)"] }, total: ["合计", "\(trip.stops.count)"]).html
        out += RosterHTML.stopsTable(trip, caption: "送餐顺序")
        return out + "</div>\n"
    }

    public static func html(_ sheets: [RouteSheet]) -> String {
        let first = sheets.first
        // Each sheet names its canteen in its heading; the footer names it only when all share it.
        let oneCanteen = Set(sheets.map(\.canteen.id)).count == 1
        let footer = first.map { (oneCanteen ? "\($0.canteen.name) · " : "") + "\($0.date) 午餐 · v\($0.version) · 送餐单" } ?? "送餐单"
        return PrintPage.document(title: first.map { "送餐单 \($0.date)" } ?? "送餐单", footer: footer,
                                  body: sheets.map(\.htmlSheet).joined())
    }

    public static func csv(_ sheets: [RouteSheet]) -> [UInt8] {
        var rows = [["date", "version", "canteen_id", "courier_id", "courier", "trip", "depart", "back", "position", "arrival",
                     "diner_id", "name", "address", "phone", "diet", "notes", "result"]]
        for sheet in sheets {
            let trip = sheet.trip
            for stop in trip.stops {
                rows.append([sheet.date, "\(sheet.version)", sheet.canteen.id.rawValue, trip.courierID.rawValue, trip.courierName,
                             "\(trip.trip)", trip.depart, trip.back, "\(stop.position)", stop.arrival, stop.diner.dinerID.rawValue,
                             stop.diner.name, stop.address, stop.phone, stop.diner.diets, sheet.notes(stop), ""])
            }
        }
        return Array(CSVWriter(includesByteOrderMark: true, guardsFormulas: true).string(for: rows).utf8)
    }

    struct Document: Encodable {
        var date: String
        var version: Int
        var status: DayPlan.Status
        var canteen: String
        var courier: String
        var courierName: String
        var trip: Int
        var depart: String
        var back: String
        var load: [Load]
        var stops: [Stop]

        enum CodingKeys: String, CodingKey {
            case date, version, status, canteen, courier, trip, depart, back, load, stops
            case courierName = "courier_name"
        }
    }

    struct Load: Encodable { var variant: String; var count: Int }

    struct Stop: Encodable {
        var position: Int
        var arrive: String
        var diner: String
        var name: String
        var address: String
        var phone: String
        var diet: String
        var notes: String
    }

    /// A JSON array, one object per sheet; keys sorted so equal sheets give equal bytes.
    public static func json(_ sheets: [RouteSheet]) -> String {
        let documents = sheets.map { sheet in
            Document(date: sheet.date, version: sheet.version, status: sheet.status, canteen: sheet.canteen.id.rawValue,
                     courier: sheet.trip.courierID.rawValue, courierName: sheet.trip.courierName, trip: sheet.trip.trip,
                     depart: sheet.trip.depart, back: sheet.trip.back,
                     load: sheet.trip.load.map { Load(variant: $0.variant, count: $0.count) },
                     stops: sheet.trip.stops.map {
                         Stop(position: $0.position, arrive: $0.arrival, diner: $0.diner.dinerID.rawValue, name: $0.diner.name,
                              address: $0.address, phone: $0.phone, diet: $0.diner.diets, notes: sheet.notes($0))
                     })
        }
        // Plain strings and integers only: encoding cannot fail.
        return (try? JSONEncoder.sortedKeys().encode(documents)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }
}
