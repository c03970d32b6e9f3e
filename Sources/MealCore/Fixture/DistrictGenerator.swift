import MealRouting

/// A generated data set: the registry of one or more districts.
public typealias District = Registry

/// Builds a deterministic, realistic-looking data set modelled on Yuehu district (月湖区) of
/// Yingtan, Jiangxi: street offices and townships, their elderly canteens (老年食堂), couriers,
/// and the elderly people registered with the meal service.
///
/// The same configuration always yields the same `District`, value for value, on every run:
/// all randomness comes from `SeededGenerator` streams derived from the seed, and every list is
/// built in a fixed order.
///
/// Modelling choices, so that planners and reports have something to work with:
/// - Diners cluster around the canteen of their community (Gaussian-like offsets of about
///   250 m in town and 350 m in townships); about 4.5 % live 1.2–3.5 km away (beyond a
///   15-minute walk, still deliverable) and about 0.6 % live at least 5 km from every canteen.
/// - About a quarter of the diners who eat on a given day need delivery: the bedridden, those
///   who asked for delivery, and `auto` diners farther than 750 m walking (straight line × 1.3)
///   from their community's canteens.
/// - Each canteen gets couriers whose box capacities together cover its expected delivery
///   demand (one trip each, 10 % slack), within 1–4 couriers in town and 1–2 in townships.
/// - Diners who need halal or vegetarian food mostly live near a canteen that cooks it, but not
///   all of them, so diet shortfalls show up too.
public struct DistrictGenerator: Sendable {
    /// What to generate.
    public struct Configuration: Hashable, Sendable {
        /// Every value in the output follows from this seed.
        public var seed: UInt64
        /// Diners subscribed to the meal service (status mostly `active`).
        public var diners: Int
        /// Canteens (at least 1), spread over the communities of all districts by community
        /// weight; every community gets one once there are at least as many canteens as communities.
        public var canteens: Int
        /// People on the district's elderly-care register who do not take meals: status
        /// `paused` (registered, not subscribed), with a few `hospitalized` or `deceased`.
        /// They get ids after the subscribed diners.
        public var registrants: Int
        /// Districts laid out side by side; 1 is Yuehu alone, more builds a city around it
        /// (at most 12, the number of district names on hand).
        public var districts: Int
        /// Minimum digits in generated ids; ids widen further if a count needs it.
        public var idDigits: IDDigits

        public init(seed: UInt64 = 20_260_520, diners: Int, canteens: Int, registrants: Int = 0,
                    districts: Int = 1, idDigits: IDDigits = .district) {
            self.seed = seed
            self.diners = max(0, diners)
            self.canteens = max(1, canteens)
            self.registrants = max(0, registrants)
            self.districts = min(max(1, districts), YuehuGeography.districtNames.count)
            self.idDigits = idDigits
        }

        /// The bundled set: Yuehu's 48 canteens and 2,000 subscribed diners, of whom about 1,780
        /// eat on a weekday.
        public static let yuehu = Configuration(diners: 2_000, canteens: 48)

        /// Yuehu's whole elderly-care register: 30,760 people. The first 2,000 are exactly the
        /// subscribed diners of `.yuehu` (same canteens and couriers too); the other 28,760 are
        /// registered but do not eat through the canteens (status `paused`, a few
        /// `hospitalized`/`deceased`), so about 1,780 people still eat on a weekday.
        public static let registry = Configuration(diners: 2_000, canteens: 48, registrants: 28_760)

        /// A city of ten districts around Yuehu: 500 canteens and 22,500 subscribed diners, of
        /// whom about 20,000 eat on a weekday. Ids are one digit wider (`C001`, `D000001`).
        public static let city = Configuration(diners: 22_500, canteens: 500, districts: 10, idDigits: .city)
    }

    /// Zero-padded widths of the numeric part of ids (`C01`, `K001`, `D00001`).
    public struct IDDigits: Hashable, Sendable {
        public var canteen: Int
        public var courier: Int
        public var diner: Int

