import Foundation
import MealCore

/// Checks a stored or edited day plan against the service rules (docs/planning.md), the way a
/// coordinator needs before printing a version someone changed by hand: the circle, the modes,
/// diets and opening days, seats and kitchens, boxes, windows, time in the box, shifts, and
/// that every diner who eats appears exactly once.
///
/// It replays each courier trip with the travel model rather than trusting the stored times:
/// the courier leaves at `departSeconds`, reaches each door after the travel time of their
/// vehicle, starts service at the stored arrival (waiting for the window if early), and leaves
/// `serviceSeconds` later.
public enum PlanChecker {
    /// Stored times are whole seconds rounded from the router's timeline, so a recomputed time
    /// can differ from a stored one by up to a second without anything being wrong.
    static let roundingSlack = 1

    /// Every violation in `plan`, in a stable order: who eats, each assignment, capacities, then
    /// each courier round. Empty for a correct plan.
    ///
    /// - Parameters:
    ///   - parameters: the figures the plan must keep; `parameters(of:)` reads those it was made with.
    ///   - day: the date the plan is for (`ServiceDay(date:)`): opening days, shifts, who eats.
    ///   - model: the travel model; the default is the planner's `GreatCircleTravelModel`.
    public static func violations(plan: DayPlan, canteens: [Canteen], couriers: [Courier], diners: [Diner],
                                  parameters: PlanningParameters, day: ServiceDay,
                                  model: (any TravelModel)? = nil) -> [PlanViolation] {
        var inspection = Inspection(plan: plan, canteens: canteens, couriers: couriers, diners: diners,
                                    context: DayContext(day: day, parameters: parameters, travel: model))
        inspection.checkWhoEats()
        inspection.checkAssignments()
        inspection.checkCapacities()
        inspection.checkRounds()
        inspection.checkRoundsMatchAssignments()
        return inspection.found
    }

    /// The planning parameters stored with `plan`; keys it lacks keep their defaults. The same
    /// reader as the editor's (`PlanningParameters(storedWith:)`).
    public static func parameters(of plan: DayPlan) throws -> PlanningParameters {
        try PlanningParameters(storedWith: plan)
    }
}

/// One run of the checker: lookups built once, violations collected in order.
struct Inspection {
    let plan: DayPlan
    let canteens: [Canteen]
    let context: DayContext
    var parameters: PlanningParameters { context.parameters }
    var day: ServiceDay { context.day }
    var model: any TravelModel { context.travel }
    let diner: [DinerID: Diner]
    let canteen: [CanteenID: Canteen]
    let courier: [CourierID: Courier]
    let allDiners: [Diner]
    var found: [PlanViolation] = []

    /// Where each diner is on the courier rounds, filled by `checkRounds`.
    var stops: [DinerID: [(courierID: CourierID, trip: Int, arrival: Int)]] = [:]

