import Foundation
import XCTest
import MealCore
import MealPlanner
@testable import MealMaps

/// A canteen's 15-minute outline: on the streets it lies inside the ruler's circle of the same
/// walk (streets are never shorter than the straight line) and reaches well out along them;
/// without streets it is that circle, shortened by the circuity as the straight-line model times.
final class ReachOutlineTests: XCTestCase {
    func testTheOutlineOnTheStreetsLiesInsideTheWalkAndFollowsTheStreets() throws {
        let planned = try BundledDistrictMap.wednesday.get()
        let canteen = try XCTUnwrap(planned.registry.canteens.first)
        let projection = MapProjection(minLatitude: canteen.location.latitude - 0.05, maxLatitude: canteen.location.latitude + 0.05,
                                       minLongitude: canteen.location.longitude - 0.05, maxLongitude: canteen.location.longitude + 0.05)
        let model = NetworkTravelModel(roads: planned.roads, parameters: .standard)
        let basis = ReachOutline.basis(parameters: .standard, onStreets: true)
        let outline = ReachOutline.outline(of: canteen, basis: basis, router: model.router, projection: projection)
        XCTAssertGreaterThan(outline.count, 20, "points in many directions")
        let metres = outline.map { point -> Double in
            let place = projection.location(of: point)
            return try! GeoPoint(latitude: place.latitude, longitude: place.longitude).greatCircleMetres(to: canteen.location)
        }
        // 15 minutes at 1.0 m/s is 900 m of walking, less the walk from the door to the street.
        XCTAssertLessThanOrEqual(metres.max() ?? 0, 901)
        XCTAssertGreaterThan(metres.max() ?? 0, 500)

        let circle = ReachOutline.outline(of: canteen, basis: ReachOutline.basis(parameters: .standard, onStreets: false),
                                          router: nil, projection: projection)
        let centre = projection.point(latitude: canteen.location.latitude, longitude: canteen.location.longitude)
        for point in circle {
            XCTAssertEqual(hypot(point.x - centre.x, point.y - centre.y) * projection.metresPerUnit, 900 / 1.3, accuracy: 0.01)
        }
    }
}
