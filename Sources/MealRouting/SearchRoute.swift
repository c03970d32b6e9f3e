/// One trip slot of one vehicle while the search works on it, with the cumulative data that
/// makes move evaluation O(1). Position 0 is the departure from the depot, positions
/// `1...stops.count` the stops, and `stops.count + 1` the return.
final class SearchRoute {
    let index: Int
    let vehicle: Int
    let trip: Int
    let depotLocation: Int
    /// Offset of this vehicle's kind in the flattened travel matrices.
    let kindOffset: Int
    /// Locked stops occupy positions `1...lockedCount`; only trip 0 of a vehicle has them.
    let lockedCount: Int

    /// The stop list that moves edit; `refresh` copies it into the caches below.
    var stops: [Int] = []

    // The caches live in raw buffers sized for the whole problem: reading them through `let`
    // pointers avoids the dynamic exclusivity checks of class properties in the inner loop.
    private let capacity: Int
    private let header: UnsafeMutablePointer<RouteHeader>
    let stopAt: UnsafeMutablePointer<Int>
    let location: UnsafeMutablePointer<Int>
    /// `prefix[p]`: the trip from the departure up to and including position `p`.
    let prefix: UnsafeMutablePointer<DurationSegment>
    /// `suffix[p]`: the trip from position `p` to the return, inclusive.
    let suffix: UnsafeMutablePointer<DurationSegment>
    let prefixDistance: UnsafeMutablePointer<Double>
    let prefixLoad: UnsafeMutablePointer<Double>
    let prefixMismatch: UnsafeMutablePointer<Double>

    private struct RouteHeader {
        var stopCount: Int
        var evaluation: TripEvaluation
    }

    init(index: Int, model: SearchModel) {
        self.index = index
        vehicle = model.routeVehicle[index]
        trip = model.routeTrip[index]
        depotLocation = model.vehicleDepotLocation[vehicle]
        kindOffset = model.vehicleKind[vehicle] * model.kindStride
        lockedCount = trip == 0 ? model.lockedPrefix[vehicle].count : 0
        capacity = model.stopCount + 2
        header = .allocate(capacity: 1)
        header.initialize(to: RouteHeader(stopCount: 0, evaluation: .empty))
        stopAt = .allocate(capacity: capacity)
        location = .allocate(capacity: capacity)
        prefix = .allocate(capacity: capacity)
        suffix = .allocate(capacity: capacity)
        prefixDistance = .allocate(capacity: capacity)
        prefixLoad = .allocate(capacity: capacity)
        prefixMismatch = .allocate(capacity: capacity)
    }

    deinit {
        header.deallocate()
        stopAt.deallocate()
        location.deallocate()
        prefix.deallocate()
        suffix.deallocate()
        prefixDistance.deallocate()
        prefixLoad.deallocate()
        prefixMismatch.deallocate()
    }

    @inline(__always) var stopCount: Int { header.pointee.stopCount }
    @inline(__always) var isEmpty: Bool { header.pointee.stopCount == 0 }
    /// Position of the return to the depot.
    @inline(__always) var endPosition: Int { header.pointee.stopCount + 1 }
    @inline(__always) var evaluation: TripEvaluation { header.pointee.evaluation }

    @inline(__always)
    func stop(at position: Int) -> Int { stopAt[position] }

    /// Rebuilds the cumulative data after the stop list changed.
    func refresh(model: SearchModel) {
        let m = stops.count
        let count = m + 2
        let n = model.locationCount
        let times = model.travelTimes + kindOffset
        let dists = model.distances + kindOffset
        location[0] = depotLocation
        for (i, s) in stops.enumerated() {
            stopAt[i + 1] = s
            location[i + 1] = model.stopLocation[s]
        }
        location[count - 1] = depotLocation
        var segment = model.departureSegment[vehicle]
        var distance = 0.0, load = 0.0, mismatch = 0.0
        prefix[0] = segment
        prefixDistance[0] = 0
        prefixLoad[0] = 0
        prefixMismatch[0] = 0
        for p in 1..<count {
            let from = location[p - 1], to = location[p]
            let node: DurationSegment
            if p < count - 1 {
                let s = stopAt[p]
                node = model.stopSegment[s]
                load += model.stopDemand[s]
                mismatch += model.vehicleMismatchCost[s * model.vehicleCount + vehicle]
            } else {
                node = model.returnSegment[vehicle]
            }
            segment = DurationSegment.merge(segment, times[from * n + to], node)
            distance += dists[from * n + to]
            prefix[p] = segment
            prefixDistance[p] = distance
            prefixLoad[p] = load
            prefixMismatch[p] = mismatch
        }
        var back = model.returnSegment[vehicle]
        suffix[count - 1] = back
        var p = count - 2
        while p >= 1 {
            back = DurationSegment.merge(model.stopSegment[stopAt[p]], times[location[p] * n + location[p + 1]], back)
            suffix[p] = back
            p -= 1
        }
        suffix[0] = DurationSegment.merge(model.departureSegment[vehicle], times[location[0] * n + location[1]], back)
        header.pointee = RouteHeader(
            stopCount: m,
            evaluation: TripEvaluation(
                segment: prefix[count - 1], distance: distance, load: load, mismatch: mismatch,
                stopCount: m, isAllowed: true))
    }
}

