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

struct CommunityPlan {
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

struct CanteenPlan {
    var community: Int
    /// Position of the canteen within its community, 0 for the main one.
    var localIndex: Int
    var position: PlanePoint
    var canteen: Canteen
}

struct PersonPlan {
    var diner: Diner
    var servingCanteen: Int
    var needsDelivery: Bool
}

struct Builder {
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
}

/// `number` in decimal, left-padded with zeros to `width` digits.
func padded(_ number: Int, _ width: Int) -> String {
    let digits = String(number)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
