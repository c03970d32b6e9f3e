import Foundation
import MealCore
import MealPlanner
import MealRoads

/// Where a trip goes on the ground: kitchen, each stop, kitchen again, along the streets by the
/// courier's road user and speed when the map has a network (the way the router timed it),
/// straight from place to place otherwise or where a leg has no street path.
public enum RoundPaths {
    public struct Leg: Sendable {
        public var places: [GeoPoint]
        public var vehicle: VehicleKind
    }

    /// One line of places per trip, in the order given; trips are worked out in parallel.
    public static func lines(_ trips: [Leg], model: NetworkTravelModel?) -> [[GeoPoint]] {
        let results = Slots<[GeoPoint]>(count: trips.count)
        DispatchQueue.concurrentPerform(iterations: trips.count) { index in
            results.store(index, line(trips[index], model: model))
        }
        return results.values
    }

    static func line(_ trip: Leg, model: NetworkTravelModel?) -> [GeoPoint] {
        guard let first = trip.places.first else { return [] }
        guard let model, let (user, speed) = model.traveller(.courier(trip.vehicle)) else { return trip.places }
        var line = [first]
        for (from, to) in zip(trip.places, trip.places.dropFirst()) {
            let path = model.router.path(from: RoadPoint(latitude: from.latitude, longitude: from.longitude),
                                         to: RoadPoint(latitude: to.latitude, longitude: to.longitude), user: user, metresPerSecond: speed)
            line += (path ?? []).compactMap { try? GeoPoint(latitude: $0.latitude, longitude: $0.longitude) }
            line.append(to)
        }
        return line
    }
}

/// Results of `concurrentPerform`, by index.
final class Slots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ index: Int, _ value: Value) { lock.withLock { slots[index] = value } }

    var values: [Value] { lock.withLock { slots.map { $0! } } }
}
