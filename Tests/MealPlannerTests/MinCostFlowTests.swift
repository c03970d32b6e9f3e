import XCTest
@testable import MealPlanner

final class MinCostFlowTests: XCTestCase {

    // MARK: - Textbook examples

    func testSmallNetworkWithKnownOptimum() throws {
        var network = MinCostFlowNetwork(nodeCount: 4)
        network.addArc(from: 0, to: 1, capacity: 4, cost: 2)
        network.addArc(from: 0, to: 2, capacity: 2, cost: 2)
        network.addArc(from: 1, to: 2, capacity: 2, cost: 1)
        network.addArc(from: 1, to: 3, capacity: 3, cost: 3)
        network.addArc(from: 2, to: 3, capacity: 5, cost: 2)
        let solution = try network.solve(source: 0, sink: 3)
        XCTAssertEqual(solution.totalFlow, 6)
        XCTAssertEqual(solution.totalCost, 28)
        assertValidAndOptimal(solution, network, source: 0, sink: 3, limit: .max, objective: .minCostMaxFlow)
    }

    func testAssignmentProblemMatchesHungarianTextbookAnswer() throws {
        let costs: [[Int64]] = [[4, 1, 3], [2, 0, 5], [3, 2, 2]]
        var network = MinCostFlowNetwork()
        let source = network.addNode()
        let workers = network.addNodes(3)
        let jobs = network.addNodes(3)
        let sink = network.addNode()
        var assignmentArcs: [[MinCostFlowNetwork.ArcID]] = []
        for worker in 0..<3 {
            network.addArc(from: source, to: workers.lowerBound + worker, capacity: 1, cost: 0)
            assignmentArcs.append((0..<3).map { job in
                network.addArc(from: workers.lowerBound + worker, to: jobs.lowerBound + job,
                               capacity: 1, cost: costs[worker][job])
            })
        }
        for job in jobs { network.addArc(from: job, to: sink, capacity: 1, cost: 0) }

        let solution = try network.solve(source: source, sink: sink)
        XCTAssertEqual(solution.totalFlow, 3)
        XCTAssertEqual(solution.totalCost, 5)
        let chosenJobs = assignmentArcs.map { arcs in arcs.firstIndex { solution.flow(on: $0) == 1 } }
        XCTAssertEqual(chosenJobs, [1, 0, 2])
    }

    func testMinCostModeSendsOnlyProfitablePaths() throws {
        // Path via node 1 earns 2 overall; path via node 2 costs 3 overall.
        var network = MinCostFlowNetwork(nodeCount: 4)
        network.addArc(from: 0, to: 1, capacity: 1, cost: -5)
        network.addArc(from: 1, to: 3, capacity: 1, cost: 3)
        network.addArc(from: 0, to: 2, capacity: 1, cost: -1)
        network.addArc(from: 2, to: 3, capacity: 1, cost: 4)

        let cheapest = try network.solve(source: 0, sink: 3, objective: .minCost)
        XCTAssertEqual(cheapest.totalFlow, 1)
        XCTAssertEqual(cheapest.totalCost, -2)
        XCTAssertEqual(cheapest.arcFlows, [1, 1, 0, 0])

        let maximal = try network.solve(source: 0, sink: 3, objective: .minCostMaxFlow)
        XCTAssertEqual(maximal.totalFlow, 2)
        XCTAssertEqual(maximal.totalCost, 1)
    }

    func testLexicographicCostsOfRealisticMagnitude() throws {
        // Priority dominates continuity, which dominates travel seconds.
        let priorityWeight: Int64 = 1_000_000_000, continuityWeight: Int64 = 1_000_000
        var network = MinCostFlowNetwork(nodeCount: 5)
        network.addArc(from: 0, to: 1, capacity: 1, cost: 0)
        network.addArc(from: 0, to: 2, capacity: 1, cost: 0)
        let highPriorityServed = network.addArc(from: 1, to: 3, capacity: 1, cost: -3 * priorityWeight + 900)
        network.addArc(from: 2, to: 3, capacity: 1, cost: -1 * priorityWeight - continuityWeight + 10)
        network.addArc(from: 3, to: 4, capacity: 1, cost: 0)
        let solution = try network.solve(source: 0, sink: 4, objective: .minCost)
        XCTAssertEqual(solution.totalFlow, 1)
        XCTAssertEqual(solution.flow(on: highPriorityServed), 1)
        XCTAssertEqual(solution.totalCost, -3 * priorityWeight + 900)
    }

