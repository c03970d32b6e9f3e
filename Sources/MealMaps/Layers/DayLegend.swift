import Foundation
import MealCore

/// The day map's legend: what the page shows, the colour of each way of being served with its
/// count, what the outlines mean, and each courier's trips with departure and return times.
struct DayLegend {
    var plan: DayPlan
    var focus: String?
    var dots: [DinerLayer.Dot]
    var trips: [RoundLayer.Trip]
    var basis: ReachOutline.Basis
    var hasStreets: Bool
    var timeZone: String

    var markup: Markup {
        let status = plan.status == .published ? "已发布" : "草稿"
        var parts: [Markup] = [
            .el(.h1, text: "配餐地图 \(plan.date)"),
            .el(.p, text: "第\(plan.version)版（\(status)）"),
        ]
        if let focus { parts.append(.el(.p, [.class("focus")], [.el(.strong, text: focus)])) }
        parts.append(.el(.h2, text: "老人（按服务方式）"))
        parts.append(.el(.ul, [], DinerLayer.Service.allCases.map { service -> Markup in
            let count = dots.filter { $0.service == service }.count
            return .el(.li, [], [.el(.span, [.class("swatch", service.rawValue)]), .text("\(service.label) \(count) 人")])
        }))
        parts.append(.el(.h2, text: "食堂与服务圈"))
        parts.append(.el(.ul, [], [
            .el(.li, [], [.el(.span, [.class("swatch", "canteen")]), .text("食堂（名称标注）")]),
            .el(.li, [], [.el(.span, [.class("swatch", "reach")]), .text(basis.legend)]),
        ]))
        parts.append(.el(.h2, text: "底图"))
        parts.append(.el(.ul, [], hasStreets
            ? [.el(.li, [], [.el(.span, [.class("swatch", "major")]), .text("主干道（可通行汽车，40公里/时以上）")]),
               .el(.li, [], [.el(.span, [.class("swatch", "minor")]), .text("街道；虚线为步行道")])]
            : [.el(.li, [], [.text("无路网：经纬网格，送餐路线为各站之间的直线")])]))
        parts.append(.el(.h2, text: "送餐路线（时间为当地时间 \(timeZone)）"))
        parts += courierEntries
        parts.append(.el(.p, [.class("note")], text: "拖动平移，滚轮或双指缩放；悬停或点按圆点查看姓名、食堂、方式与时间。电话号码已隐去中间数字。"))
        return .group(parts)
    }

    /// One entry per courier in the focus (every courier without one): colour, name, vehicle,
    /// and each trip's times.
    private var courierEntries: [Markup] {
        var entries: [Markup] = []
        var index = 0
        let shown = trips.filter { !$0.dimmed }
        guard !shown.isEmpty else { return [.el(.p, text: "无送餐路线")] }
        while index < shown.count {
            let courier = shown[index].courier
            var end = index
            while end < shown.count, shown[end].courier.id == courier.id { end += 1 }
            let colour = shown[index].colour
            entries.append(.el(.div, [.class("courier"), .data("courier", courier.id.rawValue)], [
                .el(.svg, [.class("key-line"), MarkupAttribute(.viewBox, "0 0 22 10")],
                    [.el(.line, [MarkupAttribute(.x1, "0"), MarkupAttribute(.y1, "5"), MarkupAttribute(.x2, "22"),
                                 MarkupAttribute(.y2, "5"), MarkupAttribute(.stroke, colour)])]),
                .el(.strong, text: "\(courier.name)（\(courier.id.rawValue)）"),
                .text(" \(courier.vehicle.label) · \(courier.canteenID.rawValue)"),
                .el(.div, [.class("trips")], shown[index..<end].map { Markup.el(.div, text: $0.timetable) }),
            ]))
            index = end
        }
        return entries
    }
}
