import Foundation

/// How a search counts, by the seconds rule every model shares:
/// - pedestrians and cyclists move at a constant pace: keys are whole centimetres, and
///   seconds = Int((metres / speed).rounded()) with metres = access leg + along the ways + access leg;
/// - cars: keys are whole milliseconds, each segment taking
///   Int((metres / min(road speed, vehicle speed) × 1000).rounded()) ms and each access leg
///   Int((metres / vehicle speed × 1000).rounded()) ms; seconds = Int((ms / 1000).rounded()).
struct RoadCostModel {
    let user: RoadUser
    let metresPerSecond: Double
    let isCar: Bool
    /// Car speed in m/s for each road speed in km/h: the lower of the road's and the vehicle's.
    private let carSpeeds: [Double]

    init(user: RoadUser, metresPerSecond: Double) {
        precondition(metresPerSecond > 0 && metresPerSecond.isFinite, "a speed must be positive (got \(metresPerSecond) m/s)")
        self.user = user
        self.metresPerSecond = metresPerSecond
        isCar = user == .car
        carSpeeds = isCar ? (0...255).map { min(Double($0) / 3.6, metresPerSecond) } : []
    }

    /// Key of `centimetres` along a segment with road speed `kmh`.
    @inline(__always)
    func along(_ centimetres: Int, kmh: UInt8) -> Int {
        guard isCar else { return centimetres }
        return Int((Double(centimetres) / 100 / carSpeeds[Int(kmh)] * 1000).rounded())
    }

    /// Key of an access leg (walked or ridden at the traveller's own speed).
    func access(_ centimetres: Int) -> Int {
        guard isCar else { return centimetres }
        return Int((Double(centimetres) / 100 / metresPerSecond * 1000).rounded())
    }

    /// Seconds of a whole journey from its total key and total centimetres.
    func seconds(key: Int, centimetres: Int) -> Int {
        isCar ? Int((Double(key) / 1000).rounded()) : Int((Double(centimetres) / 100 / metresPerSecond).rounded())
    }

    /// The key a journey reaches after exactly `seconds`.
    func key(atSeconds seconds: Double) -> Double {
        isCar ? seconds * 1000 : seconds * metresPerSecond * 100
    }

    /// The largest total key whose seconds may still round to `limitSeconds` or fewer.
    func bound(limitSeconds: Int?) -> Int {
        guard let limitSeconds else { return Int(Int32.max) }
        return min(Int(Int32.max), Int(key(atSeconds: Double(limitSeconds) + 0.5).rounded(.up)))
    }
}