    // MARK: - Edge cases

    func testNoPathGivesEmptyFlow() throws {
        var network = MinCostFlowNetwork(nodeCount: 4)
        network.addArc(from: 0, to: 1, capacity: 5, cost: -3)
        network.addArc(from: 2, to: 3, capacity: 5, cost: 1)
        for objective in [MinCostFlowNetwork.Objective.minCostMaxFlow, .minCost] {
            let solution = try network.solve(source: 0, sink: 3, objective: objective)
            XCTAssertEqual(solution.totalFlow, 0)
            XCTAssertEqual(solution.totalCost, 0)
            XCTAssertEqual(solution.arcFlows, [0, 0])
        }
    }

    func testZeroCapacityArcsCarryNothing() throws {
        var network = MinCostFlowNetwork(nodeCount: 3)
        let closed = network.addArc(from: 0, to: 1, capacity: 0, cost: -100)
        let open = network.addArc(from: 0, to: 1, capacity: 2, cost: 7)
        network.addArc(from: 1, to: 2, capacity: 0, cost: -100)
        network.addArc(from: 1, to: 2, capacity: 3, cost: 1)
        let solution = try network.solve(source: 0, sink: 2)
        XCTAssertEqual(solution.totalFlow, 2)
        XCTAssertEqual(solution.totalCost, 16)
        XCTAssertEqual(solution.flow(on: closed), 0)
        XCTAssertEqual(solution.flow(on: open), 2)
    }

    func testEmptyNetworkAndInvalidRequestsAreRejected() {
        var network = MinCostFlowNetwork(nodeCount: 2)
        network.addArc(from: 0, to: 1, capacity: 1, cost: 1)
        XCTAssertThrowsError(try network.solve(source: 1, sink: 1)) {
            XCTAssertEqual($0 as? MinCostFlowError, .sourceEqualsSink)
        }
        XCTAssertThrowsError(try network.solve(source: 0, sink: 2)) {
            XCTAssertEqual($0 as? MinCostFlowError, .nodeOutOfRange(2))
        }
        XCTAssertThrowsError(try network.solve(source: 0, sink: 1, maxFlow: -1)) {
            XCTAssertEqual($0 as? MinCostFlowError, .negativeFlowLimit)
        }
        var huge = MinCostFlowNetwork(nodeCount: 2)
        huge.addArc(from: 0, to: 1, capacity: 1, cost: .max / 4)
        XCTAssertThrowsError(try huge.solve(source: 0, sink: 1)) {
            XCTAssertEqual($0 as? MinCostFlowError, .costsTooLarge)
        }
    }

    func testMaxFlowLimitIsRespected() throws {
        var network = MinCostFlowNetwork(nodeCount: 3)
        let cheap = network.addArc(from: 0, to: 1, capacity: 3, cost: 1)
        let dear = network.addArc(from: 0, to: 1, capacity: 3, cost: 4)
        network.addArc(from: 1, to: 2, capacity: 10, cost: -10)
        for objective in [MinCostFlowNetwork.Objective.minCostMaxFlow, .minCost] {
            let solution = try network.solve(source: 0, sink: 2, maxFlow: 4, objective: objective)
            XCTAssertEqual(solution.totalFlow, 4)
            XCTAssertEqual(solution.totalCost, 3 * 1 + 4 - 40)
            XCTAssertEqual(solution.flow(on: cheap), 3)
            XCTAssertEqual(solution.flow(on: dear), 1)
        }
        XCTAssertEqual(try network.solve(source: 0, sink: 2, maxFlow: 0).totalFlow, 0)
    }

