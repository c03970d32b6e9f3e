import Foundation
import MealCore
import MealPlanner

/// The registry map's marks: grids as circles sized by their elderly and shaded by the share
/// inside the circle, communities as dashed rings round their homes, diners outside the circle
/// as red dots, and the suggested new sites as numbered diamonds.
public enum DistributionLayer {
    /// A grid or community: where its elderly live and how many are inside the circle.
    public struct Area: Sendable {
        public var name: String
        public var total: Int
        public var inside: Int
        /// The mean of its homes.
        public var centre: MapPoint

        public var shareInside: Double { total == 0 ? 0 : Double(inside) / Double(total) }
        public var percentInside: Int { Int((shareInside * 100).rounded()) }

        /// Radius of a circle whose area is to the largest's as this count is to its count.
        func radius(largest: Int, maxRadius: Double) -> Double {
            maxRadius * (Double(total) / Double(max(largest, 1))).squareRoot()
        }
    }

    /// The diners grouped by `key`, in name order.
    static func areas(_ diners: [Diner], outside: Set<DinerID>, key: (Diner) -> String, at: (GeoPoint) -> MapPoint) -> [Area] {
        Dictionary(grouping: diners, by: key).sorted { $0.key < $1.key }.map { name, members -> Area in
            let points = members.map { at($0.location) }
            let centre = MapPoint(x: points.map(\.x).reduce(0, +) / Double(points.count),
                                  y: points.map(\.y).reduce(0, +) / Double(points.count))
            return Area(name: name, total: members.count, inside: members.filter { !outside.contains($0.id) }.count, centre: centre)
        }
    }

    /// Grids as filled circles (area ∝ elderly, colour = share inside), `maxRadius` drawing units for the largest.
    public static func grids(_ grids: [Area], maxRadius: Double) -> Markup {
        let largest = grids.map(\.total).max() ?? 1
        return .el(.g, [.class("grids")], grids.map { grid -> Markup in
            let radius = max(maxRadius * 0.2, grid.radius(largest: largest, maxRadius: maxRadius))
            let hover = "网格 \(grid.name)：老人 \(grid.total) 人，服务圈内 \(grid.inside) 人（\(grid.percentInside)%）"
            return .el(.g, [.class("grid"), .data("grid", grid.name)], [
                .el(.title, text: hover),
                .el(.circle, [.class("grid-count"), MarkupAttribute(.cx, MapNumber.text(grid.centre.x)),
                              MarkupAttribute(.cy, MapNumber.text(grid.centre.y)), MarkupAttribute(.r, MapNumber.text(radius)),
                              MarkupAttribute(.fill, shade(grid.shareInside))]),
                .el(.text, [.class("grid-label"), MarkupAttribute(.x, MapNumber.text(grid.centre.x)),
                            MarkupAttribute(.y, MapNumber.text(grid.centre.y)), MarkupAttribute(.textAnchor, "middle"),
                            MarkupAttribute(.dy, "0.35em")],
                    text: "\(grid.name) \(grid.total)人 \(grid.percentInside)%"),
            ])
        })
    }

    /// Green when everyone is inside, through yellow, to red when nobody is.
    public static func shade(_ share: Double) -> String {
        "hsl(\(Int((max(0, min(1, share)) * 120).rounded())),75%,45%)"
    }

    /// Communities as dashed rings (area ∝ elderly), labelled with count and share inside.
    public static func communities(_ communities: [Area], maxRadius: Double) -> Markup {
        let largest = communities.map(\.total).max() ?? 1
        return .el(.g, [.class("communities")], communities.map { community -> Markup in
            let radius = community.radius(largest: largest, maxRadius: maxRadius)
            return .el(.g, [.class("community-area"), .data("community", community.name)], [
                .el(.title, text: "社区 \(community.name)：老人 \(community.total) 人，服务圈内 \(community.inside) 人（\(community.percentInside)%）"),
                .el(.circle, [.class("community"), MarkupAttribute(.cx, MapNumber.text(community.centre.x)),
                              MarkupAttribute(.cy, MapNumber.text(community.centre.y)), MarkupAttribute(.r, MapNumber.text(radius))]),
                .el(.text, [.class("community-label"), MarkupAttribute(.x, MapNumber.text(community.centre.x)),
                            MarkupAttribute(.y, MapNumber.text(community.centre.y - radius)), MarkupAttribute(.textAnchor, "middle")],
                    text: "\(community.name) \(community.total)人 \(community.percentInside)%"),
            ])
        })
    }

    public static func outside(_ diners: [(entry: CoverageReport.OutsideDiner, at: MapPoint)]) -> Markup {
        .el(.g, [.class("outside-diners")], diners.map { diner, at -> Markup in
            let hover = "\(diner.diner.name) · \(diner.diner.community) \(diner.diner.grid) · 服务圈外：\(diner.explanation)"
                + " · 电话 \(PhoneMask.mask(diner.diner.phone))"
            return .el(.circle, [.class("outside"), .data("id", diner.diner.id.rawValue), MarkupAttribute(.cx, MapNumber.text(at.x)),
                                 MarkupAttribute(.cy, MapNumber.text(at.y))], [.el(.title, text: hover)])
        })
    }

    public static func sites(_ sites: [(site: CoverageReport.SiteSuggestion, at: MapPoint)]) -> Markup {
        .el(.g, [.class("sites")], sites.enumerated().map { index, entry -> Markup in
            var diamond = MapPathData()
            let size = 6.0
            diamond.add([MapPoint(x: entry.at.x, y: entry.at.y - size), MapPoint(x: entry.at.x + size, y: entry.at.y),
                         MapPoint(x: entry.at.x, y: entry.at.y + size), MapPoint(x: entry.at.x - size, y: entry.at.y)], closed: true)
            return .el(.g, [.class("site"), .data("rank", String(index + 1))], [
                .el(.title, text: "建议新址 \(index + 1)：\(entry.site.community)，可新覆盖 \(entry.site.newlyCovered) 人"),
                .el(.path, [MarkupAttribute(.d, diamond.text)]),
                .el(.text, [MarkupAttribute(.x, MapNumber.text(entry.at.x)), MarkupAttribute(.y, MapNumber.text(entry.at.y)),
                            MarkupAttribute(.dx, "0.9em"), MarkupAttribute(.dy, "0.35em")], text: "新址\(index + 1)"),
            ])
        })
    }
}
