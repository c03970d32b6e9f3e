import Foundation
import MealCore

/// The links of many diners, worked out canteen by canteen with batched queries: per canteen,
/// one query per pace towards every diner of that pace and one per courier kind, each bounded
/// by the circle. A network model answers each with one bounded search from the canteen, where
/// asking diner by diner would cost a search per diner and canteen.
final class ReachTable: Sendable {
    /// Per diner, the canteens with at least one mode inside the circle, in canteen order.
    let links: [DinerID: [ServiceReach.Link]]

    init(reach: ServiceReach, diners: [Diner]) {
        let radius = reach.radius
        let locations = diners.map(\.location)
        let byPace: [(mobility: Mobility, diners: [Int])] = Mobility.allCases.compactMap { mobility in
            let indices = diners.indices.filter { diners[$0].mobility == mobility }
            return indices.isEmpty ? nil : (mobility, Array(indices))
        }
        let perCanteen = ParallelResults<[(diner: Int, link: ServiceReach.Link)]>(count: reach.canteens.count)
        DispatchQueue.concurrentPerform(iterations: reach.canteens.count) { index in
            let canteen = reach.canteens[index].location
            let model = reach.model
            // Each question names only the diners the mode could reach as the crow flies: on a
            // city's streets, the bounded search is cheap and naming every diner is not.
            let nearby = CrowFlies(from: canteen, to: locations)
            func candidates(_ indices: [Int], _ mode: TravelMode) -> [Int] {
                guard let metres = model.crowFliesLimitMetres(within: radius, by: mode) else { return indices }
                return indices.filter { nearby.within(metres, $0) }
            }
            var walk = [Int?](repeating: nil, count: diners.count)
            for (mobility, indices) in byPace {
                // Diners walk to the canteen: many origins, one destination.
                let asked = candidates(indices, .walking(mobility))
                let seconds = model.seconds(fromEach: asked.map { locations[$0] }, to: canteen,
                                            by: .walking(mobility), within: radius)
                for (diner, value) in zip(asked, seconds) { walk[diner] = value }
            }
            var pickup = [Int?](repeating: nil, count: diners.count)
            let askedPickup = candidates(Array(diners.indices), .walking(.independent))
            let pickupSeconds = model.seconds(fromEach: askedPickup.map { locations[$0] }, to: canteen,
                                              by: .walking(.independent), within: radius)
            for (diner, value) in zip(askedPickup, pickupSeconds) { pickup[diner] = value }
            var vehicles: [VehicleKind] = []
            for courier in reach.couriersByCanteen[index] where !vehicles.contains(reach.couriers[courier].vehicle) {
                vehicles.append(reach.couriers[courier].vehicle)
            }
            let delivery = vehicles.map { vehicle in
                let asked = candidates(Array(diners.indices), .courier(vehicle))
                var seconds = [Int?](repeating: nil, count: diners.count)
                let found = model.seconds(from: canteen, toEach: asked.map { locations[$0] }, by: .courier(vehicle), within: radius)
                for (diner, value) in zip(asked, found) { seconds[diner] = value }
                return (vehicle, seconds)
            }
            var found: [(diner: Int, link: ServiceReach.Link)] = []
            // A diner no question timed is not inside by any mode.
            for diner in diners.indices
            where walk[diner] != nil || pickup[diner] != nil || delivery.contains(where: { $0.1[diner] != nil }) {
                var byVehicle: [VehicleKind: Int] = [:]
                for (vehicle, seconds) in delivery { byVehicle[vehicle] = seconds[diner] }
                let link = reach.makeLink(canteen: index, walk: walk[diner], pickup: pickup[diner], delivery: byVehicle)
                let inside = (link.walkSeconds ?? .max) <= radius || link.pickupSeconds <= radius
                    || (link.deliverySeconds ?? .max) <= radius
                if inside { found.append((diner, link)) }
            }
            perCanteen.store(index, .success(found))
        }
        var links = [[ServiceReach.Link]](repeating: [], count: diners.count)
        // Merged in canteen order, so each diner's links are in canteen order whatever thread ran.
        for found in (try? perCanteen.values()) ?? [] {
            for (diner, link) in found { links[diner].append(link) }
        }
        self.links = Dictionary(zip(diners.map(\.id), links), uniquingKeysWith: { first, _ in first })
    }
}

extension ServiceReach {
    /// This reach with the links of `diners` worked out in batches, for a model other than the
    /// straight line (which keeps its cheaper flat-earth bound, diner by diner).
    public func prepared(for diners: [Diner]) -> ServiceReach {
        guard !(model is GreatCircleTravelModel), !diners.isEmpty else { return self }
        if let table, diners.allSatisfy({ table.links[$0.id] != nil }) { return self }
        var copy = self
        copy.table = ReachTable(reach: self, diners: diners)
        return copy
    }
}

extension ServiceReach {
    /// The sentence an operator reads when the diner's home is off the road network for every
    /// way they may be served (on foot at their pace for dine-in, at the independent pace for
    /// pickup, by each courier kind working that day for delivery); nil when some way starts at
    /// the home, and always nil on the straight line.
    public func offNetworkExplanation(for diner: Diner) -> String? {
        var modes: [(mode: TravelMode, words: String)] = []
        for kind in Self.allowedKinds(for: diner) {
            switch kind {
            case .dineIn: modes.append((.walking(diner.mobility), "on foot at this diner's pace (\(diner.mobility.rawValue))"))
            case .pickup: modes.append((.walking(.independent), "on foot to collect the meal"))
            case .delivery:
                for (vehicle, _) in canteensByVehicle { modes.append((.courier(vehicle), "by a courier's \(vehicle.rawValue)")) }
            }
        }
        var limit = 0.0
        for (mode, _) in modes {
            guard case .offNetwork(let metres) = model.placement(of: diner.location, by: mode) else { return nil }
            limit = max(limit, metres)
        }
        guard !modes.isEmpty else { return nil }
        return "home off the street network: no street usable " + modes.map(\.words).joined(separator: " or ")
            + " within \(Int(limit.rounded())) m"
    }
}
