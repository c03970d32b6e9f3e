import Foundation
import MealCore

/// Plans one day's lunch end to end: who eats, the assignment to canteens, each canteen's
/// delivery rounds, and a second chance at another canteen for deliveries the rounds could not
/// take. The result is a `DayPlan` ready to be stored as a new version.
public struct DayPlanner: Sendable {
    /// The default time guard: far above what any canteen's search takes on the bundled district
    /// or the city preset, even in a debug build on a busy machine.
    public static let defaultTimeGuard: Double = 300

    public struct Settings: Sendable {
        public var parameters: PlanningParameters
        public var seed: UInt64
        /// Wall-clock guard for each canteen's routing, in seconds. The search itself stops on a
        /// work budget (so the same data and seed give the same plan on an idle or busy machine);
        /// the guard only stops a runaway search, and the plan records the canteens it cut short.
        public var timeLimit: Double
        public var createdBy: String
        /// The travel model the day is planned with; the plan records which.
        public var travel: TravelChoice

        public init(parameters: PlanningParameters = .standard, seed: UInt64 = 1, timeLimit: Double = DayPlanner.defaultTimeGuard,
                    createdBy: String = ChangeClock.loginUser, travel: TravelChoice = .straight) {
            self.travel = travel
            self.parameters = parameters
            self.seed = seed
            self.timeLimit = timeLimit
            self.createdBy = createdBy
        }
    }

    /// What the planner reports beside the plan.
    public struct Outcome: Sendable {
        public var plan: DayPlan
        public var assignment: Assignment
        /// Delivery diners moved to another canteen because their own couriers had no room.
        public var reroutedToOtherCanteen: Int
        /// Total courier travel time, seconds.
        public var courierTravelSeconds: Double
    }

    public let canteens: [Canteen]
    public let couriers: [Courier]
    public let diners: [Diner]
    public let settings: Settings

    public init(canteens: [Canteen], couriers: [Courier], diners: [Diner], settings: Settings) {
        self.canteens = canteens
        self.couriers = couriers
        self.diners = diners
        self.settings = settings
    }