    func testSuppliesFormMatchesSourceSinkForm() throws {
        var network = MinCostFlowNetwork(nodeCount: 4)
        network.addArc(from: 0, to: 2, capacity: 2, cost: 3)
        network.addArc(from: 0, to: 3, capacity: 2, cost: 1)
        network.addArc(from: 1, to: 2, capacity: 2, cost: 1)
        network.addArc(from: 1, to: 3, capacity: 2, cost: 5)
        let solution = try network.solve(supplies: [2, 1, -2, -1])
        XCTAssertEqual(solution.totalFlow, 3)
        // Node 0 → 3 (1), node 0 → 2 (1 at 3) and node 1 → 2 (1): 1 + 3 + 1.
        XCTAssertEqual(solution.totalCost, 5)

        XCTAssertThrowsError(try network.solve(supplies: [5, 0, -3, -2])) {
            XCTAssertEqual($0 as? MinCostFlowError, .infeasible)
        }
        XCTAssertThrowsError(try network.solve(supplies: [1, 0, 0, 0])) {
            XCTAssertEqual($0 as? MinCostFlowError, .suppliesDoNotBalance)
        }
    }

    // MARK: - Randomised comparison against independent oracles

    func testTinyRandomDAGsAgainstBruteForce() throws {
        for seed in 0..<400 {
            var random = SplitMix64(seed: UInt64(seed))
            let network = randomNetwork(&random, nodeCount: random.int(in: 2...5), arcCount: random.int(in: 1...6), acyclic: true)
            try compareWithBruteForce(network, &random, seed: seed)
        }
    }

    func testTinyRandomCyclicNetworksAgainstBruteForce() throws {
        // Negative cycles allowed here: the solver must still find the optimum.
        for seed in 1000..<1300 {
            var random = SplitMix64(seed: UInt64(seed))
            let network = randomNetwork(&random, nodeCount: random.int(in: 2...4), arcCount: random.int(in: 1...6), acyclic: false)
            try compareWithBruteForce(network, &random, seed: seed)
        }
    }

    func testLargerRandomDAGsAgainstBellmanFordSuccessiveShortestPaths() throws {
        for seed in 2000..<2300 {
            var random = SplitMix64(seed: UInt64(seed))
            let nodeCount = random.int(in: 3...12)
            let network = randomNetwork(&random, nodeCount: nodeCount, arcCount: random.int(in: 2...40), acyclic: true)
            let source = 0, sink = nodeCount - 1
            let limit = random.int(in: 0...3) == 0 ? random.int(in: 0...6) : Int.max
            for objective in [MinCostFlowNetwork.Objective.minCostMaxFlow, .minCost] {
                let solution = try network.solve(source: source, sink: sink, maxFlow: limit, objective: objective)
                let expected = successiveShortestPaths(network, source: source, sink: sink, limit: limit,
                                                       stopWhenPathsCostNonNegative: objective == .minCost)
                if objective == .minCostMaxFlow {
                    // Under .minCost the amount is ambiguous when zero-cost paths exist.
                    XCTAssertEqual(solution.totalFlow, expected.flow, "seed \(seed) \(objective)")
                }
                XCTAssertEqual(solution.totalCost, expected.cost, "seed \(seed) \(objective)")
                assertValidAndOptimal(solution, network, source: source, sink: sink, limit: limit, objective: objective)
            }
        }
    }

