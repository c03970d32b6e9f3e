import Foundation

/// Hybrid genetic search (Vidal et al. 2012/2022, as in HGS-CVRP and PyVRP): offspring from
/// route-exchange crossover are improved by local search; infeasible solutions are kept in their
/// own subpopulation and priced with penalties that adapt to a target share of feasible offspring.
final class GeneticSearch {
    let model: SearchModel
    let parameters: SolverParameters
    private var rng: SeededGenerator
    private let state: SearchState
    private let localSearch: LocalSearch
    private let crossover: RouteExchangeCrossover
    private let feasible: Subpopulation
    private let infeasible: Subpopulation
    private var penalties: PenaltyWeights
    private var recentLoadFeasible: [Bool] = []
    private var recentTimeFeasible: [Bool] = []
    private let consistency: ArrivalConsistency

    private var deadline = SearchDeadline.none
    private(set) var best: Individual?
    private(set) var iterations = 0
    var localSearchMoves: Int { localSearch.movesApplied }

    init(model: SearchModel, parameters: SolverParameters) {
        self.model = model
        self.parameters = parameters
        rng = SeededGenerator(seed: parameters.seed)
        penalties = GeneticSearch.initialPenalties(model)
        state = SearchState(model: model, penalties: penalties)
        localSearch = LocalSearch(model: model)
        crossover = RouteExchangeCrossover(model: model)
        feasible = Subpopulation(parameters: parameters)
        infeasible = Subpopulation(parameters: parameters)
        consistency = ArrivalConsistency(model: model)
    }

    /// Load penalty of the order of the travel cost of one meal's share of a trip, as HGS does;
    /// time warp starts at one cost unit per second of lateness per unit of travel cost.
    private static func initialPenalties(_ model: SearchModel) -> PenaltyWeights {
        let n = model.locationCount
        var maxDistance = 0.0, sumDistance = 0.0, sumTime = 0.0
        for i in 0..<(n * n) {
            maxDistance = max(maxDistance, model.distances[i])
            sumDistance += model.distances[i]
            sumTime += model.travelTimes[i]
        }
        let maxDemand = max(1, model.stopDemand.max() ?? 1)
        let costPerSecond = sumTime > 0 ? (model.distanceWeight * sumDistance) / sumTime + model.workingTimeWeight : 1
        return PenaltyWeights(
            timeWarp: max(0.1, costPerSecond),
            excessLoad: max(0.1, min(1000, model.distanceWeight * maxDistance / maxDemand)))
    }

    func run(stoppingCriterion: AnyStoppingCriterion) -> Individual {
        var criterion = stoppingCriterion
        // A short time limit may not even allow a full initial population.
        deadline = SearchDeadline(after: parameters.timeLimit)
        initialisePopulation()
        var sinceImprovement = 0
        while !criterion.shouldStop(bestObjective: best?.objective ?? .infinity) && !deadline.hasPassed {
            iterations += 1
            let previousBest = best?.objective ?? .infinity
            let first = selectParent()
            let second = selectParent()
            let child = crossover.offspring(first.routes, second.routes, scratch: state, rng: &rng)
            educate(child)
            if (best?.objective ?? .infinity) < previousBest - 1e-9 {
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
            }
            if iterations % 100 == 0 { adaptPenalties() }
            if sinceImprovement >= parameters.restartAfter {
                feasible.removeAll()
                infeasible.removeAll()
                initialisePopulation()
                sinceImprovement = 0
            }
        }
        if let best { return best }
        // No feasible solution met: return the least violating one for the caller to repair.
        infeasible.updateFitness(penalties)
        return infeasible.members.min { $0.penalisedCost(penalties) < $1.penalisedCost(penalties) }!
    }

    private func initialisePopulation() {
        let free = (0..<model.stopCount).filter { s in !model.lockedPrefix.contains { $0.contains(s) } }
        for i in 0..<parameters.populationSize {
            if i > 0, deadline.hasPassed { break }
            var order = free
            rng.shuffle(&order)
            state.penalties = penalties
            state.load(SearchState.lockedStart(model))
            state.insertCheapest(order)
            educate(state.export())
        }
    }

    /// Local search on `routes`, then registration; an infeasible result may get a second,
    /// stricter local search that pushes it into feasibility.
    private func educate(_ routes: [[Int]]) {
        state.penalties = penalties
        state.load(routes)
        localSearch.run(state, rng: &rng, deadline: deadline)
        let (load, warp) = state.violations
        recentLoadFeasible.append(load <= 1e-9)
        recentTimeFeasible.append(warp <= 1e-9)
        register()
        if !state.isFeasible && rng.unit() < parameters.repairProbability { repair() }
    }

    /// Local search with ever stricter penalties until the solution is feasible: a violation that
    /// is cheap under the current weights (a few seconds too long in the box) can still hide a
    /// feasible neighbour that costs a whole extra trip.
    private func repair() {
        var factor = 10.0
        for _ in 0..<3 where !deadline.hasPassed {
            state.penalties = penalties.scaled(factor)
            state.refreshAllCosts()
            localSearch.run(state, rng: &rng, deadline: deadline)
            if state.isFeasible {
                register()
                return
            }
            factor *= 10
        }
    }

    private func register() {
        let (load, warp) = state.violations
        let routes = state.export()
        let individual = Individual(
            routes: routes, objective: state.objective + consistency.cost(routes),
            excessLoad: load, timeWarp: warp, stopCount: model.stopCount)
        if individual.isFeasible {
            feasible.add(individual, penalties: penalties)
            if best == nil || individual.objective < best!.objective - 1e-9 { best = individual }
        } else {
            infeasible.add(individual, penalties: penalties)
        }
    }

    /// Binary tournament on biased fitness over both subpopulations.
    private func selectParent() -> Individual {
        feasible.updateFitness(penalties)
        infeasible.updateFitness(penalties)
        let all = feasible.members + infeasible.members
        let a = all[rng.below(all.count)], b = all[rng.below(all.count)]
        return a.fitness <= b.fitness ? a : b
    }

    /// Raises a penalty when too few recent local-search results satisfy that constraint and
    /// lowers it when nearly all do, so the search keeps exploring the boundary of feasibility.
    private func adaptPenalties() {
        func adjusted(_ weight: Double, _ history: [Bool]) -> Double {
            guard !history.isEmpty else { return weight }
            let share = Double(history.filter { $0 }.count) / Double(history.count)
            if share < parameters.targetFeasibleShare - 0.05 { return min(weight * 1.25, 100_000) }
            if share > parameters.targetFeasibleShare + 0.05 { return max(weight * 0.85, 0.01) }
            return weight
        }
        penalties = PenaltyWeights(
            timeWarp: adjusted(penalties.timeWarp, recentTimeFeasible),
            excessLoad: adjusted(penalties.excessLoad, recentLoadFeasible))
        recentLoadFeasible.removeAll(keepingCapacity: true)
        recentTimeFeasible.removeAll(keepingCapacity: true)
    }
}
