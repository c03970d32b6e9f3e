import Foundation
import MealCore

/// Delivery rounds: one line per trip in its courier's colour, from the kitchen through the
/// stops and back, with each stop's number beside it.
public enum RoundLayer {
    public struct Trip: Sendable {
        public var courier: Courier
        public var number: Int
        public var departSeconds: Int
        public var returnSeconds: Int
        /// The line drawn: along the streets, or straight from place to place without them.
        public var line: [MapPoint]
        public var stops: [MapPoint]
        public var colour: String
        public var dimmed: Bool

        /// `第1趟 10:45 出发 – 11:40 返回（8 户）`.
        public var timetable: String {
            "第\(number)趟 \(clock(departSeconds)) 出发 – \(clock(returnSeconds)) 返回（\(stops.count) 户）"
        }
    }

    public static func markup(_ trips: [Trip]) -> Markup {
        var lines: [Markup] = [], numbers: [Markup] = []
        for trip in trips {
            var data = MapPathData()
            data.add(trip.line)
            let hover = "\(trip.courier.name)（\(trip.courier.id.rawValue)，\(trip.courier.vehicle.label)）\(trip.timetable)"
            lines.append(.el(.path, [.class("trip", trip.dimmed ? "dim" : ""), .data("courier", trip.courier.id.rawValue),
                                     .data("trip", String(trip.number)), MarkupAttribute(.stroke, trip.colour),
                                     MarkupAttribute(.d, data.text)], [.el(.title, text: hover)]))
            for (index, stop) in trip.stops.enumerated() {
                numbers.append(.el(.text, [.class("stop", trip.dimmed ? "dim" : ""), MarkupAttribute(.fill, trip.colour),
                                           MarkupAttribute(.x, MapNumber.text(stop.x)), MarkupAttribute(.y, MapNumber.text(stop.y)),
                                           MarkupAttribute(.dx, "0.4em"), MarkupAttribute(.dy, "-0.3em")], text: String(index + 1)))
            }
        }
        return .group([.el(.g, [.class("rounds")], lines), .el(.g, [.class("stops")], numbers)])
    }

    /// A courier's colour: hues spread by the golden angle, so couriers listed together differ.
    public static func colour(_ index: Int) -> String {
        let hue = Int((Double(index) * 137.508).truncatingRemainder(dividingBy: 360))
        return "hsl(\(hue),80%,\(index % 2 == 0 ? 36 : 46)%)"
    }

    /// `HH:MM` of seconds since midnight, district time (plans keep local times of day).
    public static func clock(_ seconds: Int) -> String {
        let h = seconds / 3600, m = seconds % 3600 / 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}