        public init(canteen: Int, courier: Int, diner: Int) {
            self.canteen = canteen
            self.courier = courier
            self.diner = diner
        }

        /// `C01`, `K001`, `D00001`.
        public static let district = IDDigits(canteen: 2, courier: 3, diner: 5)
        /// `C001`, `K0001`, `D000001`.
        public static let city = IDDigits(canteen: 3, courier: 4, diner: 6)
    }

    public var configuration: Configuration

    public init(_ configuration: Configuration = .yuehu) {
        self.configuration = configuration
    }

    /// Walking distance beyond which an `auto` diner is counted as needing delivery when sizing
    /// courier fleets: 750 m of walking, taken as 1.3 × the straight-line distance.
    static let walkingLimitMetres = 750.0
    static let walkingCircuity = 1.3

    /// Whether a diner is expected to need a delivery (the rule used to size courier fleets).
    static func needsDelivery(mobility: Mobility, mode: ServicePreference, nearestCanteenMetres: Double) -> Bool {
        switch mode {
        case .delivery: true
        case .dineIn, .pickup: false
        case .auto: mobility == .bedridden || nearestCanteenMetres * walkingCircuity > walkingLimitMetres
        }
    }

    /// Generates the data set. Runs in well under a second for the register and a few hundred
    /// milliseconds for the city in release builds.
    public func generate() -> District {
        // The stored properties are mutable, so re-apply the initialiser's bounds.
        let bounded = Configuration(seed: configuration.seed, diners: configuration.diners,
                                    canteens: configuration.canteens, registrants: configuration.registrants,
                                    districts: configuration.districts, idDigits: configuration.idDigits)
        var builder = Builder(configuration: bounded)
        return builder.build()
    }
}

// MARK: - Building

/// A point in metres east and north of Yuehu's centre; the generator works on this plane and
/// converts to latitude and longitude only for output (the error is negligible at city scale).
struct PlanePoint: Hashable, Sendable {
    var east: Double
    var north: Double

    func distance(to other: PlanePoint) -> Double {
        let dx = east - other.east, dy = north - other.north
        return (dx * dx + dy * dy).squareRoot()
    }

    func offset(by vector: PlanePoint, scale: Double) -> PlanePoint {
        PlanePoint(east: east + vector.east * scale, north: north + vector.north * scale)
    }

    var length: Double { (east * east + north * north).squareRoot() }

    var geoPoint: GeoPoint {
        let latitude = YuehuGeography.centreLatitude + north / YuehuGeography.metresPerDegreeLatitude
        let longitude = YuehuGeography.centreLongitude + east / YuehuGeography.metresPerDegreeLongitude
        // Six decimals (about 0.1 m) is what a geocoder would give and keeps exports short.
        return built { try GeoPoint(latitude: (latitude * 1e6).rounded() / 1e6,
                                    longitude: (longitude * 1e6).rounded() / 1e6) }
    }
}

/// Runs a domain initialiser whose inputs the generator has made valid by construction; a
/// failure is a bug in the generator, not a data problem, so it stops with the domain message.
func built<T>(_ make: () throws -> T) -> T {
    do { return try make() } catch { preconditionFailure("DistrictGenerator built an invalid value: \(error)") }
}

private struct CommunityPlan {
    var name: String
    /// The community with its district, as used in addresses ("月湖区江边街道").
    var fullName: String
    /// What goes in the `community` field: the bare name for one district, the full name in a city.
    var label: String
    var shortName: String
    var kind: YuehuGeography.Kind
    var district: Int
    var centre: PlanePoint
    var districtCentre: PlanePoint
    var canteenCount: Int
    /// Residents' committees (town) or villages (township), in canteen order first.
    var localNames: [String]
    var roads: [String]
    var canteenIndices: [Int] = []
}

private struct CanteenPlan {
    var community: Int
    /// Position of the canteen within its community, 0 for the main one.
    var localIndex: Int
    var position: PlanePoint
    var canteen: Canteen
}