/// The figures of one candidate trip that the cost needs.
struct TripEvaluation {
    var segment: DurationSegment
    var distance: Double
    var load: Double
    var mismatch: Double
    var stopCount: Int
    /// False when a stop ended up on a vehicle that may not serve it.
    var isAllowed: Bool

    static let empty = TripEvaluation(
        segment: .depot(service: 0, window: (0, 0)), distance: 0, load: 0, mismatch: 0, stopCount: 0,
        isAllowed: true)
}

/// Builds the evaluation of a candidate trip for one route from pieces: the route's own prefix,
/// single stops, stretches of any route (forwards or backwards) and a tail of any route, without
/// materialising the candidate.
struct TripBuilder {
    private(set) var segment: DurationSegment
    private(set) var distance: Double
    private(set) var load: Double
    private(set) var mismatch: Double
    private(set) var stopCount: Int
    private(set) var isAllowed = true
    private var lastLocation: Int
    private let vehicle: Int
    private let times: UnsafeMutablePointer<Double>
    private let dists: UnsafeMutablePointer<Double>
    private let n: Int

    /// Starts with `route` from its departure through `position`.
    @inline(__always)
    init(_ route: SearchRoute, through position: Int, model: SearchModel) {
        segment = route.prefix[position]
        distance = route.prefixDistance[position]
        load = route.prefixLoad[position]
        mismatch = route.prefixMismatch[position]
        stopCount = position
        lastLocation = route.location[position]
        vehicle = route.vehicle
        times = model.travelTimes + route.kindOffset
        dists = model.distances + route.kindOffset
        n = model.locationCount
    }

    @inline(__always)
    mutating func add(stop s: Int, model: SearchModel) {
        let to = model.stopLocation[s]
        segment = DurationSegment.merge(segment, times[lastLocation * n + to], model.stopSegment[s])
        distance += dists[lastLocation * n + to]
        load += model.stopDemand[s]
        mismatch += model.vehicleMismatchCost[s * model.vehicleCount + vehicle]
        if model.hasVehicleRestrictions && !model.allowed[s * model.vehicleCount + vehicle] { isAllowed = false }
        stopCount += 1
        lastLocation = to
    }

    /// Adds the stops at positions `from...to` of `route` in visiting order.
    @inline(__always)
    mutating func add(_ route: SearchRoute, from: Int, to: Int, model: SearchModel) {
        if from > to { return }
        for p in from...to { add(stop: route.stopAt[p], model: model) }
    }

    /// Adds the stops at positions `from...to` of `route` in reverse order (`to` first).
    @inline(__always)
    mutating func addReversed(_ route: SearchRoute, from: Int, to: Int, model: SearchModel) {
        if from > to { return }
        var p = to
        while p >= from {
            add(stop: route.stopAt[p], model: model)
            p -= 1
        }
    }

    /// Appends `route` from `position` to its return and yields the candidate trip. The cached
    /// tail is reused when it was computed for an interchangeable vehicle; otherwise it is replayed.
    @inline(__always)
    mutating func finish(withTailOf route: SearchRoute, from position: Int, model: SearchModel) -> TripEvaluation {
        let sameVehicle = route.vehicle == vehicle
        if sameVehicle
            || (model.vehicleProfile[route.vehicle] == model.vehicleProfile[vehicle]
                && !model.hasVehicleRestrictions && !model.hasPreferredVehicles)
        {
            let to = route.location[position]
            let tail = route.suffix[position]
            segment = DurationSegment.merge(segment, times[lastLocation * n + to], tail)
            let end = route.endPosition
            distance += dists[lastLocation * n + to] + route.prefixDistance[end] - route.prefixDistance[position]
            load += route.prefixLoad[end] - route.prefixLoad[position - 1]
            mismatch += route.prefixMismatch[end] - route.prefixMismatch[position - 1]
            stopCount += end - position
            return TripEvaluation(
                segment: segment, distance: distance, load: load, mismatch: mismatch,
                stopCount: stopCount, isAllowed: isAllowed)
        }
        add(route, from: position, to: route.endPosition - 1, model: model)
        return finishAtDepot(model: model)
    }

    /// Closes the candidate trip with this vehicle's return to the depot.
    @inline(__always)
    mutating func finishAtDepot(model: SearchModel) -> TripEvaluation {
        let depot = model.vehicleDepotLocation[vehicle]
        segment = DurationSegment.merge(segment, times[lastLocation * n + depot], model.returnSegment[vehicle])
        distance += dists[lastLocation * n + depot]
        return TripEvaluation(
            segment: segment, distance: distance, load: load, mismatch: mismatch,
            stopCount: stopCount, isAllowed: isAllowed)
    }
}
