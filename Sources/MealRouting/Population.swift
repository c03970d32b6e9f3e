/// A solution kept by the genetic search, with what ranking and diversity need.
final class Individual {
    let routes: [[Int]]
    /// Cost without penalty terms (includes unserved-stop and soft-consistency costs).
    let objective: Double
    let excessLoad: Double
    let timeWarp: Double
    /// Next and previous stop of every stop; -1 for the depot, -2 when unserved.
    let successor: [Int]
    let predecessor: [Int]
    /// Other members of the same subpopulation by increasing broken-pairs distance.
    var closest: [(distance: Double, other: Individual)] = []
    var fitness = 0.0

    init(routes: [[Int]], objective: Double, excessLoad: Double, timeWarp: Double, stopCount: Int) {
        self.routes = routes
        self.objective = objective
        self.excessLoad = excessLoad
        self.timeWarp = timeWarp
        var successor = [Int](repeating: -2, count: stopCount)
        var predecessor = [Int](repeating: -2, count: stopCount)
        for route in routes {
            for (i, s) in route.enumerated() {
                predecessor[s] = i == 0 ? -1 : route[i - 1]
                successor[s] = i == route.count - 1 ? -1 : route[i + 1]
            }
        }
        self.successor = successor
        self.predecessor = predecessor
    }

    var isFeasible: Bool { excessLoad <= 1e-9 && timeWarp <= 1e-9 }

    func penalisedCost(_ penalties: PenaltyWeights) -> Double {
        objective + penalties.excessLoad * excessLoad + penalties.timeWarp * timeWarp
    }

    /// Share of stops whose neighbours in the routes differ (broken pairs distance), symmetric in
    /// the direction of travel.
    func distance(to other: Individual) -> Double {
        var broken = 0
        for s in successor.indices {
            if successor[s] != other.successor[s] && successor[s] != other.predecessor[s] { broken += 1 }
            if predecessor[s] == -1 && other.predecessor[s] != -1 && other.successor[s] != -1 { broken += 1 }
        }
        return Double(broken) / Double(max(1, successor.count))
    }
}

/// One subpopulation (feasible or infeasible) with survivor selection by biased fitness: rank by
/// cost plus rank by contribution to diversity, so good but different solutions survive.
final class Subpopulation {
    private(set) var members: [Individual] = []
    let parameters: SolverParameters

    init(parameters: SolverParameters) { self.parameters = parameters }

    func add(_ individual: Individual, penalties: PenaltyWeights) {
        for other in members {
            let d = individual.distance(to: other)
            insertSorted(&individual.closest, (d, other))
            insertSorted(&other.closest, (d, individual))
        }
        members.append(individual)
        if members.count > parameters.populationSize + parameters.generationSize {
            while members.count > parameters.populationSize { removeWorst(penalties) }
        }
    }

    func removeAll() {
        for m in members { m.closest.removeAll() }
        members.removeAll()
    }

    private func insertSorted(_ list: inout [(distance: Double, other: Individual)], _ entry: (Double, Individual)) {
        var i = list.count
        while i > 0 && list[i - 1].distance > entry.0 { i -= 1 }
        list.insert((entry.0, entry.1), at: i)
    }

    private func diversity(_ individual: Individual) -> Double {
        let count = min(parameters.closeCount, individual.closest.count)
        if count == 0 { return 0 }
        var sum = 0.0
        for i in 0..<count { sum += individual.closest[i].distance }
        return sum / Double(count)
    }

    func updateFitness(_ penalties: PenaltyWeights) {
        let n = members.count
        guard n > 1 else {
            members.first?.fitness = 0
            return
        }
        let byCost = members.indices.sorted { members[$0].penalisedCost(penalties) < members[$1].penalisedCost(penalties) }
        var costRank = [Int](repeating: 0, count: n)
        for (rank, i) in byCost.enumerated() { costRank[i] = rank }
        let diversities = members.map(diversity)
        let byDiversity = members.indices.sorted { diversities[$0] > diversities[$1] }
        var diversityRank = [Int](repeating: 0, count: n)
        for (rank, i) in byDiversity.enumerated() { diversityRank[i] = rank }
        let eliteWeight = 1 - Double(min(parameters.eliteCount, n)) / Double(n)
        for i in 0..<n {
            members[i].fitness = (Double(costRank[i]) + eliteWeight * Double(diversityRank[i])) / Double(n - 1)
        }
    }

    private func removeWorst(_ penalties: PenaltyWeights) {
        updateFitness(penalties)
        var worst = 0
        var worstIsClone = false
        for (i, m) in members.enumerated() {
            let isClone = (m.closest.first?.distance ?? 1) <= 1e-12
            if (isClone && !worstIsClone) || (isClone == worstIsClone && m.fitness > members[worst].fitness) {
                worst = i
                worstIsClone = isClone
            }
        }
        let removed = members.remove(at: worst)
        for m in members { m.closest.removeAll { $0.other === removed } }
        removed.closest.removeAll()
    }
}