private struct PersonPlan {
    var diner: Diner
    var servingCanteen: Int
    var needsDelivery: Bool
}

private struct Builder {
    let configuration: DistrictGenerator.Configuration
    var communities: [CommunityPlan] = []
    var canteens: [CanteenPlan] = []
    var canteensByDistrict: [[Int]] = []
    /// Running sums of canteen kitchen capacities, for picking where a diner lives.
    var cumulativeAnchorWeights: [Double] = []

    init(configuration: DistrictGenerator.Configuration) {
        self.configuration = configuration
    }

    mutating func build() -> District {
        planCommunities()
        planCanteens()
        let subscribers = makeDiners(count: configuration.diners, firstNumber: 1, subscribed: true,
                                     stream: 3)
        let registrants = makeDiners(count: configuration.registrants, firstNumber: configuration.diners + 1,
                                     subscribed: false, stream: 4)
        let couriers = makeCouriers(for: subscribers)
        return District(canteens: canteens.map(\.canteen), couriers: couriers,
                        diners: subscribers.map(\.diner) + registrants.map(\.diner))
    }

    // MARK: Communities

    mutating func planCommunities() {
        var rng = SeededGenerator(seed: configuration.seed, stream: 1)
        var templates: [(district: Int, template: YuehuGeography.CommunityTemplate)] = []
        for district in 0..<configuration.districts {
            for template in YuehuGeography.communities(ofDistrict: district) {
                templates.append((district, template))
            }
        }
        let counts = apportion(configuration.canteens, weights: templates.map(\.template.weight))
        for (index, entry) in templates.enumerated() {
            let districtName = YuehuGeography.districtNames[entry.district]
            let offset = YuehuGeography.districtOffsetKm(entry.district)
            let districtCentre = PlanePoint(east: offset.east * 1000, north: offset.north * 1000)
            let centre = PlanePoint(east: districtCentre.east + entry.template.eastKm * 1000 + rng.uniform(-150...150),
                                    north: districtCentre.north + entry.template.northKm * 1000 + rng.uniform(-150...150))
            let pool = entry.template.kind == .urban ? YuehuGeography.neighbourhoodNames : YuehuGeography.villageNames
            let fullName = districtName + entry.template.name
            communities.append(CommunityPlan(
                name: entry.template.name,
                fullName: fullName,
                label: configuration.districts > 1 ? fullName : entry.template.name,
                shortName: YuehuGeography.shortName(entry.template.name),
                kind: entry.template.kind,
                district: entry.district,
                centre: centre,
                districtCentre: districtCentre,
                canteenCount: counts[index],
                localNames: rng.sample(pool, count: max(8, counts[index])),
                roads: rng.sample(YuehuGeography.roadNames, count: 4)))
        }
    }

    /// Splits `total` over `weights` by largest remainder, giving every share at least one when
    /// there is enough to go round, so that no community is left without a canteen.
    func apportion(_ total: Int, weights: [Double]) -> [Int] {
        let floor = total >= weights.count ? 1 : 0
        let rest = total - floor * weights.count
        let weightSum = weights.reduce(0, +)
        let quotas = weights.map { Double(rest) * $0 / weightSum }
        var counts = quotas.map { floor + Int($0) }
        let missing = total - counts.reduce(0, +)
        let byRemainder = quotas.indices.sorted {
            let a = quotas[$0] - quotas[$0].rounded(.down), b = quotas[$1] - quotas[$1].rounded(.down)
            return a != b ? a > b : $0 < $1
        }
        for index in byRemainder.prefix(missing) { counts[index] += 1 }
        return counts
    }

    // MARK: Canteens

