import Foundation
import MealCore

/// Flat-earth metres from one place to many, squared: within 2% of the great circle over the
/// few kilometres of a circle; the callers' limits carry the slack. Both the straight line's
/// bound and the network's (`crowFliesLimitMetres`) filter with it.
struct CrowFlies {
    let squaredMetres: [Double]

    init(from origin: GeoPoint, to places: [GeoPoint]) {
        let metresPerDegree = GeoPoint.earthRadiusMetres * Double.pi / 180
        let cosLatitude = cos(origin.latitude * Double.pi / 180)
        squaredMetres = places.map { place in
            let dy = (place.latitude - origin.latitude) * metresPerDegree
            let dx = (place.longitude - origin.longitude) * metresPerDegree * cosLatitude
            return dx * dx + dy * dy
        }
    }

    func within(_ metres: Double, _ index: Int) -> Bool { squaredMetres[index] <= metres * metres }
}
