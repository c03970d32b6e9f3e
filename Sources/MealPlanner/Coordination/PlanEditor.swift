import Foundation
import MealCore

/// Applies coordinators' changes to a day plan while keeping everything they did not touch as
/// it was: only the rounds a change touches are re-timed, every other round keeps its times.
/// Manual moves may break a rule (a coordinator may know better); `PlanChecker` then flags it.
public struct PlanEditor {
    public enum Failure: Error, CustomStringConvertible {
        case unknown(kind: String, id: String)
        case notInPlan(DinerID)
        case notDelivery(DinerID)
        case alreadyPlanned(DinerID)
        case impossible(String)

        public var description: String {
            switch self {
            case .unknown(let kind, let id): "no \(kind) with id '\(id)'"
            case .notInPlan(let id): "\(id) has no meal in this plan"
            case .notDelivery(let id): "\(id) is not a delivery; make the meal a delivery first"
            case .alreadyPlanned(let id): "\(id) already has a meal in this plan"
            case .impossible(let why): why
            }
        }
    }

    public let canteens: [CanteenID: Canteen]
    public let couriers: [CourierID: Courier]
    public let diners: [DinerID: Diner]
    /// The day, parameters and travel model shared with the planner and the checker.
    public private(set) var context: DayContext
    public var parameters: PlanningParameters { context.parameters }
    public var day: ServiceDay {
        get { context.day }
        set { context.day = newValue }
    }
    var model: any TravelModel { context.travel }
    let canteenOrder: [CanteenID]

    public private(set) var meals: [DinerID: PlannedMeal]
    public private(set) var unserved: [DinerID: UnservedDiner]
    /// Stop order per courier and trip; times come from `timedRounds` for untouched couriers.
    var stops: [CourierID: [[DinerID]]]
    var timedRounds: [CourierID: CourierRound]
    var dirty: Set<CourierID> = []
    /// Diners whose placement this editing session changed.
    public private(set) var touched: Set<DinerID> = []
    /// Sentences describing what was done, for the change log.
    public private(set) var log: [String] = []

    public init(plan: DayPlan, canteens: [Canteen], couriers: [Courier], diners: [Diner],
                parameters: PlanningParameters, day: ServiceDay, travel: (any TravelModel)? = nil) {
        self.canteens = Dictionary(uniqueKeysWithValues: canteens.map { ($0.id, $0) })
        self.couriers = Dictionary(uniqueKeysWithValues: couriers.map { ($0.id, $0) })
        self.diners = Dictionary(uniqueKeysWithValues: diners.map { ($0.id, $0) })
        canteenOrder = canteens.map(\.id)
        context = DayContext(day: day, parameters: parameters, travel: travel)
        meals = Dictionary(uniqueKeysWithValues: plan.assignments.map { ($0.dinerID, $0) })
        unserved = Dictionary(uniqueKeysWithValues: plan.unserved.map { ($0.dinerID, $0) })
        stops = Dictionary(uniqueKeysWithValues: plan.rounds.map { ($0.courierID, $0.trips.map { $0.stops.map(\.dinerID) }) })
        timedRounds = Dictionary(uniqueKeysWithValues: plan.rounds.map { ($0.courierID, $0) })
    }

    // MARK: Lookups

    func diner(_ id: DinerID) throws -> Diner {
        guard let diner = diners[id] else { throw Failure.unknown(kind: "diner", id: id.rawValue) }
        return diner
    }

    func timetable(_ courierID: CourierID) -> RoundTimetable {
        let courier = couriers[courierID]!
        return RoundTimetable(courier: courier, canteen: canteens[courier.canteenID]!, parameters: parameters,
                              model: model, diners: diners)
    }

    func mealsAt(_ canteenID: CanteenID) -> Int { meals.values.filter { $0.canteenID == canteenID }.count }

    func seatsUsed(_ canteenID: CanteenID, _ sitting: TimeWindow) -> Int {
        meals.values.filter { $0.canteenID == canteenID && $0.sitting == sitting }.count
    }

    func walkSeconds(_ diner: Diner, _ canteen: Canteen, pace: Mobility? = nil) -> Int? {
        model.seconds(from: diner.location, to: canteen.location, by: .walking(pace ?? diner.mobility))
    }

    // MARK: Building blocks

