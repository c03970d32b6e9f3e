import Foundation
import GRDB
import MealCore

/// Plans a date against the database: reads the registry and the previous days, plans, and
/// stores the result as a new version in one transaction.
public enum DailyPlanning {
    public struct Result: Sendable {
        public var plan: DayPlan
        public var summary: PlanSummary
        public var outcome: DayPlanner.Outcome
    }

    /// Each diner's last placement before `date`, as the assignment's continuity input.
    public static func previousPlacements(before date: String, _ db: Database) throws
        -> (placements: [String: PreviousPlacement], meals: [String: PlannedMeal]) {
        let meals = try PlanStore.previousMeals(before: date, db).mapValues(\.meal)
        return (meals.mapValues(PreviousPlacement.init), meals)
    }

    /// Everything a day's plan is made from, read in one go, and a digest of it: planning the
    /// same inputs again with the same settings gives the same plan, so a batch can skip it.
    public struct Inputs: Sendable {
        public var day: ServiceDay
        public var canteens: [Canteen]
        public var couriers: [Courier]
        public var diners: [Diner]
        public var previous: [String: PreviousPlacement]
        public var previousMeals: [String: PlannedMeal]
        public var digest: String
    }

    public static func inputs(date: String, settings: DayPlanner.Settings, _ db: Database) throws -> Inputs {
        var day = try ServiceDay(date: date)
        let canteens = try Canteen.fetchAll(db), couriers = try Courier.fetchAll(db)
        let checkInPerson = try WelfareAlerts.dinersToCheckInPerson(planning: day.date ?? date, db)
        let diners = raisingPriority(of: try Diner.fetchAll(db), checkInPerson: checkInPerson)
        let previous = try previousPlacements(before: date, db)
        day.exceptions = try DayExceptions.load(date: date, db)
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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        digest.add(try encoder.encode(settings.parameters))
        digest.add("seed \(settings.seed) time limit \(settings.timeLimit)")
        return Inputs(day: day, canteens: canteens, couriers: couriers, diners: diners, previous: previous.placements,
                      previousMeals: previous.meals, digest: digest.hex)
    }

    /// The diners as the planner should weigh them: one whose door stayed shut on the last round
    /// (an open no-answer alert) goes one priority level up, at most to high, so that when meals
    /// are short the person nobody has seen is not the one left out. The registry is not changed.
    public static func raisingPriority(of diners: [Diner], checkInPerson: Set<String>) -> [Diner] {
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
        let inputs = try database.writer.read { try Self.inputs(date: date, settings: settings, $0) }
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
        let stored = try database.writer.write { db -> DayPlan in
            let saved = try PlanStore.save(plan, db)
            try AppDatabase.logChange(db, by: settings.createdBy, action: "plan", subject: date,
                                      detail: "version \(saved.version): \(saved.assignments.count) planned, "
                                          + "\(saved.unserved.count) unserved" + (publish ? ", published" : ""))
            return saved
        }
        let summary = PlanSummary(plan: stored, canteens: inputs.canteens, previous: inputs.previousMeals,
                                  courierTravelSeconds: Int(outcome.courierTravelSeconds.rounded()))
        return Result(plan: stored, summary: summary, outcome: outcome)
    }
}
