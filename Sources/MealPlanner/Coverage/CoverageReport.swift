import MealCore

/// Who lives inside the 15-minute circle, by community, and where new canteens would help most.
public struct CoverageReport: Sendable {
    public struct Counts: Sendable, Equatable {
        public var dineIn = 0
        public var pickup = 0
        public var delivery = 0
        public var outside = 0
        public var total: Int { dineIn + pickup + delivery + outside }
        public var inside: Int { dineIn + pickup + delivery }

        mutating func add(_ kind: ServiceMode?) {
            switch kind {
            case .dineIn: dineIn += 1
            case .pickup: pickup += 1
            case .delivery: delivery += 1
            case nil: outside += 1
            }
        }
    }

    /// A diner no canteen reaches within the circle, with the nearest canteen for the record.
    public struct OutsideDiner: Sendable, Equatable {
        public let diner: Diner
        public let nearestCanteen: Canteen?
        /// Seconds to the nearest canteen by the diner's own means (on foot at their pace, or
        /// for diners who cannot walk, the canteen's fastest courier).
        public let nearestSeconds: Int?
        public let byCourier: Bool
        /// Set when the home is off the road network for every way the diner may be served:
        /// the sentence saying so (`UnservedReason.homeOffNetwork`).
        public var offNetwork: String?

        /// The reason the plan would give: off the network, or outside the circle.
        public var reason: UnservedReason { offNetwork == nil ? .outsideRadius : .homeOffNetwork }

        /// The sentence a coordinator reads.
        public var explanation: String {
            if let offNetwork { return offNetwork }
            guard let nearestCanteen, let nearestSeconds else {
                return byCourier ? "no canteen has a courier who can reach this diner"
                    : "no canteen can be reached on foot from this home"
            }
            let minutes = (nearestSeconds + 30) / 60
            return byCourier
                ? "nearest canteen \(nearestCanteen.name) is \(minutes) min away by its fastest courier"
                : "nearest canteen \(nearestCanteen.name) is \(minutes) min away on foot at this diner's pace"
        }
    }

    /// A proposed new canteen site: a diner's home, and the uncovered diners it would bring inside.
    public struct SiteSuggestion: Sendable, Equatable {
        public let location: GeoPoint
        public let community: String
        public let nearDiner: String
        public let newlyCovered: Int
    }

    public let day: ServiceDay
    public let radiusSeconds: Int
    public var district = Counts()
    /// Per community, in name order.
    public var communities: [(name: String, counts: Counts)] = []
    public var outside: [OutsideDiner] = []
    public var suggestions: [SiteSuggestion] = []

    /// Analyses the diners who eat on `day` (all active diners when the day is `.anyDay`).
    public init(diners: [Diner], reach: ServiceReach, suggestionCount: Int = 5) {
        day = reach.day
        radiusSeconds = reach.radius
        var byCommunity: [String: Counts] = [:]
        let eating = diners.filter(reach.day.eats)
        // Only the links inside the circle decide the service (worked out in batches for a road
        // network); the nearest canteen of a diner outside it is then looked for in widening circles.
        let reach = reach.prepared(for: eating)
        for diner in eating {
            let links = reach.linksInReach(for: diner)
            var kind: ServiceMode?
            for candidate in ServiceReach.allowedKinds(for: diner)
            where links.contains(where: { reach.day.isOpen(reach.canteens[$0.canteen]) && reach.withinCircle($0, candidate) }) {
                kind = candidate
                break
            }
            district.add(kind)
            byCommunity[diner.community, default: Counts()].add(kind)
            if kind == nil {
                var entry = reach.nearest(diner)
                entry.offNetwork = reach.offNetworkExplanation(for: diner)
                outside.append(entry)
            }
        }
        communities = byCommunity.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        outside.sort { ($0.diner.community, $0.diner.id) < ($1.diner.community, $1.diner.id) }
        suggestions = Self.suggestSites(outside.map(\.diner), reach: reach, count: suggestionCount)
    }

    /// Greedy maximum coverage: candidate sites are the homes of uncovered diners; a site covers
    /// a diner when the diner could walk there within the circle at their pace, or, for a diner
    /// who cannot walk, when an e-bike courier from the site could reach them within it.
    static func suggestSites(_ uncovered: [Diner], reach: ServiceReach, count: Int) -> [SiteSuggestion] {
        guard count > 0, !uncovered.isEmpty else { return [] }
        let model = reach.model
        let radius = reach.radius
        func mode(_ diner: Diner) -> TravelMode {
            let walker = diner.mobility != .bedridden && diner.mode != .delivery
            return walker ? .walking(diner.mode == .pickup ? .independent : diner.mobility) : .courier(VehicleKind.ebike)
        }
        var byMode: [TravelMode: [Int]] = [:]
        for index in uncovered.indices { byMode[mode(uncovered[index]), default: []].append(index) }
        // Candidates: at most 2,000 homes, spread evenly, to keep the quadratic scan small.
        let stride = max(1, uncovered.count / 2_000)
        let candidates = Swift.stride(from: 0, to: uncovered.count, by: stride).map { uncovered[$0] }
        // One batched query per candidate site and mode: the homes of that mode towards the site.
        var coveredBy = candidates.map { candidate in
            var covered = Set<Int>()
            for (mode, indices) in byMode {
                let seconds = model.seconds(fromEach: indices.map { uncovered[$0].location }, to: candidate.location,
                                            by: mode, within: radius)
                for (index, value) in zip(indices, seconds) where (value ?? .max) <= radius { covered.insert(index) }
            }
            return covered
        }
        var remaining = Set(uncovered.indices)
        var suggestions: [SiteSuggestion] = []
        while suggestions.count < count, !remaining.isEmpty {
            var best = -1, bestGain = 0
            for (index, set) in coveredBy.enumerated() where set.count > bestGain {
                best = index
                bestGain = set.count
            }
            guard best >= 0 else { break }
            let chosen = coveredBy[best]
            suggestions.append(SiteSuggestion(location: candidates[best].location, community: candidates[best].community,
                                              nearDiner: candidates[best].id.rawValue, newlyCovered: chosen.count))
            remaining.subtract(chosen)
            for index in coveredBy.indices { coveredBy[index].subtract(chosen) }
        }
        return suggestions
    }
}
