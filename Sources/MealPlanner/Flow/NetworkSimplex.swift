/// Primal network simplex for the minimum-cost transshipment problem with
/// integer capacities and costs.
///
/// Why this algorithm: the meal assignment has unit-capacity diner arcs and
/// many distinct path costs, so successive shortest paths (even primal-dual
/// with blocking flows) runs one Dijkstra per distinct path cost, i.e. close
/// to one per diner. Network simplex pivots are local and cheap, and negative
/// costs need no Bellman-Ford start.
///
/// Design, close to LEMON's `NetworkSimplex` (Király & Kovács, 2012), except
/// for the tree representation:
/// - Big-M start: an artificial root with one artificial arc per node carries
///   the supplies; artificial arcs cost `bigM` when they deliver flow, so they
///   end empty whenever the supplies are feasible.
/// - Strongly feasible spanning trees (the leaving arc is the last blocking arc
///   on the cycle, counted from the join node), which rules out cycling on
///   degenerate pivots.
/// - Block search pricing: scan blocks of ≈ √arcs arcs round-robin and enter
///   the most violating arc of the first block that has one.
/// - The tree is stored as parent pointers with depths and doubly linked child
///   lists; after a pivot only the re-hung subtree is revisited.
struct NetworkSimplex {
    private static let atUpperBound: Int8 = -1
    /// Basic arcs, and zero-capacity arcs (which can never carry flow).
    private static let inTreeOrFixed: Int8 = 0
    private static let atLowerBound: Int8 = 1
    private static let noNode = -1

    /// Real (caller's) nodes are `0..<nodeCount`; `root == nodeCount`.
    let nodeCount: Int
    /// Real arcs are `0..<realArcCount`; node `v`'s artificial arc is `realArcCount + v`.
    let realArcCount: Int
    let root: Int
    let supplies: [Int]

    var tail: [Int]
    var head: [Int]
    var capacity: [Int]
    var cost: [Int64]
    var flow: [Int]
    /// `atLowerBound`/`atUpperBound` for non-basic arcs; the sign turns a
    /// reduced cost into "how much entering this arc would gain" (< 0 = gain).
    var state: [Int8]

    var parent: [Int]
    var parentArc: [Int]
    /// True if `parentArc[v]` is directed from `v` to its parent.
    var parentArcPointsUp: [Bool]
    var depth: [Int]
    /// Node potentials: every basic arc has reduced cost
    /// `cost + potential[tail] - potential[head] == 0`.
    var potential: [Int64]
    private var firstChild: [Int]
    private var nextSibling: [Int]
    private var previousSibling: [Int]

    private let blockSize: Int
    private var nextArcToPrice = 0
    private var subtreeStack: [Int] = []
    /// Number of pivots performed, for diagnostics and benchmarks.
    private(set) var pivotCount = 0

    init(
        nodeCount: Int, tails: [Int], heads: [Int],
        capacities: [Int], costs: [Int64], supplies: [Int]
    ) throws(MinCostFlowError) {
        self.nodeCount = nodeCount
        realArcCount = tails.count
        root = nodeCount
        self.supplies = supplies

        // bigM must exceed the cost of any simple path, and potentials stay
        // within about 2·bigM, so keep well clear of Int64 overflow.
        var largestCost: Int64 = 0
        for arcCost in costs {
            guard arcCost != .min else { throw .costsTooLarge }
            largestCost = max(largestCost, abs(arcCost))
        }
        let (bigM, overflow) = (largestCost + 1).multipliedReportingOverflow(by: Int64(nodeCount + 1))
        guard !overflow, bigM <= Int64.max / 8 else { throw .costsTooLarge }

        let allArcCount = realArcCount + nodeCount
        tail = tails + [Int](repeating: root, count: nodeCount)
        head = heads + [Int](repeating: root, count: nodeCount)
        capacity = capacities + [Int](repeating: .max, count: nodeCount)
        cost = costs + [Int64](repeating: 0, count: nodeCount)
        flow = [Int](repeating: 0, count: allArcCount)
        state = capacities.map { $0 > 0 ? Self.atLowerBound : Self.inTreeOrFixed }
            + [Int8](repeating: Self.inTreeOrFixed, count: nodeCount)

        let nodeSlots = nodeCount + 1
        parent = [Int](repeating: root, count: nodeSlots)
        parentArc = [Int](repeating: Self.noNode, count: nodeSlots)
        parentArcPointsUp = [Bool](repeating: true, count: nodeSlots)
        depth = [Int](repeating: 1, count: nodeSlots)
        potential = [Int64](repeating: 0, count: nodeSlots)
        firstChild = [Int](repeating: Self.noNode, count: nodeSlots)
        nextSibling = [Int](repeating: Self.noNode, count: nodeSlots)
        previousSibling = [Int](repeating: Self.noNode, count: nodeSlots)
        parent[root] = Self.noNode
        depth[root] = 0

        for node in 0..<nodeCount {
            let arc = realArcCount + node
            parentArc[node] = arc
            if supplies[node] >= 0 {
                // Surplus drains to the root for free...
                tail[arc] = node
                flow[arc] = supplies[node]
                parentArcPointsUp[node] = true
                potential[node] = 0
            } else {
                // ...and is delivered to deficits at a prohibitive price.
                head[arc] = node
                cost[arc] = bigM
                flow[arc] = -supplies[node]
                parentArcPointsUp[node] = false
                potential[node] = bigM
            }
            nextSibling[node] = node + 1 < nodeCount ? node + 1 : Self.noNode
            previousSibling[node] = node > 0 ? node - 1 : Self.noNode
        }
        firstChild[root] = nodeCount > 0 ? 0 : Self.noNode

        // √arcs balances pricing work per pivot against pivot quality (LEMON's default).
        blockSize = max(10, Int(Double(allArcCount).squareRoot().rounded(.up)))
    }