    func testRandomBipartiteAssignmentsAgainstBellmanFordSuccessiveShortestPaths() throws {
        for seed in 3000..<3040 {
            var random = SplitMix64(seed: UInt64(seed))
            let diners = random.int(in: 5...40), canteens = random.int(in: 1...6)
            var network = MinCostFlowNetwork()
            let source = network.addNode()
            let dinerNodes = network.addNodes(diners)
            let canteenNodes = network.addNodes(canteens)
            let sink = network.addNode()
            for diner in dinerNodes {
                network.addArc(from: source, to: diner, capacity: 1, cost: 0)
                for _ in 0..<random.int(in: 0...4) {
                    let canteen = canteenNodes.lowerBound + random.int(in: 0...(canteens - 1))
                    let cost = Int64(random.int(in: -3...3)) * 1_000_000_000 + Int64(random.int(in: 0...3600))
                    network.addArc(from: diner, to: canteen, capacity: 1, cost: cost)
                }
            }
            for canteen in canteenNodes {
                network.addArc(from: canteen, to: sink, capacity: random.int(in: 0...8), cost: 0)
            }
            for objective in [MinCostFlowNetwork.Objective.minCostMaxFlow, .minCost] {
                let solution = try network.solve(source: source, sink: sink, objective: objective)
                let expected = successiveShortestPaths(network, source: source, sink: sink, limit: .max,
                                                       stopWhenPathsCostNonNegative: objective == .minCost)
                if objective == .minCostMaxFlow {
                    // Under .minCost the amount is ambiguous when zero-cost paths exist.
                    XCTAssertEqual(solution.totalFlow, expected.flow, "seed \(seed) \(objective)")
                }
                XCTAssertEqual(solution.totalCost, expected.cost, "seed \(seed) \(objective)")
                assertValidAndOptimal(solution, network, source: source, sink: sink, limit: .max, objective: objective)
            }
        }
    }

    func testMediumAssignmentWithLexicographicCostsIsValidAndOptimal() throws {
        // Large enough for thousands of pivots; checked by residual negative cycles.
        var random = SplitMix64(seed: 5000)
        var network = MinCostFlowNetwork()
        let source = network.addNode()
        let diners = network.addNodes(300)
        let slots = network.addNodes(24)
        let sink = network.addNode()
        for diner in diners {
            network.addArc(from: source, to: diner, capacity: 1, cost: 0)
            let priority = Int64(random.int(in: 1...3))
            for _ in 0..<8 {
                let slot = slots.lowerBound + random.int(in: 0...(slots.count - 1))
                let cost = -priority * 1_000_000_000 - Int64(random.int(in: 0...2)) * 1_000_000 + Int64(random.int(in: 0...3600))
                network.addArc(from: diner, to: slot, capacity: 1, cost: cost)
            }
        }
        for slot in slots { network.addArc(from: slot, to: sink, capacity: 11, cost: 0) }
        for objective in [MinCostFlowNetwork.Objective.minCostMaxFlow, .minCost] {
            let solution = try network.solve(source: source, sink: sink, objective: objective)
            XCTAssertEqual(solution.totalFlow, 264)
            assertValidAndOptimal(solution, network, source: source, sink: sink, limit: .max, objective: objective)
        }
    }

    func testSameNetworkGivesSameArcFlows() throws {
        for seed in 4000..<4050 {
            var first = SplitMix64(seed: UInt64(seed)), second = SplitMix64(seed: UInt64(seed))
            // Many equal costs, so that ties must be broken the same way every time.
            let network = randomNetwork(&first, nodeCount: 10, arcCount: 40, acyclic: false, costRange: 0...2)
            let rebuilt = randomNetwork(&second, nodeCount: 10, arcCount: 40, acyclic: false, costRange: 0...2)
            let solution = try network.solve(source: 0, sink: 9)
            XCTAssertEqual(solution, try network.solve(source: 0, sink: 9), "seed \(seed)")
            XCTAssertEqual(solution, try rebuilt.solve(source: 0, sink: 9), "seed \(seed)")
        }
    }

    // MARK: - Helpers

    private func randomNetwork(
        _ random: inout SplitMix64, nodeCount: Int, arcCount: Int, acyclic: Bool,
        costRange: ClosedRange<Int> = -5...20
    ) -> MinCostFlowNetwork {
        var network = MinCostFlowNetwork(nodeCount: nodeCount)
        for _ in 0..<arcCount {
            var tail = random.int(in: 0...(nodeCount - 1))
            var head = random.int(in: 0...(nodeCount - 1))
            if acyclic {
                // Arcs only go from lower to higher node numbers.
                tail = random.int(in: 0...(nodeCount - 2))
                head = random.int(in: (tail + 1)...(nodeCount - 1))
            }
            network.addArc(from: tail, to: head, capacity: random.int(in: 0...3),
                           cost: Int64(random.int(in: costRange)))
        }
        return network
    }