    mutating func planCanteens() {
        var rng = SeededGenerator(seed: configuration.seed, stream: 2)
        let digits = max(configuration.idDigits.canteen, String(configuration.canteens).count)
        canteensByDistrict = Array(repeating: [], count: configuration.districts)
        for communityIndex in communities.indices {
            let community = communities[communityIndex]
            var placed: [PlanePoint] = []
            for localIndex in 0..<community.canteenCount {
                let position = canteenPosition(in: community, localIndex: localIndex, avoiding: placed, &rng)
                placed.append(position)
                let number = canteens.count + 1
                let canteen = makeCanteen(id: "C" + padded(number, digits), community: community,
                                          localIndex: localIndex, position: position, &rng)
                canteensByDistrict[community.district].append(canteens.count)
                communities[communityIndex].canteenIndices.append(canteens.count)
                canteens.append(CanteenPlan(community: communityIndex, localIndex: localIndex,
                                            position: position, canteen: canteen))
            }
        }
        addHalalKitchens(&rng)
        var runningWeight = 0.0
        cumulativeAnchorWeights = canteens.map {
            runningWeight += Double($0.canteen.kitchenCapacity)
            return runningWeight
        }
    }

    /// Town canteens sit a few hundred metres apart within their street office; township
    /// canteens are in villages a few kilometres from the township seat.
    func canteenPosition(in community: CommunityPlan, localIndex: Int, avoiding placed: [PlanePoint],
                         _ rng: inout SeededGenerator) -> PlanePoint {
        let minimumSpacing = community.kind == .urban ? 350.0 : 1_200.0
        var candidate = community.centre
        for _ in 0..<30 {
            switch community.kind {
            case .urban:
                candidate = PlanePoint(east: community.centre.east + rng.gaussian() * 550,
                                       north: community.centre.north + rng.gaussian() * 550)
            case .rural where localIndex == 0:
                candidate = PlanePoint(east: community.centre.east + rng.gaussian() * 300,
                                       north: community.centre.north + rng.gaussian() * 300)
            case .rural:
                candidate = community.centre.offset(by: randomDirection(&rng), scale: rng.uniform(1_500...3_500))
            }
            if placed.allSatisfy({ $0.distance(to: candidate) >= minimumSpacing }) { break }
        }
        return candidate
    }

    func makeCanteen(id: String, community: CommunityPlan, localIndex: Int, position: PlanePoint,
                     _ rng: inout SeededGenerator) -> Canteen {
        let urban = community.kind == .urban
        let suffix = urban ? "长者食堂" : "幸福食堂"
        let name: String
        if localIndex == 0 {
            name = community.label + suffix
        } else if localIndex - 1 < community.localNames.count {
            name = community.label + community.localNames[localIndex - 1] + (urban ? "社区" : "村") + suffix
        } else {
            name = community.label + "第\(localIndex + 1)" + suffix
        }
        let seats = urban ? rng.int(15...40) * 2 : rng.int(12...30)
        let kitchen = urban ? min(200, max(80, seats * 2 + rng.int(-10...50)))
                            : min(70, max(30, seats * 2 + rng.int(-5...15)))
        let sittingsText = urban
            ? rng.weighted([("11:00-11:45;11:45-12:30", 6.0), ("10:50-11:35;11:35-12:20", 2.0),
                            ("11:10-11:50;11:50-12:30", 2.0)])
            : rng.pick(["11:00-12:00", "11:15-12:15", "11:30-12:30"])
        var diets: Set<DietTag> = [.regular]
        if rng.chance(0.9) { diets.insert(.lowSalt) }
        if rng.chance(0.8) { diets.insert(.diabetic) }
        if rng.chance(urban ? 0.85 : 0.7) { diets.insert(.soft) }
        if rng.chance(urban ? 0.3 : 0.15) { diets.insert(.vegetarian) }
        let openDays: Weekdays
        if rng.chance(0.2) {
            openDays = rng.chance(0.8) ? Weekdays(uncheckedMask: 0b0111_1110) : Weekdays(uncheckedMask: 0b1111_1100)
        } else {
            openDays = .everyDay
        }
        let phone = ChineseNames.landline(&rng)
        return built {
            try Canteen(id: CanteenID(id), name: name, community: community.label, location: position.geoPoint,
                        seats: seats, sittings: Sitting.parseList(sittingsText), kitchenCapacity: kitchen,
                        diets: diets, openDays: openDays, phone: phone)
        }
    }

