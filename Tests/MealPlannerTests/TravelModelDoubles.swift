import Foundation
import MealCore
@testable import MealPlanner

/// Test double of a road network: the straight line, except that a river along `riverNorth`
/// (metres north of the test districts' origin) is crossed only at `bridge`, and the places in
/// `offNetwork` have no street within 300 m (no trip starts or ends there).
struct RiverTravelModel: TravelModel {
    let straight: GreatCircleTravelModel
    let riverLatitude: Double
    let bridge: GeoPoint
    let offNetwork: Set<GeoPoint>

    var identity: TravelModelIdentity { .network(digest: "0123456789abcdef-river") }

    func metres(from origin: GeoPoint, to destination: GeoPoint) -> Double {
        let sameBank = (origin.latitude < riverLatitude) == (destination.latitude < riverLatitude)
        return sameBank ? straight.metres(from: origin, to: destination)
            : straight.metres(from: origin, to: bridge) + straight.metres(from: bridge, to: destination)
    }

    func seconds(from origin: GeoPoint, to destination: GeoPoint, by mode: TravelMode) -> Int? {
        guard !offNetwork.contains(origin), !offNetwork.contains(destination),
              let speed = straight.speed(of: mode), speed > 0 else { return nil }
        return Int((metres(from: origin, to: destination) / speed).rounded())
    }

    func placement(of point: GeoPoint, by mode: TravelMode) -> TravelPlacement {
        offNetwork.contains(point) ? .offNetwork(limitMetres: 300) : .onNetwork(snapMetres: 0)
    }
}

/// The straight line under another type (so the planner takes the batched path a network model
/// takes), counting how callers ask: pair by pair, or in batches.
final class CountingTravelModel: TravelModel, @unchecked Sendable {
    let inner: GreatCircleTravelModel
    private let lock = NSLock()
    private var pairs = 0
    private var batches = 0

    init(parameters: PlanningParameters = .standard) { inner = GreatCircleTravelModel(parameters: parameters) }

    var identity: TravelModelIdentity { .network(digest: "counting") }
    var counts: (pairs: Int, batches: Int) { lock.withLock { (pairs, batches) } }
    func reset() { lock.withLock { pairs = 0; batches = 0 } }

    func metres(from origin: GeoPoint, to destination: GeoPoint) -> Double { inner.metres(from: origin, to: destination) }

    func seconds(from origin: GeoPoint, to destination: GeoPoint, by mode: TravelMode) -> Int? {
        lock.withLock { pairs += 1 }
        return inner.seconds(from: origin, to: destination, by: mode)
    }

    func seconds(from origin: GeoPoint, toEach destinations: [GeoPoint], by mode: TravelMode, within limitSeconds: Int?) -> [Int?] {
        lock.withLock { batches += 1 }
        return destinations.map { inner.seconds(from: origin, to: $0, by: mode) }
    }

    func seconds(fromEach origins: [GeoPoint], to destination: GeoPoint, by mode: TravelMode, within limitSeconds: Int?) -> [Int?] {
        lock.withLock { batches += 1 }
        return origins.map { inner.seconds(from: $0, to: destination, by: mode) }
    }
}
