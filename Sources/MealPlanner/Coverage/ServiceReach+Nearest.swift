import MealCore

extension ServiceReach {
    /// The canteen nearest to a diner by the diner's own means: on foot at their pace, or for
    /// a diner who cannot or will not walk, the canteen's fastest courier.
    public func nearest(_ diner: Diner, _ links: [Link]) -> CoverageReport.OutsideDiner {
        let walks = diner.mobility != .bedridden && diner.mode != .delivery
        var best: (seconds: Int, canteen: Int)?
        for link in links {
            let seconds = walks ? (diner.mode == .pickup ? link.pickupSeconds : link.walkSeconds) : link.deliverySeconds
            guard let seconds else { continue }
            if best == nil || seconds < best!.seconds { best = (seconds, link.canteen) }
        }
        return CoverageReport.OutsideDiner(diner: diner, nearestCanteen: best.map { canteens[$0.canteen] },
                                           nearestSeconds: best?.seconds, byCourier: !walks)
    }
}