    mutating func removeFromRound(_ dinerID: DinerID) {
        for (courierID, trips) in stops where trips.contains(where: { $0.contains(dinerID) }) {
            stops[courierID] = trips.map { $0.filter { $0 != dinerID } }.filter { !$0.isEmpty }
            dirty.insert(courierID)
        }
    }

    /// Couriers who could take `diner`: working, canteen open with kitchen room and the diet,
    /// direct trip inside the circle. Those of `preferredCanteen` come first.
    func candidateCouriers(for diner: Diner, preferredCanteen: CanteenID?, onlyCanteen: CanteenID? = nil) -> [Courier] {
        couriers.values.filter { courier in
            guard let canteen = canteens[courier.canteenID], day.works(courier), day.isOpen(canteen),
                  canteen.makes(diner.diets), onlyCanteen == nil || canteen.id == onlyCanteen else { return false }
            let sameCanteen = meals[diner.id]?.canteenID == canteen.id
            guard sameCanteen || mealsAt(canteen.id) < canteen.kitchenCapacity else { return false }
            let direct = model.seconds(from: canteen.location, to: diner.location, by: .courier(courier.vehicle)) ?? .max
            return direct <= parameters.radiusSeconds
        }.sorted { lhs, rhs in
            let l = (lhs.canteenID == preferredCanteen ? 0 : 1, lhs.id), r = (rhs.canteenID == preferredCanteen ? 0 : 1, rhs.id)
            return l < r
        }
    }

    /// Inserts a delivery at the cheapest feasible place among `candidates`; true when placed.
    mutating func insertDelivery(_ diner: Diner, candidates: [Courier], allowInfeasible: Bool = false) -> Bool {
        var best: (courier: Courier, trips: [[DinerID]], cost: Int)?
        for courier in candidates {
            let table = timetable(courier.id)
            let current = stops[courier.id] ?? []
            let before = table.time(current).travelSeconds
            guard let inserted = table.bestInsertion(of: diner.id, into: current, allowInfeasible: allowInfeasible) else { continue }
            let cost = inserted.timed.travelSeconds - before + (inserted.timed.isFeasible ? 0 : 10_000_000)
            if best == nil || cost < best!.cost { best = (courier, inserted.trips, cost) }
        }
        guard let best else { return false }
        stops[best.courier.id] = best.trips
        dirty.insert(best.courier.id)
        meals[diner.id] = PlannedMeal(dinerID: diner.id, canteenID: best.courier.canteenID, mode: .delivery,
                                      courierID: best.courier.id, locked: meals[diner.id]?.locked ?? false)
        unserved[diner.id] = nil
        return true
    }

    /// Places a delivery diner again after their courier or canteen dropped out: a courier of
    /// the same canteen first, then any canteen within the circle; else unserved with why.
    mutating func rehome(_ diner: Diner, reason: String) {
        let home = meals[diner.id]?.canteenID
        removeFromRound(diner.id)
        let previous = meals.removeValue(forKey: diner.id)
        let candidates = candidateCouriers(for: diner, preferredCanteen: home)
        let sameCanteen = candidates.filter { $0.canteenID == home }
        if insertDelivery(diner, candidates: sameCanteen) || insertDelivery(diner, candidates: candidates) {
            touched.insert(diner.id)
            return
        }
        if let previous, previous.mode != .delivery, let canteen = dineInAlternative(for: diner, excluding: home) {
            meals[diner.id] = canteen
            touched.insert(diner.id)
            return
        }
        meals[diner.id] = nil
        unserved[diner.id] = UnservedDiner(dinerID: diner.id, reason: .noCourierCapacity, detail: reason)
        touched.insert(diner.id)
    }

    /// The nearest other open canteen within walking range with a free seat (dine-in) or
    /// kitchen room (pickup).
    func dineInAlternative(for diner: Diner, excluding: CanteenID?, pickup: Bool = false) -> PlannedMeal? {
        var best: (meal: PlannedMeal, seconds: Int)?
        for id in canteenOrder where id != excluding {
            let canteen = canteens[id]!
            guard day.isOpen(canteen), canteen.makes(diner.diets), mealsAt(id) < canteen.kitchenCapacity,
                  let seconds = walkSeconds(diner, canteen, pace: pickup ? .independent : nil),
                  seconds <= parameters.radiusSeconds else { continue }
            if pickup {
                if best == nil || seconds < best!.seconds { best = (PlannedMeal(dinerID: diner.id, canteenID: id, mode: .pickup), seconds) }
                continue
            }
            guard canteen.offersDineIn,
                  let sitting = canteen.sittings.map(\.window).filter({ seatsUsed(id, $0) < canteen.seats })
                    .min(by: { seatsUsed(id, $0) < seatsUsed(id, $1) }) else { continue }
            if best == nil || seconds < best!.seconds {
                best = (PlannedMeal(dinerID: diner.id, canteenID: id, mode: .dineIn, sitting: sitting), seconds)
            }
        }
        return best?.meal
    }

