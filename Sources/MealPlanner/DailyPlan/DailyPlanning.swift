import Foundation
import MealCore

/// Plans a date against the store: reads the registry and the previous days, plans, and
/// stores the result as a new version with its change-log entry in one transaction.
public enum DailyPlanning {
    public struct Result: Sendable {
        public var plan: DayPlan
        public var summary: PlanSummary
        public var outcome: DayPlanner.Outcome
    }

    /// Everything a day's plan is made from, read in one go, and a digest of it: planning the
    /// same inputs again with the same settings gives the same plan, so a batch can skip it.
    public struct Inputs: Sendable {
        public var day: ServiceDay
        public var canteens: [Canteen]
        public var couriers: [Courier]
        public var diners: [Diner]
        public var previous: [DinerID: PreviousPlacement]
        public var previousMeals: [DinerID: PlannedMeal]
        public var digest: String
        /// The newest version already stored for the date, if any.
        public var latestVersion: PlanVersion?
    }

    /// Reads the inputs of `date` from the store (in one transaction) and digests them.
    public static func inputs(date: String, settings: DayPlanner.Settings, in database: AppDatabase) throws -> Inputs {
        let day = try ServiceDay(date: date)
        let stored = try database.planningInputs(date: date, planningDate: day.date ?? date)
        return try inputs(date: date, settings: settings, from: stored)
    }

    /// The inputs of `date` from what the store read, with their digest.
    public static func inputs(date: String, settings: DayPlanner.Settings, from stored: StoredDayInputs) throws -> Inputs {
        var day = try ServiceDay(date: date)
        let canteens = stored.registry.canteens, couriers = stored.registry.couriers
        let diners = raisingPriority(of: stored.registry.diners, checkInPerson: stored.checkInPerson)
        let previous = (placements: stored.previousMeals.mapValues(PreviousPlacement.init), meals: stored.previousMeals)
        day.exceptions = stored.exceptions
        var digest = ContentDigest()
        let unmasked = RegistryExport.Options(unmaskedPhones: true)
        digest.add(RegistryExport.csv(canteens, options: unmasked))
        digest.add(RegistryExport.csv(couriers, options: unmasked))
        digest.add(RegistryExport.csv(diners, options: unmasked))
        let e = day.exceptions
        digest.add("absent \(e.absentCouriers.sorted()) closed \(e.closedCanteens.sorted()) extra \(e.extraMeals.sorted()) "
                   + "cancelled \(e.cancelledMeals.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })")
        for id in previous.placements.keys.sorted() {
            let p = previous.placements[id]!
            digest.add("\(id) \(p.canteenID) \(p.kind.rawValue) \(p.sitting?.description ?? "-") \(p.courierID ?? "-") \(p.arrivalSeconds ?? -1)")
        }
        digest.add(try JSONEncoder.sortedKeys().encode(settings.parameters))
        digest.add("seed \(settings.seed) time limit \(settings.timeLimit)")
        // Plans made on the straight line keep the digests they had before roads existed.
        if settings.travel.identity != .straight { digest.add("travel \(settings.travel.identity.description) \(settings.travel.identity.networkDigest ?? "")") }
        return Inputs(day: day, canteens: canteens, couriers: couriers, diners: diners, previous: previous.placements,
                      previousMeals: previous.meals, digest: digest.hex, latestVersion: stored.latestVersion)
    }

    /// The diners as the planner should weigh them: one whose door stayed shut on the last round
    /// (an open no-answer alert) goes one priority level up, at most to high, so that when meals
    /// are short the person nobody has seen is not the one left out. The registry is not changed.
    public static func raisingPriority(of diners: [Diner], checkInPerson: Set<DinerID>) -> [Diner] {
        guard !checkInPerson.isEmpty else { return diners }
        return diners.map { diner in
            guard checkInPerson.contains(diner.id) else { return diner }
            var raised = diner
            raised.priority = Priority(rawValue: min(diner.priority.rawValue + 1, Priority.high.rawValue)) ?? .high
            return raised
        }
    }

    public static func plan(date: String, in database: AppDatabase, settings: DayPlanner.Settings,
                            publish: Bool = false) throws -> Result {
        let inputs = try Self.inputs(date: date, settings: settings, in: database)
        return try plan(inputs, in: database, settings: settings, publish: publish)
    }

    /// Plans from inputs already read, and stores the plan as a new version in one transaction.
    public static func plan(_ inputs: Inputs, in database: AppDatabase, settings: DayPlanner.Settings,
                            publish: Bool = false) throws -> Result {
        let date = inputs.day.date ?? ""
        let planner = DayPlanner(canteens: inputs.canteens, couriers: inputs.couriers, diners: inputs.diners, settings: settings)
        let outcome = try planner.plan(day: inputs.day, previous: inputs.previous)
        var plan = outcome.plan
        plan.inputDigest = inputs.digest
        if publish { plan.status = .published }
        let stored = try database.savePlan(plan, note: PlanChangeNote(
            by: settings.createdBy, action: "plan", subject: date,
            summary: "\(plan.assignments.count) planned, \(plan.unserved.count) unserved" + (publish ? ", published" : "")))
        let summary = PlanSummary(plan: stored, canteens: inputs.canteens, previous: inputs.previousMeals,
                                  courierTravelSeconds: Int(outcome.courierTravelSeconds.rounded()), diners: inputs.diners)
        return Result(plan: stored, summary: summary, outcome: outcome)
    }
}