    /// A few town canteens per district cook halal food (about 6 % of canteens), chosen at
    /// random so that halal diners are served by a handful of kitchens, as in practice.
    mutating func addHalalKitchens(_ rng: inout SeededGenerator) {
        for districtCanteens in canteensByDistrict {
            let urban = districtCanteens.filter { communities[canteens[$0].community].kind == .urban }
            let wanted = max(1, Int((Double(districtCanteens.count) * 0.06).rounded()))
            for index in rng.sample(urban.isEmpty ? districtCanteens : urban, count: wanted).sorted() {
                canteens[index].canteen.diets.insert(.halal)
            }
        }
    }

    // MARK: Diners

    mutating func makeDiners(count: Int, firstNumber: Int, subscribed: Bool, stream: UInt64) -> [PersonPlan] {
        var rng = SeededGenerator(seed: configuration.seed, stream: stream)
        let digits = max(configuration.idDigits.diner,
                         String(configuration.diners + configuration.registrants).count)
        var people: [PersonPlan] = []
        people.reserveCapacity(count)
        for offset in 0..<count {
            people.append(makePerson(id: "D" + padded(firstNumber + offset, digits), subscribed: subscribed, &rng))
        }
        return people
    }

    func makePerson(id: String, subscribed: Bool, _ rng: inout SeededGenerator) -> PersonPlan {
        let female = rng.chance(0.58)
        let name = ChineseNames.elderName(female: female, &rng)
        let surname = String(name.prefix(1))
        let birthYear = 1930 + rng.int(0...17) + rng.int(0...18)
        let mobility: Mobility = rng.weighted([(.independent, 70.0), (.walker, 12.0), (.wheelchair, 8.0),
                                               (.bedridden, 10.0)])
        let mode = subscribed ? serviceMode(for: mobility, &rng) : .auto

        var diets: Set<DietTag> = []
        if rng.chance(0.30) { diets.insert(.lowSalt) }
        if rng.chance(0.15) { diets.insert(.diabetic) }
        if rng.chance(mobility == .bedridden ? 0.40 : 0.07) { diets.insert(.soft) }
        if rng.chance(0.02) { diets.insert(.halal) }
        if rng.chance(0.03) { diets.insert(.vegetarian) }
        let allergies = rng.chance(0.06) ? rng.pick(ChineseNames.allergies) : ""

        let anchor = anchorCanteen(for: diets, &rng)
        let communityIndex = canteens[anchor].community
        let community = communities[communityIndex]
        let position = residence(around: anchor, spread: subscribed ? 1 : 1.6, &rng)
        var serving = community.canteenIndices[0]
        var servingDistance = Double.infinity
        for index in community.canteenIndices {
            let distance = canteens[index].position.distance(to: position)
            if distance < servingDistance { serving = index; servingDistance = distance }
        }

        let alone = rng.chance(0.25)
        let lowIncome = rng.chance(0.20)
        let disabled = rng.chance(mobility == .wheelchair || mobility == .bedridden ? 0.6
                                  : mobility == .walker ? 0.15 : 0.01)
        var tags: [String] = []
        if alone { tags.append("alone") }
        if lowIncome { tags.append("low_income") }
        if birthYear <= 1946 { tags.append("age80") }
        if disabled { tags.append("disabled") }
        let priority = self.priority(mobility: mobility, alone: alone, lowIncome: lowIncome,
                                     disabled: disabled, birthYear: birthYear, &rng)

        let days: Weekdays = subscribed
            ? rng.weighted([(Weekdays.everyDay, 55.0), (.weekdays, 30.0), (Weekdays(uncheckedMask: 0b0010_1010), 8.0),
                            (Weekdays(uncheckedMask: 0b0101_0100), 7.0)])
            : .everyDay
        let delivers = mode == .delivery || mobility == .bedridden
        let windowText: String? = subscribed && delivers && rng.chance(0.35)
            ? rng.pick(["11:00-12:00", "11:30-12:30", "11:00-11:45", "12:00-13:00"]) : nil
        let preferred: CanteenID? = subscribed && rng.chance(0.6) ? canteens[serving].canteen.id : nil
        let status: DinerStatus = subscribed
            ? rng.weighted([(.active, 95.5), (.paused, 3.0), (.hospitalized, 1.0), (.deceased, 0.5)])
            : rng.weighted([(.paused, 95.0), (.hospitalized, 2.0), (.deceased, 3.0)])
        let phoneKind = rng.unit()
        let phone = phoneKind < 0.80 ? ChineseNames.mobile(&rng) : phoneKind < 0.92 ? ChineseNames.landline(&rng) : ""
        let grid = community.shortName + "-" + padded(canteens[serving].localIndex * 2 + (position.east >= canteens[serving].position.east ? 2 : 1), 2)
        let address = self.address(in: community, servedBy: canteens[serving], &rng)
        let contact = emergencyContact(surname: surname, &rng)

        let diner = built {
            try Diner(id: DinerID(id), name: name, community: community.label, grid: grid, location: position.geoPoint,
                      address: address, phone: phone, birthYear: birthYear, mobility: mobility, mode: mode,
                      diets: diets, allergies: allergies, priority: priority, tags: tags, days: days,
                      window: windowText.map { text in built { try TimeWindow(parsing: text) } },
                      preferredCanteenID: preferred, status: status, emergencyContact: contact)
        }
        return PersonPlan(diner: diner, servingCanteen: serving,
                          needsDelivery: DistrictGenerator.needsDelivery(mobility: mobility, mode: mode,
                                                                         nearestCanteenMetres: servingDistance))
    }

