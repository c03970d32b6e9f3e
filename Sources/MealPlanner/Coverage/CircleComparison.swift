import Foundation
import MealCore

/// Who is inside the 15-minute circle by the ruler and by the streets: the diners a river, a
/// railway or a stair puts outside although the ruler put them inside, and the reverse (a
/// straight street shorter than great circle × circuity).
public struct CircleComparison: Sendable, Equatable {
    /// Diners who eat that day.
    public var diners: Int
    public var insideByRuler: Int
    public var insideByNetwork: Int
    /// Inside by the ruler, outside on the streets; in id order.
    public var outsideOnlyOnNetwork: [DinerID]
    /// Outside by the ruler, inside on the streets; in id order.
    public var insideOnlyOnNetwork: [DinerID]

    /// `ruler` and `network` must differ only in their travel model. Inside means some open
    /// canteen serves the diner in one of their allowed ways within the circle, as the coverage
    /// report counts it.
    public init(diners: [Diner], ruler: ServiceReach, network: ServiceReach) {
        let eating = diners.filter(ruler.day.eats).sorted { $0.id.rawValue < $1.id.rawValue }
        let byRuler = ruler.prepared(for: eating), byNetwork = network.prepared(for: eating)
        self.diners = eating.count
        var insideByRuler = 0, insideByNetwork = 0
        var outsideOnly: [DinerID] = [], insideOnly: [DinerID] = []
        for diner in eating {
            let ruler = byRuler.isInsideCircle(diner), streets = byNetwork.isInsideCircle(diner)
            if ruler { insideByRuler += 1 }
            if streets { insideByNetwork += 1 }
            if ruler && !streets { outsideOnly.append(diner.id) }
            if streets && !ruler { insideOnly.append(diner.id) }
        }
        self.insideByRuler = insideByRuler
        self.insideByNetwork = insideByNetwork
        outsideOnlyOnNetwork = outsideOnly
        insideOnlyOnNetwork = insideOnly
    }

    /// The demo's sentence.
    public var text: String {
        "on the streets \(outsideOnlyOnNetwork.count) of the \(diners) diners are outside the circle the ruler put "
            + "them inside, and \(insideOnlyOnNetwork.count) inside it the ruler put outside "
            + "(inside: \(insideByRuler) by the ruler, \(insideByNetwork) on the streets)"
    }
}

extension ServiceReach {
    /// Whether some open canteen serves `diner` in one of their allowed ways within the circle.
    public func isInsideCircle(_ diner: Diner) -> Bool {
        let links = linksInReach(for: diner)
        return Self.allowedKinds(for: diner).contains { kind in
            links.contains { day.isOpen(canteens[$0.canteen]) && withinCircle($0, kind) }
        }
    }
}

extension ServiceReach {
    /// The same canteens, couriers, parameters and day under another travel model.
    public func with(model: any TravelModel) -> ServiceReach {
        ServiceReach(canteens: canteens, couriers: couriers, parameters: parameters, day: day, model: model)
    }
}
