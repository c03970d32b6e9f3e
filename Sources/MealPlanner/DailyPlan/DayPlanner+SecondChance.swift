import Foundation
import MealCore

extension DayPlanner {
    /// What the second chance works on and changes: each canteen's deliveries, meals and rounds.
    struct SecondChance {
        var deliveries: [[Diner]]
        var mealsAt: [Int]
        var routed: [CanteenRouting.Outcome]
        /// Diner id → canteen index the diner moved to.
        var moved: [DinerID: Int] = [:]
        var unserved: [UnservedDiner] = []
        /// Canteens whose rounds a time guard cut short while they were routed again.
        var cutShort = Set<Int>()
    }

    /// Second chance: a delivery the rounds could not take tries the other canteens within the
    /// circle that make the diet and still have kitchen room, nearest courier first.
    ///
    /// Each attempt routes that canteen again, so two things keep a hopeless day (meals allowed
    /// one minute in the box, say) from running for hours: a canteen none of whose couriers
    /// could bring the meal even on a trip of its own is not tried (no round can do better than
    /// that trip), and all attempts together get one time guard, the same as one canteen's
    /// routing; past it, the diners left get the same reason and the canteens the guard stopped
    /// are recorded as cut short. Neither changes a normal day's plan.
    func secondChance(_ work: inout SecondChance, day: ServiceDay, reach: ServiceReach, dinerByID: [DinerID: Diner],
                      lockedMeals: [DinerID: PlannedMeal], routing: (Int) -> CanteenRouting) throws {
        let parameters = settings.parameters
        let deadline = Date().addingTimeInterval(min(settings.timeLimit, 1e9))
        let unrouted = work.routed.enumerated().flatMap { index, outcome in outcome.unrouted.map { (index, $0) } }
            .sorted { (dinerByID[$0.1]!.priority, $1.1) > (dinerByID[$1.1]!.priority, $0.1) }
        for (home, dinerID) in unrouted {
            let diner = dinerByID[dinerID]!
            work.deliveries[home].removeAll { $0.id == dinerID }
            work.mealsAt[home] -= 1
            let candidates = lockedMeals[dinerID] != nil ? [] : reach.linksInReach(for: diner)
                .filter { link in
                    link.canteen != home && day.isOpen(canteens[link.canteen]) && canteens[link.canteen].makes(diner.diets)
                        && reach.withinCircle(link, .delivery) && work.mealsAt[link.canteen] < canteens[link.canteen].kitchenCapacity
                }
                .sorted { ($0.deliverySeconds ?? .max, $0.canteen) < ($1.deliverySeconds ?? .max, $1.canteen) }
            var placed = false
            for link in candidates.prefix(3) where routing(link.canteen).couldServeAlone(diner) {
                let left = deadline.timeIntervalSinceNow
                guard left > 0 else { work.cutShort.insert(link.canteen); break }
                let attempt = try routing(link.canteen).solve(work.deliveries[link.canteen] + [diner],
                                                              seed: settings.seed &+ UInt64(link.canteen), timeLimit: left)
                if attempt.cutShort { work.cutShort.insert(link.canteen) }
                if attempt.unrouted.isEmpty {
                    work.deliveries[link.canteen].append(diner)
                    work.mealsAt[link.canteen] += 1
                    work.routed[link.canteen] = attempt
                    work.moved[dinerID] = link.canteen
                    placed = true
                    break
                }
            }
            if !placed {
                work.unserved.append(UnservedDiner(
                    dinerID: dinerID, reason: .noCourierCapacity,
                    detail: "no courier round from \(canteens[home].name) or another canteen within "
                        + "\(parameters.radiusSeconds / 60) min can bring the meal inside the diner's window "
                        + "and \(parameters.maxInBoxSeconds / 60) min in the box"))
            }
        }
    }
}

extension CanteenRouting {
    /// Whether one of the couriers could bring `diner` the meal on a trip of its own, within the
    /// circle, the window, the time in the box and the shift, timed by the router's own rule.
    func couldServeAlone(_ diner: Diner) -> Bool { couldServeAlone([diner])[0] }

    /// `couldServeAlone` for each diner, the legs out and back asked in one batch per courier kind.
    func couldServeAlone(_ diners: [Diner]) -> [Bool] {
        let homes = diners.map(\.location)
        var legs: [VehicleKind: (out: [Int?], back: [Int?])] = [:]
        for courier in couriers where legs[courier.vehicle] == nil {
            let mode = TravelMode.courier(courier.vehicle)
            legs[courier.vehicle] = (model.seconds(from: canteen.location, toEach: homes, by: mode, within: nil),
                                     model.seconds(fromEach: homes, to: canteen.location, by: mode, within: nil))
        }
        return diners.indices.map { index in
            couriers.contains { courier in
                let (out, back) = legs[courier.vehicle]!
                guard let direct = out[index], direct <= parameters.radiusSeconds else { return false }
                var table = RoundTimetable(courier: courier, canteen: canteen, parameters: parameters, model: model,
                                           diners: [diners[index].id: diners[index]])
                table.knownLegs[.init(from: canteen.location, to: homes[index])] = direct
                table.knownLegs[.init(from: homes[index], to: canteen.location)] = back[index] ?? 86_400
                return table.time([[diners[index].id]]).isFeasible
            }
        }
    }
}
