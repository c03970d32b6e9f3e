/// A directed network with integer capacities and integer costs, solved for
/// minimum-cost flows.
///
/// Build the network with ``addNode()``/``addNodes(_:)`` and
/// ``addArc(from:to:capacity:cost:)``, then call
/// ``solve(source:sink:maxFlow:objective:)`` for a single-commodity
/// source→sink flow, or ``solve(supplies:)`` for a transshipment problem.
///
/// Arc costs may be negative, and the network may even contain negative-cost
/// cycles: every arc has a finite capacity, so the optimum is always bounded and
/// the solver simply saturates profitable cycles. Solving is deterministic: the
/// same network, built in the same order, always yields the same per-arc flows.
///
/// The source/sink form first finds the flow amount with Dinic's max-flow
/// algorithm, then routes it with a primal network simplex (block-search
/// pricing, strongly feasible spanning trees, big-M artificial start), see
/// `NetworkSimplex`. Release build, bipartite diner → (canteen, sitting) →
/// sink networks with unit diner arcs: ~22k arcs solve in ~15 ms, ~220k arcs
/// in ~0.5–1.2 s.
/// It needs `(max |cost| + 1) × (nodeCount + 1)` to stay below `Int64.max / 8`;
/// costs of order 10^13 on networks of 10^5 nodes are fine.
public struct MinCostFlowNetwork: Sendable {
    /// Identifies an arc of the network; returned by ``addArc(from:to:capacity:cost:)``.
    public struct ArcID: Hashable, Sendable {
        /// Position of the arc in insertion order, starting at 0.
        public let index: Int
    }

    /// What ``solve(source:sink:maxFlow:objective:)`` optimises.
    public enum Objective: Sendable {
        /// Send as much flow as possible (up to the `maxFlow` limit) and,
        /// among all flows of that amount, pick one of minimum cost.
        case minCostMaxFlow
        /// Pick a flow of minimum cost among all flows of *any* amount up to
        /// the `maxFlow` limit. Equivalent to successive shortest paths that
        /// stop as soon as the cheapest augmenting path costs ≥ 0: only
        /// paths with negative cost (rewards) are worth sending. When several
        /// amounts reach the same minimum cost, which one is returned is
        /// unspecified but deterministic.
        case minCost
    }

    public private(set) var nodeCount: Int
    var arcTails: [Int] = []
    var arcHeads: [Int] = []
    var arcCapacities: [Int] = []
    var arcCosts: [Int64] = []

    /// Creates a network with `nodeCount` nodes, numbered `0..<nodeCount`.
    public init(nodeCount: Int = 0) {
        precondition(nodeCount >= 0, "node count must be non-negative")
        self.nodeCount = nodeCount
    }

    /// Number of arcs added so far.
    public var arcCount: Int { arcTails.count }

    /// Adds one node and returns its index.
    @discardableResult
    public mutating func addNode() -> Int {
        nodeCount += 1
        return nodeCount - 1
    }

    /// Adds `count` nodes and returns their indices.
    @discardableResult
    public mutating func addNodes(_ count: Int) -> Range<Int> {
        precondition(count >= 0, "node count must be non-negative")
        let first = nodeCount
        nodeCount += count
        return first..<nodeCount
    }

    /// Adds a directed arc `from → to` that can carry between 0 and
    /// `capacity` units, each costing `cost`. Parallel arcs and self-loops are
    /// allowed (a self-loop never carries flow unless its cost is negative).
    @discardableResult
    public mutating func addArc(from tail: Int, to head: Int, capacity: Int, cost: Int64) -> ArcID {
        precondition((0..<nodeCount).contains(tail), "arc tail \(tail) is not a node")
        precondition((0..<nodeCount).contains(head), "arc head \(head) is not a node")
        precondition(capacity >= 0, "arc capacity must be non-negative")
        arcTails.append(tail)
        arcHeads.append(head)
        arcCapacities.append(capacity)
        arcCosts.append(cost)
        return ArcID(index: arcTails.count - 1)
    }

    /// Endpoints, capacity and cost of an arc, as added.
    public func arc(_ id: ArcID) -> (from: Int, to: Int, capacity: Int, cost: Int64) {
        (arcTails[id.index], arcHeads[id.index], arcCapacities[id.index], arcCosts[id.index])
    }

