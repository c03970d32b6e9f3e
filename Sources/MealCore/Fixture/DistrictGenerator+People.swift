import MealRouting

/// The diners and couriers of a generated district, drawn around the canteens already placed.
extension Builder {
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