    // MARK: Coordinators' operations

    public mutating func moveToCanteen(_ dinerID: DinerID, canteenID: CanteenID, mode requested: ServiceMode?,
                                       sitting: TimeWindow?) throws {
        let diner = try diner(dinerID)
        guard let canteen = canteens[canteenID] else { throw Failure.unknown(kind: "canteen", id: canteenID.rawValue) }
        guard let current = meals[dinerID] else { throw Failure.notInPlan(dinerID) }
        let mode = requested ?? current.mode
        removeFromRound(dinerID)
        var meal = PlannedMeal(dinerID: dinerID, canteenID: canteenID, mode: mode, locked: current.locked)
        switch mode {
        case .dineIn:
            guard let chosen = sitting ?? canteen.sittings.map(\.window).min(by: { seatsUsed(canteenID, $0) < seatsUsed(canteenID, $1) }) else {
                throw Failure.impossible("\(canteen.name) has no sittings")
            }
            guard canteen.sittings.contains(where: { $0.window == chosen }) else {
                throw Failure.impossible("\(canteen.name) has no sitting \(chosen)")
            }
            meal.sitting = chosen
            meals[dinerID] = meal
        case .pickup:
            meals[dinerID] = meal
        case .delivery:
            meals[dinerID] = meal
            let candidates = candidateCouriers(for: diner, preferredCanteen: canteenID, onlyCanteen: canteenID)
            let all = couriers.values.filter { $0.canteenID == canteenID && day.works($0) }.sorted { $0.id < $1.id }
            guard insertDelivery(diner, candidates: candidates) || insertDelivery(diner, candidates: all, allowInfeasible: true) else {
                throw Failure.impossible("\(canteen.name) has no courier working that day")
            }
        }
        touched.insert(dinerID)
        log.append("\(diner.name) (\(dinerID)) → \(canteen.name) \(mode.rawValue)\(meals[dinerID]?.sitting.map { " \($0)" } ?? "")")
    }

    public mutating func moveToCourier(_ dinerID: DinerID, courierID: CourierID, position: Int?) throws {
        let diner = try diner(dinerID)
        guard let courier = couriers[courierID] else { throw Failure.unknown(kind: "courier", id: courierID.rawValue) }
        guard let current = meals[dinerID] else { throw Failure.notInPlan(dinerID) }
        guard current.mode == .delivery else { throw Failure.notDelivery(dinerID) }
        removeFromRound(dinerID)
        var trips = stops[courierID] ?? []
        if let position {
            // Positions count along the courier's whole day, trip after trip, from 1.
            var left = max(1, position) - 1
            var placed = false
            for t in trips.indices where left <= trips[t].count {
                trips[t].insert(dinerID, at: left)
                placed = true
                break
            }
            if !placed {
                for t in trips.indices { left -= trips[t].count }
                if trips.isEmpty { trips = [[dinerID]] } else { trips[trips.count - 1].append(dinerID) }
            }
            stops[courierID] = trips
            dirty.insert(courierID)
        } else {
            let table = timetable(courierID)
            guard let inserted = table.bestInsertion(of: dinerID, into: trips, allowInfeasible: true) else {
                throw Failure.impossible("no place in \(courier.name)'s round")
            }
            stops[courierID] = inserted.trips
            dirty.insert(courierID)
        }
        meals[dinerID] = PlannedMeal(dinerID: dinerID, canteenID: courier.canteenID, mode: .delivery, courierID: courierID,
                                     locked: current.locked)
        touched.insert(dinerID)
        log.append("\(diner.name) (\(dinerID)) → courier \(courier.name) (\(courierID))" + (position.map { " at position \($0)" } ?? ""))
    }