    init(plan: DayPlan, canteens: [Canteen], couriers: [Courier], diners: [Diner], context: DayContext) {
        self.plan = plan
        self.canteens = canteens
        self.context = context
        allDiners = diners
        // A registry never holds an id twice; if a caller's list does, the first wins rather
        // than the checker trapping.
        diner = Dictionary(diners.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        canteen = Dictionary(canteens.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        courier = Dictionary(couriers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func report(_ rule: PlanViolation.Rule, diner: DinerID? = nil, courier: CourierID? = nil,
                         canteen: CanteenID? = nil, _ detail: String) {
        found.append(PlanViolation(dinerID: diner, courierID: courier, canteenID: canteen, rule: rule, detail: detail))
    }

    func name(diner id: DinerID) -> String { diner[id]?.name ?? id.rawValue }
    func name(canteen id: CanteenID) -> String { canteen[id]?.name ?? id.rawValue }
    func name(courier id: CourierID) -> String { courier[id]?.name ?? id.rawValue }

    func service(_ meal: PlannedMeal) -> String {
        switch meal.mode {
        case .dineIn: "dine-in" + (meal.sitting.map { " \($0)" } ?? "") + " at \(name(canteen: meal.canteenID))"
        case .pickup: "pickup at \(name(canteen: meal.canteenID))"
        case .delivery: "delivery from \(name(canteen: meal.canteenID))"
        }
    }

    // MARK: Who eats

    mutating func checkWhoEats() {
        var plannedCount: [DinerID: Int] = [:]
        for meal in plan.assignments { plannedCount[meal.dinerID, default: 0] += 1 }
        var unservedCount: [DinerID: Int] = [:]
        for entry in plan.unserved { unservedCount[entry.dinerID, default: 0] += 1 }

        var seen = Set<DinerID>()
        for meal in plan.assignments where seen.insert(meal.dinerID).inserted {
            let id = meal.dinerID
            guard let person = diner[id] else {
                report(.unknownReference, diner: id, "the plan places diner \(id), who is not in the registry")
                continue
            }
            if let count = plannedCount[id], count > 1 {
                report(.plannedTwice, diner: id, "\(person.name) has \(count) places in the plan")
            }
            if let entry = plan.unserved.first(where: { $0.dinerID == id }) {
                report(.plannedTwice, diner: id,
                       "\(person.name) is planned (\(service(meal))) and also listed as unserved (\(entry.reason.rawValue))")
            }
            if !day.eats(person) {
                let why = person.status != .active
                    ? "is \(person.status.rawValue)"
                    : "is not subscribed on \(OperatorText.pluralWeekday(day))"
                report(.notEatingToday, diner: id, "\(person.name) \(why) but is planned (\(service(meal)))")
            }
        }
        for (id, count) in unservedCount.sorted(by: { $0.key < $1.key }) where count > 1 {
            report(.plannedTwice, diner: id, "\(name(diner: id)) is listed \(count) times as unserved")
        }
        for person in allDiners where day.eats(person) && plannedCount[person.id] == nil && unservedCount[person.id] == nil {
            report(.notInPlan, diner: person.id,
                   "\(person.name) eats on \(OperatorText.day(day)) but is neither planned nor listed as unserved")
        }
    }

    // MARK: Each assignment

    mutating func checkAssignments() {
        for meal in plan.assignments {
            guard let person = diner[meal.dinerID] else { continue }  // reported as unknown already
            guard let kitchen = canteen[meal.canteenID] else {
                report(.unknownReference, diner: person.id, canteen: meal.canteenID,
                       "\(person.name) is placed at canteen \(meal.canteenID), which is not in the registry")
                continue
            }
            if !day.isOpen(kitchen) {
                report(.canteenClosed, diner: person.id, canteen: kitchen.id,
                       "\(kitchen.name) is closed on \(OperatorText.day(day)) but \(person.name) is planned there")
            }
            if !kitchen.makes(person.diets) {
                let missing = person.diets.subtracting(kitchen.diets).sorted().map(\.label).joined(separator: ", ")
                report(.dietNotOffered, diner: person.id, canteen: kitchen.id,
                       "\(kitchen.name) does not make \(missing), which \(person.name) needs")
            }
            if !ServiceReach.allowedKinds(for: person).contains(meal.mode) {
                report(.modeNotAllowed, diner: person.id, canteen: kitchen.id,
                       "\(person.name) (\(person.mobility.rawValue), asks for \(person.mode.rawValue)) cannot be served by \(meal.mode.rawValue)")
            }
            switch meal.mode {
            case .dineIn: checkDineIn(meal, person, kitchen)
            case .pickup: checkPickup(person, kitchen)
            case .delivery: checkDelivery(meal, person, kitchen)
            }
        }
    }

    mutating func checkDineIn(_ meal: PlannedMeal, _ person: Diner, _ kitchen: Canteen) {
        let walk = model.seconds(from: person.location, to: kitchen.location, by: .walking(person.mobility))
        if walk == nil, parameters.walkingSpeed(for: person.mobility) != nil {
            // A pace that walks but finds no way: the streets, not the pace (bedridden diners
            // dining in are reported as a mode not allowed).
            report(.outsideCircle, diner: person.id, canteen: kitchen.id,
                   "\(person.name) (\(person.mobility.rawValue)) cannot reach \(kitchen.name) on foot: "
                       + noWay(person.location, kitchen.location, .walking(person.mobility)))
        }
        if let walk, walk > parameters.radiusSeconds {
            let speed = parameters.walkingSpeed(for: person.mobility).map { String(format: ", %.1f m/s", $0) } ?? ""
            report(.outsideCircle, diner: person.id, canteen: kitchen.id,
                   "\(person.name) (\(person.mobility.rawValue)\(speed)) needs \(OperatorText.duration(walk)) on foot "
                       + "to reach \(kitchen.name); the circle is \(OperatorText.duration(parameters.radiusSeconds))")
        }
        let held = kitchen.sittings.map(\.description).joined(separator: ", ")
        guard let sitting = meal.sitting else {
            report(.noSuchSitting, diner: person.id, canteen: kitchen.id,
                   "\(person.name) dines in at \(kitchen.name) without a sitting"
                       + (held.isEmpty ? "; it has no sittings" : " (its sittings: \(held))"))
            return
        }
        if !kitchen.sittings.contains(where: { $0.window == sitting }) {
            report(.noSuchSitting, diner: person.id, canteen: kitchen.id,
                   "\(kitchen.name) holds no sitting \(sitting)" + (held.isEmpty ? "; it has no sittings" : " (its sittings: \(held))")
                       + " but \(person.name) is placed in it")
        }
    }

    mutating func checkPickup(_ person: Diner, _ kitchen: Canteen) {
        guard let walk = model.seconds(from: person.location, to: kitchen.location, by: .walking(.independent)) else {
            return report(.outsideCircle, diner: person.id, canteen: kitchen.id,
                          "\(person.name)'s meal cannot be collected from \(kitchen.name) on foot: "
                              + noWay(person.location, kitchen.location, .walking(.independent)))
        }
        guard walk > parameters.radiusSeconds else { return }
        report(.outsideCircle, diner: person.id, canteen: kitchen.id,
               "collecting \(person.name)'s meal from \(kitchen.name) takes \(OperatorText.duration(walk)) on foot "
                   + "at the independent pace; the circle is \(OperatorText.duration(parameters.radiusSeconds))")
    }

    mutating func checkDelivery(_ meal: PlannedMeal, _ person: Diner, _ kitchen: Canteen) {
        guard let courierID = meal.courierID else {
            report(.routeMismatch, diner: person.id, canteen: kitchen.id,
                   "\(person.name) is planned for delivery from \(kitchen.name) without a courier")
            return
        }
        guard let rider = courier[courierID] else {
            report(.unknownReference, diner: person.id, courier: courierID, canteen: kitchen.id,
                   "\(person.name)'s meal is given to courier \(courierID), who is not in the registry")
            return
        }
        if rider.canteenID != kitchen.id {
            report(.courierWrongCanteen, diner: person.id, courier: rider.id, canteen: kitchen.id,
                   "\(rider.name) rides for \(name(canteen: rider.canteenID)), not \(kitchen.name), "
                       + "yet brings \(person.name)'s meal from there")
        }
        let direct = model.seconds(from: kitchen.location, to: person.location, by: .courier(rider.vehicle))
        if direct == nil {
            report(.outsideCircle, diner: person.id, courier: rider.id, canteen: kitchen.id,
                   "\(rider.name) (\(rider.vehicle.rawValue)) cannot reach \(person.name)'s home from \(kitchen.name): "
                       + noWay(person.location, kitchen.location, .courier(rider.vehicle)))
        }
        if let direct, direct > parameters.radiusSeconds {
            report(.outsideCircle, diner: person.id, courier: rider.id, canteen: kitchen.id,
                   "\(rider.name) (\(rider.vehicle.rawValue)) needs \(OperatorText.duration(direct)) from \(kitchen.name) "
                       + "straight to \(person.name)'s home; the circle is \(OperatorText.duration(parameters.radiusSeconds))")
        }
        if meal.arrivalSeconds == nil {
            report(.routeMismatch, diner: person.id, courier: rider.id, canteen: kitchen.id,
                   "\(person.name) is planned for delivery by \(rider.name) without an arrival time")
        }
    }

    // MARK: Capacities

    mutating func checkCapacities() {
        var meals: [CanteenID: [ServiceMode: Int]] = [:]
        var seated: [CanteenID: [MealCore.TimeWindow: Int]] = [:]
        for meal in plan.assignments {
            meals[meal.canteenID, default: [:]][meal.mode, default: 0] += 1
            if meal.mode == .dineIn, let sitting = meal.sitting { seated[meal.canteenID, default: [:]][sitting, default: 0] += 1 }
        }
        for kitchen in canteens {
            for sitting in kitchen.sittings {
                let count = seated[kitchen.id]?[sitting.window] ?? 0
                if count > kitchen.seats {
                    report(.seatsExceeded, canteen: kitchen.id,
                           "sitting \(sitting) of \(kitchen.name) has \(count) diners for \(kitchen.seats) seats")
                }
            }
            let byMode = meals[kitchen.id] ?? [:]
            let total = byMode.values.reduce(0, +)
            if total > kitchen.kitchenCapacity {
                let parts = ServiceMode.allCases.compactMap { mode in
                    byMode[mode].map { "\(mode.rawValue) \($0)" }
                }.joined(separator: ", ")
                report(.kitchenExceeded, canteen: kitchen.id,
                       "\(kitchen.name) cooks \(total) meals (\(parts)) for a kitchen capacity of \(kitchen.kitchenCapacity)")
            }
        }
    }

    // MARK: Courier rounds

    mutating func checkRounds() {
        let slack = PlanChecker.roundingSlack
        for round in plan.rounds {
            guard let rider = courier[round.courierID] else {
                report(.unknownReference, courier: round.courierID, canteen: round.canteenID,
                       "the plan has rounds for courier \(round.courierID), who is not in the registry")
                continue
            }
            guard let depot = canteen[round.canteenID] else {
                report(.unknownReference, courier: rider.id, canteen: round.canteenID,
                       "\(rider.name)'s rounds start at canteen \(round.canteenID), which is not in the registry")
                continue
            }
            if !day.works(rider) {
                report(.courierNotWorking, courier: rider.id, canteen: depot.id,
                       "\(rider.name) does not work on \(OperatorText.pluralWeekday(day)) (days \(rider.days)) "
                           + "but has \(round.trips.count) trip\(round.trips.count == 1 ? "" : "s") on \(OperatorText.day(day))")
            }
            if rider.canteenID != depot.id {
                report(.courierWrongCanteen, courier: rider.id, canteen: depot.id,
                       "\(rider.name) rides for \(name(canteen: rider.canteenID)) but has rounds from \(depot.name)")
            }
            var previousReturn: (trip: Int, seconds: Int)?
            for (index, trip) in round.trips.enumerated() {
                let number = index + 1
                let label = "\(rider.name)'s trip \(number)"
                if trip.stops.count > rider.capacity {
                    report(.boxOverCapacity, courier: rider.id, canteen: depot.id,
                           "\(label) carries \(trip.stops.count) meals in a box of \(rider.capacity)")
                }
                if trip.departSeconds + slack < parameters.readySeconds {
                    report(.beforeMealsReady, courier: rider.id, canteen: depot.id,
                           "\(label) leaves at \(OperatorText.clock(trip.departSeconds)), before meals are ready at "
                               + OperatorText.clock(parameters.readySeconds))
                }
                if let previous = previousReturn, trip.departSeconds + slack < previous.seconds {
                    report(.tripsOverlap, courier: rider.id, canteen: depot.id,
                           "\(label) leaves at \(OperatorText.clock(trip.departSeconds)), before trip \(previous.trip) "
                               + "is back at \(OperatorText.clock(previous.seconds))")
                }
                let back = replay(trip, number: number, rider: rider, depot: depot)
                let returns = max(trip.returnSeconds, back)
                if trip.departSeconds + slack < rider.shift.start.seconds || returns > rider.shift.end.seconds + slack {
                    report(.outsideShift, courier: rider.id, canteen: depot.id,
                           "\(label) runs \(OperatorText.window(trip.departSeconds, returns)), outside the shift \(rider.shift)")
                }
                previousReturn = (number, returns)
            }
        }
    }

    /// Delivery assignments and round stops must describe the same deliveries: the roster and
    /// the route sheet are printed from different halves of the plan.
    mutating func checkRoundsMatchAssignments() {
        var deliveries = Set<DinerID>()
        for meal in plan.assignments where meal.mode == .delivery && diner[meal.dinerID] != nil {
            guard deliveries.insert(meal.dinerID).inserted, let courierID = meal.courierID, courier[courierID] != nil else { continue }
            let person = name(diner: meal.dinerID)
            let onRounds = stops[meal.dinerID] ?? []
            guard let stop = onRounds.first else {
                report(.routeMismatch, diner: meal.dinerID, courier: courierID, canteen: meal.canteenID,
                       "\(person) is planned for delivery by \(name(courier: courierID)) but is on none of the couriers' trips")
                continue
            }
            if onRounds.count > 1 {
                report(.plannedTwice, diner: meal.dinerID, courier: courierID,
                       "\(person) is on \(onRounds.count) courier stops: "
                           + onRounds.map { "\(name(courier: $0.courierID)) trip \($0.trip)" }.joined(separator: ", "))
            }
            if stop.courierID != courierID || (meal.trip != nil && meal.trip != stop.trip) {
                report(.routeMismatch, diner: meal.dinerID, courier: courierID, canteen: meal.canteenID,
                       "\(person) is planned with \(name(courier: courierID))" + (meal.trip.map { " on trip \($0)" } ?? "")
                           + " but is on \(name(courier: stop.courierID))'s trip \(stop.trip)")
            } else if let arrival = meal.arrivalSeconds, arrival != stop.arrival {
                report(.routeMismatch, diner: meal.dinerID, courier: courierID, canteen: meal.canteenID,
                       "\(person)'s planned arrival \(OperatorText.clock(arrival)) differs from "
                           + "\(OperatorText.clock(stop.arrival)) on \(name(courier: courierID))'s trip \(stop.trip)")
            }
        }
        for (dinerID, onRounds) in stops.sorted(by: { $0.key < $1.key })
        where !deliveries.contains(dinerID) && diner[dinerID] != nil {
            let stop = onRounds[0]
            let placed = plan.assignment(of: dinerID).map { "planned as \(service($0))" } ?? "not planned"
            report(.routeMismatch, diner: dinerID, courier: stop.courierID,
                   "\(name(diner: dinerID)) is on \(name(courier: stop.courierID))'s trip \(stop.trip) but is \(placed)")
        }
    }
}

extension PlanChecker {
    /// One roster note per diner whose placement breaks a rule, so printed rosters flag what a
    /// manual change allowed through ("⚠ outside_circle").
    public static func rosterNotes(_ violations: [PlanViolation]) -> [DinerID: String] {
        var notes: [DinerID: [String]] = [:]
        for violation in violations {
            guard let diner = violation.dinerID else { continue }
            if !(notes[diner]?.contains(violation.rule.rawValue) ?? false) { notes[diner, default: []].append(violation.rule.rawValue) }
        }
        return notes.mapValues { "⚠ " + $0.joined(separator: ", ") }
    }

    /// The violations of a stored version, checked with the parameters it was made with and the
    /// date's declared absences and closures.
    public static func violations(of plan: DayPlan, registry: Registry, exceptions: DayExceptions) throws -> [PlanViolation] {
        var day = try ServiceDay(date: plan.date)
        day.exceptions = exceptions
        return violations(plan: plan, canteens: registry.canteens, couriers: registry.couriers,
                          diners: registry.diners, parameters: try parameters(of: plan), day: day)
    }
}
