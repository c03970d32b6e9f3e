import Foundation
import MealCore
import MealPlanner
import MealRoads

/// The outline of a canteen's 15-minute reach. On the streets: the farthest place reached in
/// each of 72 directions round the canteen (the street ends of `RoadRouter.reach`), joined in
/// turn; it follows the streets' shape where a ruler's circle would not. Without streets: the
/// circle the straight-line model times, radius = pace × limit ÷ circuity.
public enum ReachOutline {
    /// What the legend says of the outlines: whose pace and on what.
    public struct Basis: Sendable, Equatable {
        public var onStreets: Bool
        public var metresPerSecond: Double
        public var radiusSeconds: Int
        public var circuity: Double

        public var legend: String {
            let minutes = radiusSeconds / 60
            let pace = String(format: "%.1f 米/秒", metresPerSecond)
            return onStreets
                ? "\(minutes)分钟服务圈：能独立行走的老人（\(pace)）沿街道步行可达范围"
                : "\(minutes)分钟服务圈：能独立行走的老人（\(pace)）直线距离÷绕行系数 \(String(format: "%.1f", circuity)) 的圆"
        }
    }

    /// The pace outlines are drawn at: an independent diner on foot, from the plan's parameters.
    public static func basis(parameters: PlanningParameters, onStreets: Bool) -> Basis {
        Basis(onStreets: onStreets, metresPerSecond: parameters.walkingSpeed(for: .independent) ?? 1.0,
              radiusSeconds: parameters.radiusSeconds, circuity: parameters.circuity)
    }

    /// The outline of `canteen`'s reach, in drawing units; empty when the canteen is off the
    /// walkers' streets.
    public static func outline(of canteen: Canteen, basis: Basis, router: RoadRouter?, projection: MapProjection) -> [MapPoint] {
        let centre = projection.point(latitude: canteen.location.latitude, longitude: canteen.location.longitude)
        guard basis.onStreets, let router else {
            let metres = basis.metresPerSecond * Double(basis.radiusSeconds) / max(basis.circuity, 1)
            return circle(centre: centre, radius: projection.units(metres: metres))
        }
        let reach = router.reach(
            from: RoadPoint(latitude: canteen.location.latitude, longitude: canteen.location.longitude), user: .foot,
            metresPerSecond: basis.metresPerSecond, limitSeconds: basis.radiusSeconds)
        let places = reach.segments.flatMap { [$0.from, $0.to] }.map { projection.point(latitude: $0.latitude, longitude: $0.longitude) }
        return farthest(from: centre, of: places)
    }

    /// For each of `sectors` equal angles round `centre`, the farthest of `places` in it, in turn.
    static func farthest(from centre: MapPoint, of places: [MapPoint], sectors: Int = 72) -> [MapPoint] {
        var best = [(distance: Double, place: MapPoint)?](repeating: nil, count: sectors)
        for place in places {
            let dx = place.x - centre.x, dy = place.y - centre.y
            let distance = (dx * dx + dy * dy).squareRoot()
            guard distance > 0 else { continue }
            let angle = atan2(dy, dx) + Double.pi
            let sector = min(sectors - 1, Int(angle / (2 * Double.pi) * Double(sectors)))
            if distance > best[sector]?.distance ?? 0 { best[sector] = (distance, place) }
        }
        let outline = best.compactMap { $0?.place }
        return outline.count >= 3 ? outline : []
    }

    static func circle(centre: MapPoint, radius: Double, steps: Int = 72) -> [MapPoint] {
        (0..<steps).map { step in
            let angle = Double(step) / Double(steps) * 2 * Double.pi
            return MapPoint(x: centre.x + radius * cos(angle), y: centre.y + radius * sin(angle))
        }
    }
}