    private func compareWithBruteForce(_ network: MinCostFlowNetwork, _ random: inout SplitMix64, seed: Int) throws {
        let source = 0, sink = network.nodeCount - 1
        let limit = random.int(in: 0...2) == 0 ? random.int(in: 0...4) : Int.max
        for objective in [MinCostFlowNetwork.Objective.minCostMaxFlow, .minCost] {
            let solution = try network.solve(source: source, sink: sink, maxFlow: limit, objective: objective)
            let expected = bruteForce(network, source: source, sink: sink, limit: limit, objective: objective)
            if objective == .minCostMaxFlow {
                XCTAssertEqual(solution.totalFlow, expected.flow, "seed \(seed) \(objective)")
            }
            XCTAssertEqual(solution.totalCost, expected.cost, "seed \(seed) \(objective)")
            assertValidAndOptimal(solution, network, source: source, sink: sink, limit: limit, objective: objective)
        }
    }

    /// Enumerates every integer flow vector; keeps the conserving ones.
    private func bruteForce(
        _ network: MinCostFlowNetwork, source: Int, sink: Int, limit: Int,
        objective: MinCostFlowNetwork.Objective
    ) -> (flow: Int, cost: Int64) {
        let arcs = (0..<network.arcCount).map { network.arc(.init(index: $0)) }
        var best: (flow: Int, cost: Int64)?
        var flows = [Int](repeating: 0, count: arcs.count)
        func visit(_ position: Int) {
            if position == arcs.count {
                var net = [Int](repeating: 0, count: network.nodeCount)
                var cost: Int64 = 0
                for (index, arc) in arcs.enumerated() {
                    net[arc.from] += flows[index]
                    net[arc.to] -= flows[index]
                    cost += Int64(flows[index]) * arc.cost
                }
                for node in 0..<network.nodeCount where node != source && node != sink && net[node] != 0 { return }
                let value = net[source]
                guard value >= 0, value <= limit else { return }
                let candidate = (flow: value, cost: cost)
                guard let current = best else { best = candidate; return }
                switch objective {
                case .minCostMaxFlow:
                    if candidate.flow > current.flow || (candidate.flow == current.flow && candidate.cost < current.cost) {
                        best = candidate
                    }
                case .minCost:
                    // Amount is ambiguous at equal cost; compare the cost only.
                    if candidate.cost < current.cost { best = candidate }
                }
                return
            }
            for amount in 0...arcs[position].capacity {
                flows[position] = amount
                visit(position + 1)
            }
        }
        visit(0)
        return best!
    }

    /// Classic successive shortest paths, Bellman-Ford on the residual graph.
    /// Valid as an oracle for networks without negative cycles.
    private func successiveShortestPaths(
        _ network: MinCostFlowNetwork, source: Int, sink: Int, limit: Int,
        stopWhenPathsCostNonNegative: Bool
    ) -> (flow: Int, cost: Int64) {
        var residual = ResidualGraph(network, arcFlows: [Int](repeating: 0, count: network.arcCount))
        var flow = 0
        var cost: Int64 = 0
        while flow < limit {
            var distance = [Int64?](repeating: nil, count: network.nodeCount)
            var viaEdge = [Int](repeating: -1, count: network.nodeCount)
            distance[source] = 0
            for _ in 0..<network.nodeCount {
                for (index, edge) in residual.edges.enumerated() where edge.room > 0 {
                    guard let from = distance[edge.from] else { continue }
                    if distance[edge.to].map({ from + edge.cost < $0 }) ?? true {
                        distance[edge.to] = from + edge.cost
                        viaEdge[edge.to] = index
                    }
                }
            }
            guard let pathCost = distance[sink] else { break }
            if stopWhenPathsCostNonNegative && pathCost >= 0 { break }
            var path: [Int] = []
            var node = sink
            while node != source {
                path.append(viaEdge[node])
                node = residual.edges[viaEdge[node]].from
            }
            let amount = min(limit - flow, path.map { residual.edges[$0].room }.min()!)
            for edge in path { residual.push(amount, along: edge) }
            flow += amount
            cost += Int64(amount) * pathCost
        }
        return (flow, cost)
    }