    /// Mode mix by mobility: the less mobile ask for delivery outright more often; nobody
    /// bedridden is set to dine in or pick up.
    func serviceMode(for mobility: Mobility, _ rng: inout SeededGenerator) -> ServicePreference {
        switch mobility {
        case .independent: rng.weighted([(.auto, 85.0), (.delivery, 3.0), (.pickup, 5.0), (.dineIn, 7.0)])
        case .walker: rng.weighted([(.auto, 80.0), (.delivery, 12.0), (.pickup, 3.0), (.dineIn, 5.0)])
        case .wheelchair: rng.weighted([(.auto, 60.0), (.delivery, 35.0), (.dineIn, 5.0)])
        case .bedridden: rng.weighted([(.auto, 45.0), (.delivery, 55.0)])
        }
    }

    /// Priority follows need: frailty, living alone, low income, disability and great age raise
    /// it, with some case-worker judgement (noise) on top.
    func priority(mobility: Mobility, alone: Bool, lowIncome: Bool, disabled: Bool, birthYear: Int,
                  _ rng: inout SeededGenerator) -> Priority {
        var score = 0
        if mobility == .bedridden { score += 2 } else if mobility == .wheelchair { score += 1 }
        if alone { score += 1 }
        if lowIncome { score += 1 }
        if disabled { score += 1 }
        if birthYear <= 1936 { score += 1 }
        let draw = rng.unit()
        switch score {
        case 0: return draw < 0.08 ? .elevated : .normal
        case 1: return draw < 0.45 ? .elevated : draw < 0.48 ? .high : .normal
        case 2: return draw < 0.60 ? .elevated : draw < 0.80 ? .high : .normal
        default: return draw < 0.60 ? .high : .elevated
        }
    }

