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
        let placements = meals.mapValues { meal in
            PreviousPlacement(canteenID: meal.canteenID,
                              kind: ServiceKind(rawValue: meal.mode.rawValue) ?? .dineIn,
                              sitting: meal.sitting.map(Sitting.init(window:)),
                              courierID: meal.courierID, arrivalSeconds: meal.arrivalSeconds)
        }
        return (placements, meals)
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
        var day = try ServiceDay(date: date)
        let (canteens, couriers, registryDiners, previous, exceptions, checkInPerson) = try database.writer.read { db in
            (try Canteen.fetchAll(db), try Courier.fetchAll(db), try Diner.fetchAll(db),
             try previousPlacements(before: date, db), try DayExceptions.load(date: date, db),
             try WelfareAlerts.dinersToCheckInPerson(planning: day.date ?? date, db))
        }
        day.exceptions = exceptions
        let diners = raisingPriority(of: registryDiners, checkInPerson: checkInPerson)
        let planner = DayPlanner(canteens: canteens, couriers: couriers, diners: diners, settings: settings)
        let outcome = try planner.plan(day: day, previous: previous.placements)
        var plan = outcome.plan
        if publish { plan.status = .published }
        let stored = try database.writer.write { db -> DayPlan in
            let saved = try PlanStore.save(plan, db)
            try AppDatabase.logChange(db, by: settings.createdBy, action: "plan", subject: date,
                                      detail: "version \(saved.version): \(saved.assignments.count) planned, "
                                          + "\(saved.unserved.count) unserved" + (publish ? ", published" : ""))
            return saved
        }
        let summary = PlanSummary(plan: stored, canteens: canteens, previous: previous.meals,
                                  serviceSeconds: settings.parameters.serviceSeconds,
                                  courierTravelSeconds: Int(outcome.courierTravelSeconds.rounded()))
        return Result(plan: stored, summary: summary, outcome: outcome)
    }
}
