import MealCore

extension CanteenRoster {
    /// The canteen's sittings, then any sitting the plan uses that the registry no longer holds,
    /// then dine-in meals without a sitting: every dine-in meal of the plan is listed once.
    static func sittingBlocks(meals: [PlannedMeal], canteen: Canteen, lines: RosterLines, version: Int,
                              notices: inout [String]) -> [SittingBlock] {
        let dineIn = meals.filter { $0.mode == .dineIn }
        func seated(_ window: TimeWindow?) -> [DinerLine] {
            dineIn.filter { $0.sitting == window }
                .sorted { (lines.diners[$0.dinerID]?.name ?? "", $0.dinerID) < (lines.diners[$1.dinerID]?.name ?? "", $1.dinerID) }
                .map { lines.line($0.dinerID) }
        }
        var blocks = canteen.sittings.map { sitting in
            SittingBlock(sitting: sitting.description, seats: canteen.seats, diners: seated(sitting.window), inRegistry: true)
        }
        let held = Set(canteen.sittings.map(\.window))
        let gone = Set(dineIn.compactMap(\.sitting)).subtracting(held).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        for window in gone {
            let diners = seated(window)
            blocks.append(SittingBlock(sitting: window.description, seats: 0, diners: diners, inRegistry: false))
            notices.append("sitting \(window) is not in the registry of \(canteen.name): version \(version) seats "
                + "\(diners.count) diner\(diners.count == 1 ? "" : "s") in it, listed under it; replan, or move them")
        }
        let withoutSitting = seated(nil)
        if !withoutSitting.isEmpty {
            blocks.append(SittingBlock(sitting: "-", seats: 0, diners: withoutSitting, inRegistry: false))
            notices.append("\(withoutSitting.count) dine-in meal\(withoutSitting.count == 1 ? " has" : "s have") no sitting; "
                + "listed under sitting '-': move them into one")
        }
        return blocks
    }

    static func tripBlocks(plan: DayPlan, canteen: Canteen, couriers: [CourierID: Courier], lines: RosterLines) -> [TripBlock] {
        var trips: [TripBlock] = []
        for round in plan.rounds where round.canteenID == canteen.id {
            let courier = couriers[round.courierID]
            for (index, trip) in round.trips.enumerated() {
                let stops = trip.stops.enumerated().map { position, stop in
                    let diner = lines.diners[stop.dinerID]
                    return Stop(position: position + 1, arrival: OperatorText.minuteClock(stop.arrivalSeconds),
                                diner: lines.stopLine(stop.dinerID), address: lines.shown(diner?.address ?? ""),
                                phone: lines.shown(diner?.phone ?? ""))
                }
                trips.append(TripBlock(courierID: round.courierID, courierName: lines.shown(courier?.name ?? round.courierID.rawValue),
                                       vehicle: courier?.vehicle.label ?? "", trip: index + 1,
                                       depart: OperatorText.minuteClock(trip.departSeconds),
                                       back: OperatorText.minuteClock(trip.returnSeconds), stops: stops))
            }
        }
        return trips
    }

    static func kitchenCount(meals: [PlannedMeal], diners: [DinerID: Diner])
        -> (kitchen: [KitchenLine], dietTotals: [(label: String, count: Int)]) {
        var counts: [String: (dineIn: Int, pickup: Int, delivery: Int)] = [:]
        var totals: [DietTag: Int] = [:]
        for meal in meals {
            let diner = diners[meal.dinerID]
            let variant = diner.map(variant(of:)) ?? DietTag.regular.label
            var entry = counts[variant] ?? (0, 0, 0)
            switch meal.mode {
            case .dineIn: entry.dineIn += 1
            case .pickup: entry.pickup += 1
            case .delivery: entry.delivery += 1
            }
            counts[variant] = entry
            for diet in diner?.diets ?? [] { totals[diet, default: 0] += 1 }
        }
        let kitchen = counts.map { KitchenLine(variant: $0.key, dineIn: $0.value.dineIn, pickup: $0.value.pickup, delivery: $0.value.delivery) }
            .sorted { kitchenOrder($0.variant, $1.variant) }
        let dietTotals = DietTag.allCases.filter { $0 != .regular }.compactMap { diet in totals[diet].map { (diet.label, $0) } }
        return (kitchen, dietTotals)
    }

    /// Regular first, then single diets, then combinations, each in a fixed order.
    static func kitchenOrder(_ lhs: String, _ rhs: String) -> Bool {
        if (lhs == DietTag.regular.label) != (rhs == DietTag.regular.label) { return lhs == DietTag.regular.label }
        return (lhs.split(separator: "+").count, lhs) < (rhs.split(separator: "+").count, rhs)
    }
}