    /// Flows on the caller's arcs.
    var realArcFlows: [Int] { Array(flow[0..<realArcCount]) }

    /// Pivots to optimality. Returns false if the supplies cannot be routed.
    mutating func solve() -> Bool {
        while let entering = findEnteringArc() {
            pivot(entering: entering)
            pivotCount += 1
        }
        #if DEBUG
        verifyOptimalBasis()
        #endif
        for node in 0..<nodeCount where flow[realArcCount + node] != 0 {
            return false
        }
        return true
    }

    /// Block search pricing over all arcs, artificial ones included, so that
    /// the big-M problem is solved exactly (and infeasibility is reliable).
    private mutating func findEnteringArc() -> Int? {
        let arcCount = tail.count
        let blockSize = blockSize
        var bestArc = Self.noNode
        var bestGain: Int64 = 0
        var blockStart = nextArcToPrice
        var scanned = 0
        // Pricing is the hot loop; unchecked buffers and wrapping arithmetic are
        // safe because every index is an arc or node id and `bigM` bounds the
        // magnitudes far below overflow.
        tail.withUnsafeBufferPointer { tail in
        head.withUnsafeBufferPointer { head in
        cost.withUnsafeBufferPointer { cost in
        state.withUnsafeBufferPointer { state in
        potential.withUnsafeBufferPointer { potential in
            while scanned < arcCount {
                // A block never wraps around: the last one before the wrap is shorter.
                let blockEnd = min(blockStart &+ blockSize, arcCount, blockStart &+ (arcCount &- scanned))
                for arc in blockStart..<blockEnd {
                    // Branch-free: basic and fixed arcs have state 0, hence gain 0.
                    let reduced = cost[arc] &+ potential[tail[arc]] &- potential[head[arc]]
                    let gain = Int64(state[arc]) &* reduced
                    if gain < bestGain {
                        bestGain = gain
                        bestArc = arc
                    }
                }
                scanned &+= blockEnd &- blockStart
                blockStart = blockEnd == arcCount ? 0 : blockEnd
                if bestArc != Self.noNode { break }
            }
        }}}}}
        guard bestArc != Self.noNode else { return nil }
        nextArcToPrice = blockStart
        return bestArc
    }

