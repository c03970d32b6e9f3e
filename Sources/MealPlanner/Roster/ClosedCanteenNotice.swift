import Foundation
import MealCore

/// The page of a canteen closed for the date: a notice to pin on the door, and where each of
/// its usual diners eats instead, so whoever answers the phone can tell them. Without it the
/// roster of an earlier day would stay the canteen's newest page.
public struct ClosedCanteenNotice: Sendable {
    public struct Redirect: Sendable, Equatable {
        public let dinerID: DinerID
        public let name: String
        /// "江边长者食堂 堂食 11:30-12:15", "江边长者食堂 送餐", or why nobody serves the diner today.
        public let destination: String
    }

    public let canteen: Canteen
    public let date: String
    public let version: Int
    public let status: DayPlan.Status
    /// The canteen's usual diners (their preferred canteen) who eat today, by name.
    public let redirects: [Redirect]
    /// Meals per canteen and mode the usual diners were sent to, e.g. "江边长者食堂 自取: 3".
    public var summary: [(place: String, count: Int)] {
        let counts = Dictionary(grouping: redirects, by: \.destination).mapValues(\.count)
        return counts.keys.sorted().map { ($0, counts[$0] ?? 0) }
    }

    public init(plan: DayPlan, canteen: Canteen, canteens: [Canteen], diners: [Diner], unmaskedPhones: Bool = false) {
        self.canteen = canteen
        (date, version, status) = (plan.date, plan.version, plan.status)
        let names = Dictionary(uniqueKeysWithValues: canteens.map { ($0.id, $0.name) })
        let meals = Dictionary(plan.assignments.map { ($0.dinerID, $0) }, uniquingKeysWith: { first, _ in first })
        let unserved = Dictionary(plan.unserved.map { ($0.dinerID, $0) }, uniquingKeysWith: { first, _ in first })
        redirects = diners.filter { $0.preferredCanteenID == canteen.id }.compactMap { diner in
            let destination: String
            if let meal = meals[diner.id] {
                let place = names[meal.canteenID] ?? meal.canteenID.rawValue
                switch meal.mode {
                case .dineIn: destination = "\(place) 堂食" + (meal.sitting.map { " \($0)" } ?? "")
                case .pickup: destination = "\(place) 自取"
                case .delivery: destination = "\(place) 送餐上门"
                }
            } else if let reason = unserved[diner.id] {
                destination = "今日未安排: \(reason.detail)"
            } else {
                return nil
            }
            return Redirect(dinerID: diner.id, name: PhoneMask.shown(diner.name, unmasked: unmaskedPhones),
                            destination: PhoneMask.shown(destination, unmasked: unmaskedPhones))
        }.sorted { ($0.name, $0.dinerID) < ($1.name, $1.dinerID) }
    }

    public var text: String {
        func v(_ text: String) -> String { PlainText.visible(text) }
        var out = "\(v(canteen.name)) (\(v(canteen.id.rawValue)))  \(date)  今日停业 closed today  v\(version)\n"
        out += "\(redirects.count) usual diners eat elsewhere today\n"
        var table = TerminalTable(headers: ["id", "name", "today"], rightAligned: [])
        for redirect in redirects { table.append([redirect.dinerID.rawValue, redirect.name, redirect.destination]) }
        return out + (redirects.isEmpty ? "" : table.render())
    }

    public var html: String {
        let e = RosterFormatter.escapeHTML
        var body = "<h1>\(e(canteen.name)) · \(e(date))</h1>\n<p class=\"closed\">今日停业 · closed today</p>\n"
        body += "<p>本食堂的 \(redirects.count) 位常客今天在以下地点用餐:</p>\n"
        body += PrintPage.Table(caption: "去向汇总", columns: [.init("今天", "nw"), .init("人", "n")],
                                rows: summary.map { [$0.place, "\($0.count)"] }).html
        body += PrintPage.Table(caption: "按姓名", columns: [.init("姓名", "nw"), .init("今天")],
                                rows: redirects.map { [$0.name, $0.destination] }).html
        return PrintPage.document(title: "\(canteen.name) \(date) 停业",
                                  footer: RosterHTML.footer(canteen: canteen, date: date, version: version, status: status) + " · 停业",
                                  body: body)
    }
}
