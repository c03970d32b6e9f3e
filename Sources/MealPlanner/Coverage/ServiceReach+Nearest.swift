import MealCore

extension ServiceReach {
    /// The canteen nearest to a diner by the diner's own means: on foot at their pace, or for
    /// a diner who cannot or will not walk, the canteen's fastest courier.
    public func nearest(_ diner: Diner, _ links: [Link]) -> CoverageReport.OutsideDiner {
        let walks = Self.walksToCanteen(diner)
        var best: (seconds: Int, canteen: Int)?
        for link in links {
            let seconds = walks ? (diner.mode == .pickup ? link.pickupSeconds : link.walkSeconds) : link.deliverySeconds
            guard let seconds else { continue }
            if best == nil || seconds < best!.seconds { best = (seconds, link.canteen) }
        }
        return CoverageReport.OutsideDiner(diner: diner, nearestCanteen: best.map { canteens[$0.canteen] },
                                           nearestSeconds: best?.seconds, byCourier: !walks)
    }

    /// The same answer as `nearest(diner, links(for: diner))`, found without timing every
    /// canteen: only the diner's own means are asked, and each question is a search bounded
    /// at twice the circle, then four times, and so on. A bounded search answers exactly every
    /// trip within its bound, so the first bound inside which some canteen lies already holds
    /// the nearest one and all its ties. On a city's streets, a search to every canteen settles
    /// most of the network; the nearest lies a few circles away.
    public func nearest(_ diner: Diner) -> CoverageReport.OutsideDiner {
        let walks = Self.walksToCanteen(diner)
        let locations = canteens.map(\.location)
        var questions: [(mode: TravelMode, canteens: [Int])] = []
        if walks {
            let pace = diner.mode == .pickup ? Mobility.independent : diner.mobility
            questions = [(.walking(pace), Array(canteens.indices))]
        } else {
            questions = canteensByVehicle.map { (.courier($0.vehicle), $0.canteens) }
        }
        var limit: Int? = max(radius, 60) * 2
        while true {
            var best: (seconds: Int, canteen: Int)?
            for (mode, indices) in questions {
                let seconds = walks
                    ? model.seconds(from: diner.location, toEach: indices.map { locations[$0] }, by: mode, within: limit)
                    : model.seconds(fromEach: indices.map { locations[$0] }, to: diner.location, by: mode, within: limit)
                for (canteen, value) in zip(indices, seconds) {
                    guard let value else { continue }
                    if best == nil || (value, canteen) < (best!.seconds, best!.canteen) { best = (value, canteen) }
                }
            }
            // Past the bound a trip may be missing, so only a nearest within it is certain.
            if let best, limit == nil || best.seconds <= limit! {
                return CoverageReport.OutsideDiner(diner: diner, nearestCanteen: canteens[best.canteen],
                                                   nearestSeconds: best.seconds, byCourier: !walks)
            }
            if limit == nil {
                return CoverageReport.OutsideDiner(diner: diner, nearestCanteen: nil, nearestSeconds: nil,
                                                   byCourier: !walks)
            }
            // A day's travel bounds every trip worth naming; beyond it, one search without limit.
            limit = limit! >= 86_400 ? nil : limit! * 2
        }
    }

    /// Whether the diner's nearest canteen is measured on foot (else by courier).
    static func walksToCanteen(_ diner: Diner) -> Bool {
        diner.mobility != .bedridden && diner.mode != .delivery
    }
}