    /// Plans the day. `locked` are placements a coordinator fixed: they keep canteen, service,
    /// sitting and courier; a courier all of whose meals are locked keeps the whole round as
    /// it was (`lockedRounds`).
    ///
    /// `current` is the version a replan starts from: a canteen whose delivery diners come out
    /// the same keeps its current rounds as they are instead of being routed again, which is
    /// both the least change and the fastest.
    public func plan(day: ServiceDay, previous: [DinerID: PreviousPlacement] = [:], locked: [PlannedMeal] = [],
                     lockedRounds: [CourierRound] = [], current: DayPlan? = nil) throws -> Outcome {
        // Figures set in code meet the same ranges as a parameters file, so no sum below overflows.
        let parameters = try settings.parameters.validated()
        let context = DayContext(day: day, parameters: parameters, travel: settings.travel.model(for: parameters))
        let model = context.travel
        // The links of everyone who eats that day, worked out in batches when the model is not
        // the straight line (the assignment and the second chance both read them).
        let reach = context.reach(canteens: canteens, couriers: couriers).prepared(for: diners.filter(day.eats))
        let dinerByID = Dictionary(uniqueKeysWithValues: diners.map { ($0.id, $0) })
        let canteenByID = Dictionary(uniqueKeysWithValues: canteens.map { ($0.id, $0) })
        let fixed: [Assignment.Placement] = locked.compactMap { meal in
            guard let diner = dinerByID[meal.dinerID], let canteen = canteenByID[meal.canteenID] else { return nil }
            return Assignment.Placement(diner: diner, canteen: canteen, kind: meal.mode,
                                        sitting: meal.sitting.map(Sitting.init(window:)), travelSeconds: 0)
        }
        let lockedMeals = Dictionary(uniqueKeysWithValues: locked.map { ($0.dinerID, $0) })
        let lockedCouriers = Set(lockedRounds.map(\.courierID))
        let dinersInLockedRounds = Set(lockedRounds.flatMap { $0.trips.flatMap { $0.stops.map(\.dinerID) } })
        let pinned = Dictionary(uniqueKeysWithValues: locked.compactMap { meal in
            meal.courierID.map { (meal.dinerID, $0) }
        }.filter { !dinersInLockedRounds.contains($0.0) })
        let assignment = AssignmentSolver(reach: reach, previous: previous).assign(diners, fixed: fixed)

        let canteenIndex = Dictionary(uniqueKeysWithValues: canteens.enumerated().map { ($1.id, $0) })
        var deliveries = [[Diner]](repeating: [], count: canteens.count)
        var mealsAt = [Int](repeating: 0, count: canteens.count)
        for placement in assignment.placements {
            let index = canteenIndex[placement.canteen.id]!
            mealsAt[index] += 1
            if placement.kind == .delivery && !dinersInLockedRounds.contains(placement.diner.id) {
                deliveries[index].append(placement.diner)
            }
        }
        let workingCouriers = canteens.map { canteen in
            couriers.filter { $0.canteenID == canteen.id && day.works($0) && !lockedCouriers.contains($0.id) }
        }
        func routing(_ index: Int) -> CanteenRouting {
            CanteenRouting(canteen: canteens[index], couriers: workingCouriers[index], parameters: parameters,
                           model: model, previous: previous, pinnedCourier: pinned)
        }

        // Canteens are independent, so they are routed in parallel; each has its own seed, so
        // the result does not depend on which thread ran it. Each search ends on its own work
        // budget; the time limit is the same whole guard for every canteen, not a share of it,
        // so the load on the machine never decides where a search stops.
        // A diner no courier could reach even on a trip of their own is left to the second
        // chance rather than handed to the search: no round does better than that trip, and a
        // search full of such stops (meals allowed a minute in the box) is slow and no better.
        let jobs = canteens.indices.map { index in
            let routing = routing(index)
            let alone = routing.couldServeAlone(deliveries[index])
            let servable = zip(deliveries[index], alone).filter(\.1).map(\.0)
            let hopeless = zip(deliveries[index], alone).filter { !$0.1 }.map(\.0)
            return (routing: routing, diners: servable, hopeless: hopeless.map(\.id), seed: settings.seed &+ UInt64(index))
        }
        let kept = keptRounds(current, deliveries: deliveries, workingCouriers: workingCouriers,
                               dinerByID: dinerByID, model: model)
        let results = ParallelResults<CanteenRouting.Outcome>(count: jobs.count)
        // The largest canteens start first, so that no long search is left running alone at the
        // end; each canteen's result depends only on its own input and seed, not on the order.
        let largestFirst = jobs.indices.sorted { (jobs[$0].diners.count, $1) > (jobs[$1].diners.count, $0) }
        DispatchQueue.concurrentPerform(iterations: jobs.count) { turn in
            let index = largestFirst[turn]
            if let outcome = kept[index] { return results.store(index, .success(outcome)) }
            let job = jobs[index]
            results.store(index, Result {
                var outcome = try job.routing.solve(job.diners, seed: job.seed, timeLimit: settings.timeLimit)
                outcome.unrouted += job.hopeless
                return outcome
            })
        }

        var second = SecondChance(deliveries: deliveries, mealsAt: mealsAt, routed: try results.values())
        try secondChance(&second, day: day, reach: reach, dinerByID: dinerByID, lockedMeals: lockedMeals, routing: routing)
        let (routed, moved, unservedExtra, rerouteCutShort) = (second.routed, second.moved, second.unserved, second.cutShort)

        var meals = plannedMeals(assignment, rounds: lockedRounds + routed.flatMap(\.rounds), moved: moved,
                                 unserved: Set(unservedExtra.map(\.dinerID)))
        for index in meals.indices where lockedMeals[meals[index].dinerID] != nil { meals[index].locked = true }
        meals.sort { $0.dinerID < $1.dinerID }
        let unserved = (assignment.unserved.map { UnservedDiner(dinerID: $0.diner.id, reason: $0.reason, detail: $0.detail) }
            + unservedExtra + cancelledMeals(day)).sorted { $0.dinerID < $1.dinerID }
        let rounds = (lockedRounds + routed.flatMap(\.rounds)).sorted { $0.courierID < $1.courierID }
        let cutShort = canteens.indices.filter { routed[$0].cutShort || rerouteCutShort.contains($0) }.map { canteens[$0].id }

        let parametersJSON = String(decoding: try JSONEncoder.sortedKeys().encode(parameters), as: UTF8.self)
        let plan = DayPlan(date: day.date ?? "", parametersJSON: parametersJSON, seed: settings.seed,
                           timeLimitSeconds: settings.timeLimit, createdAt: ChangeClock.timestamp(),
                           createdBy: settings.createdBy, note: "planned", provenance: .planned,
                           assignments: meals, rounds: rounds, unserved: unserved,
                           searchCutShort: cutShort, travel: model.identity)
        return Outcome(plan: plan, assignment: assignment, reroutedToOtherCanteen: moved.count,
                       courierTravelSeconds: routed.reduce(0) { $0 + $1.travelSeconds })
    }
}

