import Foundation
import MealCore

/// Diners as dots coloured by how they are served that day; the unserved larger, ringed and
/// drawn last so they stand out. Hovering (or tapping) shows name, canteen, mode and time, with
/// the phone masked: the map is shared more widely than a courier's route sheet.
public enum DinerLayer {
    public enum Service: String, Sendable, CaseIterable {
        case dineIn = "dine-in", pickup, delivery, unserved

        public init(_ mode: ServiceMode) {
            switch mode {
            case .dineIn: self = .dineIn
            case .pickup: self = .pickup
            case .delivery: self = .delivery
            }
        }

        public var label: String {
            switch self {
            case .dineIn: ServiceMode.dineIn.label
            case .pickup: ServiceMode.pickup.label
            case .delivery: ServiceMode.delivery.label
            case .unserved: "未安排"
            }
        }
    }

    public struct Dot: Sendable {
        public var diner: Diner
        public var at: MapPoint
        public var service: Service
        /// What hovering shows after the name: canteen, mode and time, or why not served.
        public var details: [String]
        public var dimmed: Bool
    }

    /// Radii come from the style sheet (unserved larger), so dots keep their size at any zoom.
    public static func markup(_ dots: [Dot]) -> Markup {
        let ordered = dots.filter { $0.service != .unserved } + dots.filter { $0.service == .unserved }
        return .el(.g, [.class("diners")], ordered.map { dot -> Markup in
            let hover = ([dot.diner.name] + dot.details + ["电话 " + PhoneMask.mask(dot.diner.phone)]).joined(separator: " · ")
            return .el(.circle, [.class("diner", dot.service.rawValue, dot.dimmed ? "dim" : ""), .data("id", dot.diner.id.rawValue),
                                 MarkupAttribute(.cx, MapNumber.text(dot.at.x)), MarkupAttribute(.cy, MapNumber.text(dot.at.y))], [.el(.title, text: hover)])
        })
    }

    /// Words for why a diner has no place, as the map's hover shows them.
    public static func reason(_ reason: UnservedReason) -> String {
        switch reason {
        case .outsideRadius: "不在任何食堂的15分钟服务圈内"
        case .noDiet: "服务圈内的食堂不做其所需饮食"
        case .canteenFull: "服务圈内的食堂已满"
        case .noCourierCapacity: "送餐员运力不足"
        case .closed: "服务圈内的食堂当日停业"
        case .noRoute: "无法排入送餐路线"
        case .cancelled: "已取消"
        case .homeOffNetwork: "住址附近没有可通行的道路"
        }
    }
}