    private mutating func pivot(entering: Int) {
        // Flow goes around the cycle first → second (along the entering arc),
        // second ↑ join, join ↓ first.
        let enteringAtLower = state[entering] == Self.atLowerBound
        let first = enteringAtLower ? tail[entering] : head[entering]
        let second = enteringAtLower ? head[entering] : tail[entering]
        let join = commonAncestor(first, second)

        var delta = capacity[entering]
        var leavingNode = Self.noNode
        var leavingOnFirstSide = false
        // Strict `<` on the first side and `<=` on the second picks the last
        // blocking arc in cycle order from the join: keeps the tree strongly feasible.
        var node = first
        while node != join {
            let arc = parentArc[node]
            let room = parentArcPointsUp[node] ? flow[arc] : capacity[arc] - flow[arc]
            if room < delta {
                delta = room
                leavingNode = node
                leavingOnFirstSide = true
            }
            node = parent[node]
        }
        node = second
        while node != join {
            let arc = parentArc[node]
            let room = parentArcPointsUp[node] ? capacity[arc] - flow[arc] : flow[arc]
            if room <= delta {
                delta = room
                leavingNode = node
                leavingOnFirstSide = false
            }
            node = parent[node]
        }

        if delta > 0 {
            flow[entering] += enteringAtLower ? delta : -delta
            node = first
            while node != join {
                flow[parentArc[node]] += parentArcPointsUp[node] ? -delta : delta
                node = parent[node]
            }
            node = second
            while node != join {
                flow[parentArc[node]] += parentArcPointsUp[node] ? delta : -delta
                node = parent[node]
            }
        }

        guard leavingNode != Self.noNode else {
            // The entering arc itself is the bottleneck: it just switches bounds.
            state[entering] = enteringAtLower ? Self.atUpperBound : Self.atLowerBound
            return
        }
        let leavingArc = parentArc[leavingNode]
        state[leavingArc] = flow[leavingArc] == 0 ? Self.atLowerBound : Self.atUpperBound
        state[entering] = Self.inTreeOrFixed
        let newSubtreeRoot = leavingOnFirstSide ? first : second
        let newParent = leavingOnFirstSide ? second : first
        rehang(subtreeRoot: newSubtreeRoot, under: newParent, via: entering, cutBelow: leavingNode)
    }

    private func commonAncestor(_ first: Int, _ second: Int) -> Int {
        var a = first, b = second
        while depth[a] > depth[b] { a = parent[a] }
        while depth[b] > depth[a] { b = parent[b] }
        while a != b {
            a = parent[a]
            b = parent[b]
        }
        return a
    }

    /// Cuts the tree arc above `cutBelow`, makes `subtreeRoot` (a descendant of
    /// `cutBelow`, or `cutBelow` itself) the root of the cut-off part by
    /// reversing the parent links on the path between them, and hangs it under
    /// `newParent` through `arc`.
    private mutating func rehang(subtreeRoot: Int, under newParent: Int, via arc: Int, cutBelow: Int) {
        var child = subtreeRoot
        var childParent = newParent
        var childArc = arc
        var childArcPointsUp = tail[arc] == subtreeRoot
        while true {
            let oldParent = parent[child]
            let oldArc = parentArc[child]
            let oldArcPointsUp = parentArcPointsUp[child]
            detachFromParent(child)
            parent[child] = childParent
            parentArc[child] = childArc
            parentArcPointsUp[child] = childArcPointsUp
            attach(child, to: childParent)
            if child == cutBelow { break }
            childParent = child
            childArc = oldArc
            childArcPointsUp = !oldArcPointsUp
            child = oldParent
        }
        refreshDepthsAndPotentials(under: subtreeRoot)
    }

    private mutating func detachFromParent(_ node: Int) {
        let previous = previousSibling[node]
        let next = nextSibling[node]
        if previous != Self.noNode {
            nextSibling[previous] = next
        } else {
            firstChild[parent[node]] = next
        }
        if next != Self.noNode { previousSibling[next] = previous }
    }

    private mutating func attach(_ node: Int, to newParent: Int) {
        let oldFirst = firstChild[newParent]
        nextSibling[node] = oldFirst
        previousSibling[node] = Self.noNode
        if oldFirst != Self.noNode { previousSibling[oldFirst] = node }
        firstChild[newParent] = node
    }

    /// Recomputes depth and potential below `subtreeRoot` from its new
    /// parent; with pricing, this is where the time goes.
    private mutating func refreshDepthsAndPotentials(under subtreeRoot: Int) {
        subtreeStack.removeAll(keepingCapacity: true)
        subtreeStack.append(subtreeRoot)
        while let node = subtreeStack.popLast() {
            let up = parent[node]
            let arcCost = cost[parentArc[node]]
            depth[node] = depth[up] &+ 1
            potential[node] = parentArcPointsUp[node] ? potential[up] &- arcCost : potential[up] &+ arcCost
            var child = firstChild[node]
            while child != Self.noNode {
                subtreeStack.append(child)
                child = nextSibling[child]
            }
        }
    }
}