extension DayPlanner {
    /// For each canteen, the current rounds when they can stay: the same delivery diners, every
    /// courier on them still working and from this canteen, and every trip still feasible.
    func keptRounds(_ current: DayPlan?, deliveries: [[Diner]], workingCouriers: [[Courier]],
                    dinerByID: [DinerID: Diner], model: any TravelModel) -> [CanteenRouting.Outcome?] {
        guard let current else { return Array(repeating: nil, count: canteens.count) }
        return canteens.indices.map { index in
            let rounds = current.rounds.filter { $0.canteenID == canteens[index].id }
            let onRounds = Set(rounds.flatMap { $0.trips.flatMap { $0.stops.map(\.dinerID) } })
            guard onRounds == Set(deliveries[index].map(\.id)) else { return nil }
            var travel = 0
            for round in rounds {
                guard let courier = workingCouriers[index].first(where: { $0.id == round.courierID }) else { return nil }
                let table = RoundTimetable(courier: courier, canteen: canteens[index], parameters: settings.parameters,
                                           model: model, diners: dinerByID)
                let timed = table.time(round.trips.map { $0.stops.map(\.dinerID) },
                                       keepDepartures: round.trips.map(\.departSeconds))
                guard timed.isFeasible else { return nil }
                travel += timed.travelSeconds
            }
            return CanteenRouting.Outcome(rounds: rounds, unrouted: [], travelSeconds: Double(travel))
        }
    }

    /// Diners who would eat but whose meal a coordinator cancelled, listed so the plan still
    /// accounts for everyone subscribed that day.
    func cancelledMeals(_ day: ServiceDay) -> [UnservedDiner] {
        diners.filter { day.subscribed($0) && day.exceptions.cancelledMeals[$0.id] != nil }.map {
            UnservedDiner(dinerID: $0.id, reason: .cancelled, detail: day.exceptions.cancelledMeals[$0.id] ?? "")
        }
    }
}

extension DayPlanner {
    /// Each placement as a planned meal: deliveries with their courier, trip, position and time
    /// from `rounds`, at the canteen they `moved` to if the second chance moved them.
    func plannedMeals(_ assignment: Assignment, rounds: [CourierRound], moved: [DinerID: Int],
                      unserved unservedIDs: Set<DinerID>) -> [PlannedMeal] {
        var arrival: [DinerID: (courier: CourierID, trip: Int, position: Int, seconds: Int)] = [:]
        for round in rounds {
            for (tripIndex, trip) in round.trips.enumerated() {
                for (position, stop) in trip.stops.enumerated() {
                    arrival[stop.dinerID] = (round.courierID, tripIndex + 1, position + 1, stop.arrivalSeconds)
                }
            }
        }
        var meals: [PlannedMeal] = []
        for placement in assignment.placements where !unservedIDs.contains(placement.diner.id) {
            let id = placement.diner.id
            switch placement.kind {
            case .dineIn:
                meals.append(PlannedMeal(dinerID: id, canteenID: placement.canteen.id, mode: .dineIn, sitting: placement.sitting?.window))
            case .pickup:
                meals.append(PlannedMeal(dinerID: id, canteenID: placement.canteen.id, mode: .pickup))
            case .delivery:
                let canteenID = moved[id].map { canteens[$0].id } ?? placement.canteen.id
                let stop = arrival[id]
                meals.append(PlannedMeal(dinerID: id, canteenID: canteenID, mode: .delivery, courierID: stop?.courier,
                                         trip: stop?.trip, position: stop?.position, arrivalSeconds: stop?.seconds))
            }
        }
        return meals
    }
}