    private func assertValidAndOptimal(
        _ solution: MinCostFlowSolution, _ network: MinCostFlowNetwork,
        source: Int, sink: Int, limit: Int, objective: MinCostFlowNetwork.Objective,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(solution.arcFlows.count, network.arcCount, file: file, line: line)
        var net = [Int](repeating: 0, count: network.nodeCount)
        var cost: Int64 = 0
        for index in 0..<network.arcCount {
            let arc = network.arc(.init(index: index)), flow = solution.arcFlows[index]
            XCTAssert(flow >= 0 && flow <= arc.capacity, "capacity bound violated on arc \(index)", file: file, line: line)
            net[arc.from] += flow
            net[arc.to] -= flow
            cost += Int64(flow) * arc.cost
        }
        XCTAssertEqual(cost, solution.totalCost, "reported cost", file: file, line: line)
        for node in 0..<network.nodeCount {
            let expected = node == source ? solution.totalFlow : node == sink ? -solution.totalFlow : 0
            XCTAssertEqual(net[node], expected, "conservation at node \(node)", file: file, line: line)
        }
        XCTAssert(solution.totalFlow <= limit, file: file, line: line)

        var residual = ResidualGraph(network, arcFlows: solution.arcFlows)
        switch objective {
        case .minCostMaxFlow:
            if solution.totalFlow < limit {
                XCTAssertFalse(residual.reaches(sink, from: source), "flow is not maximum", file: file, line: line)
            }
        case .minCost:
            // Changing the amount is free in this mode: model it as a zero-cost t→s arc.
            residual.edges.append(.init(from: sink, to: source, room: limit == .max ? Int.max : limit - solution.totalFlow, cost: 0))
            residual.edges.append(.init(from: source, to: sink, room: solution.totalFlow, cost: 0))
        }
        XCTAssertFalse(residual.hasNegativeCycle(nodeCount: network.nodeCount), "residual graph has a negative cycle", file: file, line: line)
    }
}

private struct ResidualGraph {
    struct Edge { var from: Int; var to: Int; var room: Int; var cost: Int64 }
    /// Edge `2a` is arc `a` forward, `2a + 1` is its reverse.
    var edges: [Edge] = []

    init(_ network: MinCostFlowNetwork, arcFlows: [Int]) {
        for index in 0..<network.arcCount {
            let arc = network.arc(.init(index: index))
            edges.append(Edge(from: arc.from, to: arc.to, room: arc.capacity - arcFlows[index], cost: arc.cost))
            edges.append(Edge(from: arc.to, to: arc.from, room: arcFlows[index], cost: -arc.cost))
        }
    }

    mutating func push(_ amount: Int, along edge: Int) {
        edges[edge].room -= amount
        edges[edge ^ 1].room += amount
    }

    func reaches(_ target: Int, from start: Int) -> Bool {
        var seen: Set<Int> = [start], frontier = [start]
        while let node = frontier.popLast() {
            for edge in edges where edge.room > 0 && edge.from == node && seen.insert(edge.to).inserted {
                frontier.append(edge.to)
            }
        }
        return seen.contains(target)
    }

    /// Bellman-Ford from a virtual node joined to every node at cost 0.
    func hasNegativeCycle(nodeCount: Int) -> Bool {
        var distance = [Int64](repeating: 0, count: nodeCount)
        for _ in 0...nodeCount {
            var changed = false
            for edge in edges where edge.room > 0 && distance[edge.from] + edge.cost < distance[edge.to] {
                distance[edge.to] = distance[edge.from] + edge.cost
                changed = true
            }
            if !changed { return false }
        }
        return true
    }
}

/// Small seeded generator so that every run sees the same networks.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
}
