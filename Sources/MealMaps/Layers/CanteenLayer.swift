import Foundation
import MealCore

/// Canteens: a square with the name beside it and, under them, each one's reach outline.
public enum CanteenLayer {
    public struct Mark: Sendable {
        public var canteen: Canteen
        public var at: MapPoint
        public var outline: [MapPoint]
        public var meals: Int
        public var dimmed: Bool
    }

    /// The outlines, drawn under everything but the streets.
    public static func outlines(_ marks: [Mark]) -> Markup {
        .el(.g, [.class("reaches")], marks.compactMap { mark -> Markup? in
            guard !mark.outline.isEmpty else { return nil }
            var data = MapPathData()
            data.add(mark.outline, closed: true)
            return .el(.path, [.class("reach", mark.dimmed ? "dim" : ""), .data("canteen", mark.canteen.id.rawValue),
                               MarkupAttribute(.d, data.text)])
        })
    }

    /// One group per canteen: its dot, its name and what hovering shows. Sizes come from the
    /// style sheet, so they stay the same on screen at any zoom.
    public static func markers(_ marks: [Mark]) -> Markup {
        .el(.g, [.class("canteens")], marks.map { mark -> Markup in
            let hover = "\(mark.canteen.name)（\(mark.canteen.id.rawValue)）· 今日 \(mark.meals) 份"
                + (mark.canteen.community.isEmpty ? "" : " · \(mark.canteen.community)")
            let x = MarkupAttribute(.x, MapNumber.text(mark.at.x)), y = MarkupAttribute(.y, MapNumber.text(mark.at.y))
            return .el(.g, [.class("canteen", mark.dimmed ? "dim" : ""), .data("id", mark.canteen.id.rawValue)], [
                .el(.title, text: hover),
                .el(.circle, [MarkupAttribute(.cx, MapNumber.text(mark.at.x)), MarkupAttribute(.cy, MapNumber.text(mark.at.y))]),
                .el(.text, [.class("canteen-name"), x, y, MarkupAttribute(.dx, "0.8em"), MarkupAttribute(.dy, "-0.5em")],
                    text: mark.canteen.name),
            ])
        })
    }
}
