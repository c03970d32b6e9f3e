import Foundation
import MealPlanner

/// The distribution map's legend: totals, what circles and shades mean, the grids least
/// covered, and the suggested sites.
struct RegistryLegend {
    var coverage: CoverageReport
    var grids: [DistributionLayer.Area]
    var basis: ReachOutline.Basis
    var hasStreets: Bool

    var markup: Markup {
        let district = coverage.district
        let percent = district.total == 0 ? 0 : Int((Double(district.inside) / Double(district.total) * 100).rounded())
        var parts: [Markup] = [
            .el(.h1, text: "老年人分布图"),
            .el(.p, text: "登记用餐老人 \(district.total) 人，服务圈内 \(district.inside) 人（\(percent)%），圈外 \(district.outside) 人"),
            .el(.h2, text: "图例"),
            .el(.ul, [], [
                .el(.li, [], [.el(.span, [.class("swatch", "dine-in")]),
                              .text("网格：圆面积表示老人数，颜色表示服务圈内比例（绿 100% → 红 0%）")]),
                .el(.li, [], [.text("虚线圆：社区，圆面积表示老人数，位于社区老人住址的中心")]),
                .el(.li, [], [.el(.span, [.class("swatch", "outside")]), .text("服务圈外的老人 \(coverage.outside.count) 人")]),
                .el(.li, [], [.el(.span, [.class("swatch", "canteen")]), .text("食堂")]),
                .el(.li, [], [.el(.span, [.class("swatch", "reach")]), .text(basis.legend)]),
                .el(.li, [], [.el(.span, [.class("swatch", "site")]), .text("建议新址（按可新覆盖人数排序）")]),
            ]),
            .el(.h2, text: "覆盖率最低的网格"),
        ]
        let lowest = grids.sorted { ($0.shareInside, $0.name) < ($1.shareInside, $1.name) }.prefix(10)
        parts.append(.el(.ul, [], lowest.map { Markup.el(.li, text: "\($0.name)：\($0.total) 人，圈内 \($0.percentInside)%") }))
        parts.append(.el(.h2, text: "建议新址"))
        parts.append(.el(.ul, [], coverage.suggestions.isEmpty ? [.el(.li, text: "无")] : coverage.suggestions.enumerated().map {
            Markup.el(.li, text: "新址\($0.offset + 1)：\($0.element.community)（靠近 \($0.element.nearDiner)），可新覆盖 \($0.element.newlyCovered) 人")
        }))
        parts.append(.el(.p, [.class("note")],
                         text: hasStreets ? "底图为导入的路网。" : "无路网：底图为经纬网格。"))
        parts.append(.el(.p, [.class("note")], text: "拖动平移，滚轮或双指缩放；悬停或点按查看详情。电话号码已隐去中间数字。"))
        return .group(parts)
    }
}