    /// The canteen a diner lives near, in proportion to kitchen size. Diners on a halal or
    /// vegetarian diet usually (85 %) live near a kitchen that cooks it.
    func anchorCanteen(for diets: Set<DietTag>, _ rng: inout SeededGenerator) -> Int {
        let target = rng.unit() * (cumulativeAnchorWeights.last ?? 0)
        var low = 0, high = cumulativeAnchorWeights.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulativeAnchorWeights[middle] > target { high = middle } else { low = middle + 1 }
        }
        let special = diets.intersection([.halal, .vegetarian])
        guard !special.isEmpty, !canteens[low].canteen.diets.isSuperset(of: special), rng.chance(0.85) else {
            return low
        }
        let district = communities[canteens[low].community].district
        var best = low, bestDistance = Double.infinity
        for index in canteensByDistrict[district] where canteens[index].canteen.diets.isSuperset(of: special) {
            let distance = canteens[index].position.distance(to: canteens[low].position)
            if distance < bestDistance { best = index; bestDistance = distance }
        }
        return best
    }

    /// Where a diner lives relative to the canteen they were drawn around: mostly close by,
    /// some beyond a walk, a few beyond any delivery round.
    func residence(around anchor: Int, spread: Double, _ rng: inout SeededGenerator) -> PlanePoint {
        let canteen = canteens[anchor]
        let community = communities[canteen.community]
        let draw = rng.unit()
        if draw < 0.006 * spread {
            return remoteResidence(from: canteen.position, community: community, &rng)
        }
        if draw < 0.051 * spread {
            return canteen.position.offset(by: randomDirection(&rng), scale: rng.uniform(1_200...3_500))
        }
        let sigma = (community.kind == .urban ? 240.0 : 350.0) * spread
        return PlanePoint(east: canteen.position.east + rng.gaussian() * sigma,
                          north: canteen.position.north + rng.gaussian() * sigma)
    }

    /// A home out past the district's edge, at least 5 km from every canteen of the district.
    func remoteResidence(from start: PlanePoint, community: CommunityPlan, _ rng: inout SeededGenerator) -> PlanePoint {
        var outward = PlanePoint(east: community.centre.east - community.districtCentre.east,
                                 north: community.centre.north - community.districtCentre.north)
        if outward.length < 1 { outward = randomDirection(&rng) }
        let wobble = randomDirection(&rng)
        var direction = PlanePoint(east: outward.east / outward.length + wobble.east * 0.6,
                                   north: outward.north / outward.length + wobble.north * 0.6)
        if direction.length < 1e-6 { direction = wobble }
        direction = PlanePoint(east: direction.east / direction.length, north: direction.north / direction.length)
        var distance = rng.uniform(6_000...9_000)
        var candidate = start.offset(by: direction, scale: distance)
        for _ in 0..<12 {
            let clear = canteensByDistrict[community.district].allSatisfy {
                canteens[$0].position.distance(to: candidate) >= 5_000
            }
            if clear { break }
            distance += 1_500
            candidate = start.offset(by: direction, scale: distance)
        }
        return candidate
    }

    /// A uniformly random unit vector, by rejection from the square so no trigonometry is needed.
    func randomDirection(_ rng: inout SeededGenerator) -> PlanePoint {
        while true {
            let x = rng.uniform(-1...1), y = rng.uniform(-1...1)
            let squared = x * x + y * y
            if squared > 0.01 && squared <= 1 {
                let length = squared.squareRoot()
                return PlanePoint(east: x / length, north: y / length)
            }
        }
    }

    /// "月湖区江边街道滨江路12号3栋201" in town, "月湖区夏埠乡下埠村三组18号" in a township.
    func address(in community: CommunityPlan, servedBy canteen: CanteenPlan, _ rng: inout SeededGenerator) -> String {
        switch community.kind {
        case .urban:
            let floor = rng.int(1...7), room = rng.int(1...4)
            return community.fullName + rng.pick(community.roads) + "\(rng.int(1...268))号\(rng.int(1...16))栋\(floor)0\(room)"
        case .rural:
            let village = canteen.localIndex > 0 && rng.chance(0.7)
                ? community.localNames[min(canteen.localIndex - 1, community.localNames.count - 1)]
                : rng.pick(community.localNames)
            return community.fullName + village + "村" + rng.pick(ChineseNames.groupNumerals) + "组\(rng.int(1...88))号"
        }
    }

    /// "儿子 王军 13912345678"; about 5 % have nobody on record.
    func emergencyContact(surname: String, _ rng: inout SeededGenerator) -> String {
        guard rng.chance(0.95) else { return "" }
        if rng.chance(0.9) {
            let relation = rng.weighted(ChineseNames.kinRelations)
            let familySurname = ChineseNames.surnameRelations.contains(relation) ? surname : ChineseNames.surname(&rng)
            let name = ChineseNames.youngerName(surname: familySurname,
                                                female: ChineseNames.femaleRelations.contains(relation), &rng)
            return "\(relation) \(name) \(ChineseNames.mobile(&rng))"
        }
        let relation = rng.weighted(ChineseNames.otherRelations)
        let name = ChineseNames.youngerName(surname: ChineseNames.surname(&rng), female: rng.chance(0.6), &rng)
        return "\(relation) \(name) \(ChineseNames.mobile(&rng))"
    }

    // MARK: Couriers

    /// Sizes each canteen's fleet to the Wednesday delivery demand of the diners it serves.
    func makeCouriers(for subscribers: [PersonPlan]) -> [Courier] {
        var rng = SeededGenerator(seed: configuration.seed, stream: 5)
        var demand = Array(repeating: 0, count: canteens.count)
        for person in subscribers where person.needsDelivery && person.diner.eats(onISOWeekday: 3) {
            demand[person.servingCanteen] += 1
        }
        var hires: [(canteenID: CanteenID, name: String, vehicle: VehicleKind, capacity: Int, shift: String,
                     days: Weekdays, phone: String)] = []
        for (index, plan) in canteens.enumerated() {
            let urban = communities[plan.community].kind == .urban
            let maximum = urban ? 4 : 2
            let needed = Int((Double(demand[index]) * 1.1).rounded(.up))
            var carried = 0, hired = 0
            while hired == 0 || (carried < needed && hired < maximum) {
                let slotsLeft = maximum - hired
                let heavy = Double(needed - carried) / Double(slotsLeft) > 11
                let vehicle: VehicleKind = urban
                    ? rng.weighted(heavy ? [(.ebike, 40.0), (.tricycle, 60.0)]
                                   : [(.ebike, 50.0), (.tricycle, 15.0), (.bicycle, 17.0), (.walk, 18.0)])
                    : rng.weighted(heavy ? [(.tricycle, 40.0), (.car, 60.0)]
                                   : [(.ebike, 55.0), (.tricycle, 25.0), (.car, 12.0), (.bicycle, 8.0)])
                let capacity = switch vehicle {
                case .walk: rng.int(4...6)
                case .bicycle: rng.int(6...8)
                case .ebike: rng.int(8...12)
                case .tricycle: rng.int(12...20)
                case .car: rng.int(20...30)
                }
                let shiftText = rng.weighted([("10:30-13:30", 70.0), ("10:00-13:00", 15.0), ("11:00-14:00", 15.0)])
                let days = hired > 0 && rng.chance(0.2) ? Weekdays.weekdays : plan.canteen.openDays
                let name = ChineseNames.youngerName(surname: ChineseNames.surname(&rng), female: rng.chance(0.4), &rng)
                let phone = ChineseNames.mobile(&rng)
                hires.append((plan.canteen.id, name, vehicle, capacity, shiftText, days, phone))
                carried += capacity
                hired += 1
            }
        }
        // Ids are numbered once the fleet size is known, so they all share one width.
        let digits = max(configuration.idDigits.courier, String(hires.count).count)
        return hires.enumerated().map { number, hire in
            built {
                try Courier(id: CourierID("K" + padded(number + 1, digits)), name: hire.name, canteenID: hire.canteenID,
                            vehicle: hire.vehicle, capacity: hire.capacity, shift: TimeWindow(parsing: hire.shift),
                            days: hire.days, phone: hire.phone)
            }
        }
    }
}

/// `number` in decimal, left-padded with zeros to `width` digits.
func padded(_ number: Int, _ width: Int) -> String {
    let digits = String(number)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