    public mutating func swap(_ a: DinerID, _ b: DinerID) throws {
        let dinerA = try diner(a), dinerB = try diner(b)
        guard var mealA = meals[a] else { throw Failure.notInPlan(a) }
        guard var mealB = meals[b] else { throw Failure.notInPlan(b) }
        for (courierID, trips) in stops where trips.contains(where: { $0.contains(a) || $0.contains(b) }) {
            stops[courierID] = trips.map { trip in trip.map { $0 == a ? b : ($0 == b ? a : $0) } }
            dirty.insert(courierID)
        }
        (mealA.dinerID, mealB.dinerID) = (b, a)
        (mealA.locked, mealB.locked) = (meals[b]!.locked, meals[a]!.locked)
        meals[a] = mealB
        meals[b] = mealA
        touched.formUnion([a, b])
        log.append("swapped \(dinerA.name) (\(a)) and \(dinerB.name) (\(b))")
    }

    public mutating func setLock(_ dinerID: DinerID, locked: Bool) throws {
        _ = try diner(dinerID)
        guard meals[dinerID] != nil else { throw Failure.notInPlan(dinerID) }
        meals[dinerID]!.locked = locked
        log.append("\(locked ? "locked" : "unlocked") \(dinerID)")
    }

    public mutating func setCourierLock(_ courierID: CourierID, locked: Bool) throws {
        guard couriers[courierID] != nil else { throw Failure.unknown(kind: "courier", id: courierID.rawValue) }
        let ids = meals.values.filter { $0.courierID == courierID }.map(\.dinerID)
        guard !ids.isEmpty else { throw Failure.impossible("courier \(courierID) has no deliveries in this plan") }
        for id in ids { meals[id]!.locked = locked }
        log.append("\(locked ? "locked" : "unlocked") the round of \(courierID) (\(ids.count) meals)")
    }

    public mutating func cancel(_ dinerID: DinerID, reason: String) throws {
        let diner = try diner(dinerID)
        guard meals[dinerID] != nil else { throw Failure.notInPlan(dinerID) }
        removeFromRound(dinerID)
        meals[dinerID] = nil
        unserved[dinerID] = UnservedDiner(dinerID: dinerID, reason: .cancelled, detail: reason)
        day.exceptions.cancelledMeals[dinerID] = reason
        touched.insert(dinerID)
        log.append("cancelled \(diner.name) (\(dinerID)): \(reason)")
    }

    /// A one-off extra meal: dine-in or pickup at the nearest canteen with room when the diner
    /// may walk, else a delivery from the nearest courier with room.
    public mutating func add(_ dinerID: DinerID) throws {
        let diner = try diner(dinerID)
        guard meals[dinerID] == nil else { throw Failure.alreadyPlanned(dinerID) }
        day.exceptions.extraMeals.insert(dinerID)
        day.exceptions.cancelledMeals[dinerID] = nil
        let kinds = ServiceReach.allowedKinds(for: diner)
        if kinds.contains(.pickup), let meal = dineInAlternative(for: diner, excluding: nil, pickup: true) {
            meals[dinerID] = meal
        } else if kinds.contains(.dineIn), let meal = dineInAlternative(for: diner, excluding: nil) {
            meals[dinerID] = meal
        } else if !(kinds.contains(.delivery) && insertDelivery(diner, candidates: candidateCouriers(for: diner, preferredCanteen: diner.preferredCanteenID))) {
            throw Failure.impossible("no canteen within \(parameters.radiusSeconds / 60) min has room for \(diner.name) (\(dinerID)) that day")
        }
        unserved[dinerID] = nil
        touched.insert(dinerID)
        log.append("extra meal for \(diner.name) (\(dinerID)) at \(meals[dinerID]!.canteenID) \(meals[dinerID]!.mode.rawValue)")
    }

    /// Moves only the absent courier's diners, each to the best other round within the circle.
    public mutating func courierAbsent(_ courierID: CourierID) throws {
        guard let courier = couriers[courierID] else { throw Failure.unknown(kind: "courier", id: courierID.rawValue) }
        day.exceptions.absentCouriers.insert(courierID)
        let affected = (stops[courierID] ?? []).flatMap { $0 }
        stops[courierID] = nil
        timedRounds[courierID] = nil
        dirty.remove(courierID)
        for id in affected.sorted(by: { (diners[$0]!.priority, $1) > (diners[$1]!.priority, $0) }) {
            rehome(diners[id]!, reason: "courier \(courier.name) is absent and no other round within "
                   + "\(parameters.radiusSeconds / 60) min has room")
        }
        log.append("courier \(courier.name) (\(courierID)) absent: \(affected.count) deliveries moved")
    }

