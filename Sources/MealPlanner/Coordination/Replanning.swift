import Foundation
import MealCore

/// Re-optimises the latest version of a date around what coordinators locked, changing as few
/// diners as the budget allows.
public enum Replanning {
    public struct Outcome: Sendable {
        /// The new version, or the latest version as it was when the replan changed nothing.
        public var plan: DayPlan { change.plan }
        /// What was stored: nothing when the replan moved nobody and re-timed nothing.
        public var change: StoredChange
        /// Diners whose placement differs from the version it started from (the change rule below).
        public var changed: Set<DinerID>
        /// Diners a fresh, unconstrained re-optimisation would have changed.
        public var idealChanged: Int
        /// Which plan was kept: the re-optimised one, or the current one improved within the budget.
        public var strategy: String
    }

    /// A diner counts as changed when their canteen, service or courier differs, their arrival
    /// moved by more than 15 minutes, or they are served in one plan and not in the other.
    public static func changedDiners(from a: DayPlan, to b: DayPlan) -> Set<DinerID> {
        PlanDiff.changedDiners(from: a, to: b)
    }

    static func score(_ plan: DayPlan, _ editor: PlanEditor) -> (unserved: Int, travel: Int) {
        let travel = plan.rounds.reduce(0) { total, round in
            total + editor.timetable(round.courierID).time(round.trips.map { $0.stops.map(\.dinerID) }).travelSeconds
        }
        return (plan.unserved.filter(\.reason.isFailure).count, travel)
    }

    /// - Parameter maxChanges: at most this many diners may differ from the current version;
    ///   nil minimises changes first and travel second (the planner's continuity costs).
    /// - Parameter publish: make the result the version operators print, in the same transaction.
    /// - Parameter travel: the travel model the day is planned again with; the version records it.
    public static func replan(date: String, in database: AppDatabase, by user: String, maxChanges: Int?,
                              seed: UInt64 = 1, timeLimit: Double = DayPlanner.defaultTimeGuard,
                              publish: Bool = false, travel: TravelChoice = .straight) throws -> Outcome {
        let context = try PlanEditing.context(database.planForEditing(date: date, baseVersion: nil))
        // The newest version the planner itself made: canteens whose rounds coordinators have
        // not touched since keep them; the others are routed again.
        let plannerMade = try database.newestPlannerMadePlan(date: date)
        let current = context.plan
        var untouched = current
        untouched.rounds = current.rounds.filter { round in
            let before = plannerMade?.rounds.filter { $0.canteenID == round.canteenID } ?? []
            return before == current.rounds.filter { $0.canteenID == round.canteenID }
        }
        let locked = current.assignments.filter(\.locked)
        let lockedRounds = current.rounds.filter { round in
            let ids = round.trips.flatMap { $0.stops.map(\.dinerID) }
            return !ids.isEmpty && ids.allSatisfy { id in locked.contains { $0.dinerID == id } }
        }
        // Continuity towards the current version is what makes the planner change little.
        let previous = Dictionary(uniqueKeysWithValues: current.assignments.map { ($0.dinerID, PreviousPlacement($0)) })
        let planner = DayPlanner(canteens: context.canteens, couriers: context.couriers, diners: context.diners,
                                 settings: .init(parameters: context.parameters, seed: seed, timeLimit: timeLimit, createdBy: user,
                                                 travel: travel))
        var ideal = try planner.plan(day: context.day, previous: previous, locked: locked, lockedRounds: lockedRounds,
                                     current: untouched).plan
        ideal.note = "replan"
        ideal.provenance = .replanned
        let idealChanged = changedDiners(from: current, to: ideal)

        var chosen = ideal, changed = idealChanged, strategy = "re-optimised"
        // A locked placement that breaks a rule (the coordinator's decision) is one the router
        // will not make: a re-optimisation that drops or moves a locked diner is not taken.
        let brokenLocks = locked.filter { meal in
            guard let now = ideal.assignment(of: meal.dinerID) else { return true }
            return now.canteenID != meal.canteenID || now.mode != meal.mode || now.sitting != meal.sitting
                || now.courierID != meal.courierID
        }.map(\.dinerID)
        if !brokenLocks.isEmpty || idealChanged.count > (maxChanges ?? .max) {
            let editor = PlanEditor(plan: current, canteens: context.canteens, couriers: context.couriers,
                                    diners: context.diners, parameters: context.parameters, day: context.day,
                                    travel: travel.model(for: context.parameters))
            chosen = improved(current, towards: ideal, budget: maxChanges ?? .max, editor: editor, by: user)
            changed = changedDiners(from: current, to: chosen)
            strategy = brokenLocks.isEmpty
                ? "current version improved within the budget of \(maxChanges ?? 0)"
                : "current version improved; a re-optimisation would not keep the locked "
                    + brokenLocks.map(\.rawValue).joined(separator: ", ")
        }
        let summary = "\(changed.count) diners changed (\(strategy); a fresh re-optimisation would change "
            + "\(idealChanged.count))" + (maxChanges.map { ", budget \($0)" } ?? "")
        let change = try StoredChange.store(chosen, over: current, in: database, publish: publish,
                                            note: PlanChangeNote(by: user, action: "replan", subject: date, summary: summary))
        return Outcome(change: change, changed: changed, idealChanged: idealChanged.count, strategy: strategy)
    }

    /// Starts from the current version and takes, one diner at a time, the re-optimised placement
    /// of delivery diners (never a locked one) whose move shortens the rounds, while the number
    /// of changed diners stays within the budget.
    static func improved(_ current: DayPlan, towards ideal: DayPlan, budget: Int, editor start: PlanEditor,
                         by user: String) -> DayPlan {
        var editor = start
        var best = editor.result(from: current, note: "replan", provenance: .replanned, by: user)
        var bestScore = score(best, editor)
        let idealMeals = Dictionary(uniqueKeysWithValues: ideal.assignments.map { ($0.dinerID, $0) })
        for id in changedDiners(from: current, to: ideal).sorted() {
            guard let target = idealMeals[id], target.mode == .delivery, let courier = target.courierID,
                  let now = current.assignment(of: id), now.mode == .delivery, !now.locked else { continue }
            var trial = editor
            guard (try? trial.moveToCourier(id, courierID: courier, position: nil)) != nil else { continue }
            let candidate = trial.result(from: current, note: "replan", provenance: .replanned, by: user)
            let candidateChanged = changedDiners(from: current, to: candidate)
            let candidateScore = score(candidate, trial)
            let problems = candidate.rounds.contains { round in
                !trial.timetable(round.courierID).time(round.trips.map { $0.stops.map(\.dinerID) }).isFeasible
            }
            if !problems, candidateChanged.count <= budget, candidateScore < bestScore {
                editor = trial
                best = candidate
                bestScore = candidateScore
            }
        }
        return best
    }
}
