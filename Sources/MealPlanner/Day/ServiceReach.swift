import Foundation
import MealCore

/// How each diner can be reached from each canteen under the travel model: the facts that the
/// 15-minute circle, the coverage report and the assignment all rest on.
public struct ServiceReach: Sendable {
    /// One canteen as seen from one diner.
    public struct Link: Sendable, Equatable {
        public let canteen: Int
        /// On foot at the diner's own pace; nil for bedridden diners.
        public let walkSeconds: Int?
        /// On foot at the independent pace (a family member collecting).
        public let pickupSeconds: Int
        /// The fastest direct trip by one of the canteen's couriers (working that day); nil
        /// when the canteen has no courier.
        public let deliverySeconds: Int?
        /// The courier who makes that fastest trip.
        public let fastestCourier: Int?
    }

    public let canteens: [Canteen]
    public let couriers: [Courier]
    public let parameters: PlanningParameters
    public let day: ServiceDay
    public var radius: Int { parameters.radiusSeconds }

    let model: any TravelModel
    /// Courier indices per canteen index, only those working that day.
    let couriersByCanteen: [[Int]]
    /// The links in reach of many diners, worked out in batches (`prepared(for:)`).
    var table: ReachTable?

    public init(canteens: [Canteen], couriers: [Courier], parameters: PlanningParameters,
                day: ServiceDay, model: (any TravelModel)? = nil) {
        self.canteens = canteens
        self.couriers = couriers
        self.parameters = parameters
        self.day = day
        self.model = model ?? GreatCircleTravelModel(parameters: parameters)
        let index = Dictionary(uniqueKeysWithValues: canteens.enumerated().map { ($1.id, $0) })
        var byCanteen = [[Int]](repeating: [], count: canteens.count)
        for (courierIndex, courier) in couriers.enumerated() where day.works(courier) {
            if let canteen = index[courier.canteenID] { byCanteen[canteen].append(courierIndex) }
        }
        couriersByCanteen = byCanteen
    }

    /// The canteens that might be inside the circle for `diner` by any mode, in canteen order.
    /// With the default model a cheap flat-earth bound skips canteens farther than the fastest
    /// mode covers in the radius; with another model, the links `prepared(for:)` worked out in
    /// batches, or every canteen asked about in one batch per mode.
    public func linksInReach(for diner: Diner) -> [Link] {
        guard let model = model as? GreatCircleTravelModel else {
            return table?.links[diner.id] ?? links(for: diner)
        }
        let fastest = max(parameters.walkSpeed.values.max() ?? 1, parameters.courierSpeed.values.max() ?? 1)
        // Crow-flies metres beyond which no mode arrives in time (circuity only lengthens trips),
        // with 1% slack for the flat-earth approximation.
        let limit = Double(radius) * fastest / model.parameters.circuity * 1.01 + 1
        let nearby = CrowFlies(from: diner.location, to: canteens.map(\.location))
        return canteens.indices.filter { nearby.within(limit, $0) }.map { link(diner, canteen: $0) }
    }

    /// Every canteen as seen from `diner`, in canteen order, with no time limit: one batched
    /// query per mode (on foot from the home to every canteen, each courier kind from every
    /// canteen that has one to the home).
    public func links(for diner: Diner) -> [Link] {
        let locations = canteens.map(\.location)
        let walk = model.seconds(from: diner.location, toEach: locations, by: .walking(diner.mobility), within: nil)
        let pickup = model.seconds(from: diner.location, toEach: locations, by: .walking(.independent), within: nil)
        var delivery = [[VehicleKind: Int]](repeating: [:], count: canteens.count)
        for (vehicle, canteenIndices) in canteensByVehicle {
            let seconds = model.seconds(fromEach: canteenIndices.map { locations[$0] }, to: diner.location,
                                        by: .courier(vehicle), within: nil)
            for (canteen, value) in zip(canteenIndices, seconds) { delivery[canteen][vehicle] = value }
        }
        return canteens.indices.map { index in
            makeLink(canteen: index, walk: walk[index], pickup: pickup[index], delivery: delivery[index])
        }
    }

    /// One canteen as seen from one diner, asked pair by pair.
    public func link(_ diner: Diner, canteen index: Int) -> Link {
        let canteen = canteens[index]
        let walk = model.seconds(from: diner.location, to: canteen.location, by: .walking(diner.mobility))
        let pickup = model.seconds(from: diner.location, to: canteen.location, by: .walking(.independent))
        var delivery: [VehicleKind: Int] = [:]
        for courierIndex in couriersByCanteen[index] {
            let vehicle = couriers[courierIndex].vehicle
            guard delivery[vehicle] == nil else { continue }
            delivery[vehicle] = model.seconds(from: canteen.location, to: diner.location, by: .courier(vehicle))
        }
        return makeLink(canteen: index, walk: walk, pickup: pickup, delivery: delivery)
    }

    /// The link from the times of each mode; `delivery` holds the seconds of each courier kind
    /// (absent: that kind cannot make the trip). The fastest courier is the first of the
    /// canteen's couriers, in registry order, whose kind is fastest.
    func makeLink(canteen index: Int, walk: Int?, pickup: Int?, delivery: [VehicleKind: Int]) -> Link {
        var fastest: (seconds: Int, courier: Int)?
        for courierIndex in couriersByCanteen[index] {
            guard let seconds = delivery[couriers[courierIndex].vehicle] else { continue }
            if fastest == nil || seconds < fastest!.seconds { fastest = (seconds, courierIndex) }
        }
        return Link(canteen: index, walkSeconds: walk, pickupSeconds: pickup ?? .max,
                    deliverySeconds: fastest?.seconds, fastestCourier: fastest?.courier)
    }

    /// For each courier kind working that day, the canteens that have one, in canteen order.
    var canteensByVehicle: [(vehicle: VehicleKind, canteens: [Int])] {
        VehicleKind.allCases.compactMap { vehicle in
            let indices = canteens.indices.filter { index in
                couriersByCanteen[index].contains { couriers[$0].vehicle == vehicle }
            }
            return indices.isEmpty ? nil : (vehicle, indices)
        }
    }

    /// The ways a diner may be served, from their requested mode and mobility.
    public static func allowedKinds(for diner: Diner) -> [ServiceMode] {
        switch diner.mode {
        case .dineIn: [.dineIn]
        case .delivery: [.delivery]
        case .pickup: [.pickup]
        case .auto: diner.mobility == .bedridden ? [.delivery] : [.dineIn, .delivery]
        }
    }

    /// Whether `kind` from this canteen is inside the circle (ignoring capacities, diets and
    /// opening days).
    public func withinCircle(_ link: Link, _ kind: ServiceMode) -> Bool {
        switch kind {
        case .dineIn: canteens[link.canteen].offersDineIn && (link.walkSeconds.map { $0 <= radius } ?? false)
        case .pickup: link.pickupSeconds <= radius
        case .delivery: link.deliverySeconds.map { $0 <= radius } ?? false
        }
    }
}