    /// Moves only the closed canteen's diners: sitters and pickups to the nearest canteen with
    /// room, deliveries to other canteens' couriers within the circle.
    public mutating func closeCanteen(_ canteenID: CanteenID) throws {
        guard let canteen = canteens[canteenID] else { throw Failure.unknown(kind: "canteen", id: canteenID.rawValue) }
        day.exceptions.closedCanteens.insert(canteenID)
        let affected = meals.values.filter { $0.canteenID == canteenID }.sorted { (diners[$0.dinerID]!.priority, $1.dinerID) > (diners[$1.dinerID]!.priority, $0.dinerID) }
        for courier in couriers.values where courier.canteenID == canteenID {
            stops[courier.id] = nil
            timedRounds[courier.id] = nil
        }
        for meal in affected {
            let diner = diners[meal.dinerID]!
            meals[meal.dinerID] = nil
            touched.insert(diner.id)
            switch meal.mode {
            case .dineIn, .pickup:
                if let other = dineInAlternative(for: diner, excluding: canteenID, pickup: meal.mode == .pickup) {
                    meals[diner.id] = other
                } else if ServiceReach.allowedKinds(for: diner).contains(.delivery),
                          insertDelivery(diner, candidates: candidateCouriers(for: diner, preferredCanteen: nil)) {
                } else {
                    unserved[diner.id] = UnservedDiner(
                        dinerID: diner.id, reason: .closed,
                        detail: "\(canteen.name) is closed and no other canteen within \(parameters.radiusSeconds / 60) min has room")
                }
            case .delivery:
                if !insertDelivery(diner, candidates: candidateCouriers(for: diner, preferredCanteen: nil)) {
                    unserved[diner.id] = UnservedDiner(
                        dinerID: diner.id, reason: .closed,
                        detail: "\(canteen.name) is closed and no other courier within \(parameters.radiusSeconds / 60) min has room")
                }
            }
        }
        log.append("canteen \(canteen.name) (\(canteenID)) closed: \(affected.count) diners moved or reported")
    }

    // MARK: Result

    /// The edited plan: touched rounds re-timed, untouched rounds exactly as they were.
    public func result(from base: DayPlan, note: String, provenance: PlanProvenance, by user: String) -> DayPlan {
        var rounds: [CourierRound] = []
        var slot: [DinerID: (courier: CourierID, trip: Int, position: Int, arrival: Int)] = [:]
        for courierID in stops.keys.sorted() {
            let trips = stops[courierID]!.filter { !$0.isEmpty }
            guard !trips.isEmpty, let courier = couriers[courierID] else { continue }
            let round: CourierRound
            if !dirty.contains(courierID), let kept = timedRounds[courierID] {
                round = kept
            } else {
                let departures = timedRounds[courierID]?.trips.map(\.departSeconds) ?? []
                round = CourierRound(courierID: courierID, canteenID: courier.canteenID,
                                     trips: timetable(courierID).time(trips, keepDepartures: departures).trips)
            }
            rounds.append(round)
            for (t, trip) in round.trips.enumerated() {
                for (p, stop) in trip.stops.enumerated() { slot[stop.dinerID] = (courierID, t + 1, p + 1, stop.arrivalSeconds) }
            }
        }
        var assignments: [PlannedMeal] = []
        for id in meals.keys.sorted() {
            var meal = meals[id]!
            if meal.mode == .delivery, let s = slot[id] {
                meal.canteenID = couriers[s.courier]!.canteenID
                (meal.courierID, meal.trip, meal.position, meal.arrivalSeconds) = (s.courier, s.trip, s.position, s.arrival)
            } else if meal.mode != .delivery {
                (meal.courierID, meal.trip, meal.position, meal.arrivalSeconds) = (nil, nil, nil, nil)
            }
            assignments.append(meal)
        }
        var plan = base
        plan.version = 0
        plan.status = .draft
        plan.createdAt = ChangeClock.timestamp()
        plan.createdBy = user
        plan.note = note
        plan.provenance = provenance
        plan.travel = model.identity
        plan.assignments = assignments
        plan.rounds = rounds
        plan.unserved = unserved.values.filter { meals[$0.dinerID] == nil }.sorted { $0.dinerID < $1.dinerID }
        return plan
    }
}