    /// Computes a minimum-cost flow from `source` to `sink`.
    ///
    /// - Parameters:
    ///   - maxFlow: upper bound on the amount sent from `source` to `sink`.
    ///   - objective: ``Objective/minCostMaxFlow`` (default) or ``Objective/minCost``.
    /// - Returns: the flow amount, its total cost and the flow on every arc.
    ///   If the network has negative-cost cycles, the returned flow also
    ///   saturates them where that lowers the cost.
    /// - Throws: ``MinCostFlowError`` if `source == sink`, a node is out of
    ///   range, `maxFlow` is negative, or costs are too large to solve safely.
    public func solve(
        source: Int,
        sink: Int,
        maxFlow: Int = .max,
        objective: Objective = .minCostMaxFlow
    ) throws(MinCostFlowError) -> MinCostFlowSolution {
        guard (0..<nodeCount).contains(source) else { throw .nodeOutOfRange(source) }
        guard (0..<nodeCount).contains(sink) else { throw .nodeOutOfRange(sink) }
        guard source != sink else { throw .sourceEqualsSink }
        guard maxFlow >= 0 else { throw .negativeFlowLimit }

        // The simplex solves fixed supplies, so first learn how much can be
        // sent at all; Dinic on unit-capacity bipartite graphs takes a few ms.
        var maxFlowFinder = DinicMaxFlow(
            nodeCount: nodeCount, tails: arcTails, heads: arcHeads, capacities: arcCapacities)
        let sendable = maxFlowFinder.maxFlow(from: source, to: sink, limit: maxFlow)

        var supplies = [Int](repeating: 0, count: nodeCount)
        supplies[source] = sendable
        supplies[sink] = -sendable
        var tails = arcTails, heads = arcHeads, capacities = arcCapacities, costs = arcCosts
        if objective == .minCost {
            // Flow routed through this free bypass is flow not sent: the
            // simplex then chooses the cheapest amount as well as the routing.
            tails.append(source)
            heads.append(sink)
            capacities.append(sendable)
            costs.append(0)
        }
        var simplex = try NetworkSimplex(
            nodeCount: nodeCount, tails: tails, heads: heads,
            capacities: capacities, costs: costs, supplies: supplies)
        guard simplex.solve() else {
            preconditionFailure("supplies come from a feasible max flow, so the simplex cannot fail")
        }
        var arcFlows = simplex.realArcFlows
        var totalFlow = sendable
        if objective == .minCost {
            totalFlow -= arcFlows.removeLast()
        }
        return MinCostFlowSolution(totalFlow: totalFlow, totalCost: totalCost(of: arcFlows), arcFlows: arcFlows)
    }

    /// Computes a minimum-cost transshipment: node `v` sends out
    /// `supplies[v]` more units than it receives (negative = demand).
    ///
    /// ``MinCostFlowSolution/totalFlow`` is the sum of the positive supplies.
    /// - Throws: ``MinCostFlowError/suppliesDoNotBalance`` if the supplies do
    ///   not sum to zero or do not have one entry per node,
    ///   ``MinCostFlowError/infeasible`` if the capacities cannot route them.
    public func solve(supplies: [Int]) throws(MinCostFlowError) -> MinCostFlowSolution {
        guard supplies.count == nodeCount else { throw .suppliesDoNotBalance }
        var balance = 0
        var totalSupply = 0
        for supply in supplies {
            let (sum, overflow) = balance.addingReportingOverflow(supply)
            guard !overflow else { throw .suppliesDoNotBalance }
            balance = sum
            if supply > 0 { totalSupply += supply }
        }
        guard balance == 0 else { throw .suppliesDoNotBalance }
        var simplex = try NetworkSimplex(
            nodeCount: nodeCount, tails: arcTails, heads: arcHeads,
            capacities: arcCapacities, costs: arcCosts, supplies: supplies)
        guard simplex.solve() else { throw .infeasible }
        let arcFlows = simplex.realArcFlows
        return MinCostFlowSolution(totalFlow: totalSupply, totalCost: totalCost(of: arcFlows), arcFlows: arcFlows)
    }

    private func totalCost(of arcFlows: [Int]) -> Int64 {
        var total: Int64 = 0
        for (arc, flow) in arcFlows.enumerated() where flow != 0 {
            total += Int64(flow) * arcCosts[arc]
        }
        return total
    }
}

/// The result of solving a ``MinCostFlowNetwork``.
public struct MinCostFlowSolution: Sendable, Equatable {
    /// Amount sent from source to sink (or total supply routed).
    public let totalFlow: Int
    /// Sum over arcs of flow × cost.
    public let totalCost: Int64
    /// Flow on each arc, indexed by ``MinCostFlowNetwork/ArcID/index``.
    public let arcFlows: [Int]

    /// Flow on one arc.
    public func flow(on arc: MinCostFlowNetwork.ArcID) -> Int { arcFlows[arc.index] }
}

/// Why a ``MinCostFlowNetwork`` could not be solved.
public enum MinCostFlowError: Error, Equatable, Sendable {
    case sourceEqualsSink
    case nodeOutOfRange(Int)
    case negativeFlowLimit
    case suppliesDoNotBalance
    /// The capacities cannot route the requested supplies.
    case infeasible
    /// `(max |cost| + 1) × (nodeCount + 1)` is too large for exact Int64
    /// potentials; rescale the costs.
    case costsTooLarge
}
