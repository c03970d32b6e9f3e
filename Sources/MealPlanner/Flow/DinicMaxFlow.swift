/// Maximum flow value by Dinic's algorithm; used to fix the amount the
/// network simplex has to route. Only the value is needed, not the flow.
struct DinicMaxFlow {
    private let nodeCount: Int
    /// Residual edges come in pairs: `2a` is arc `a` forward, `2a + 1` its reverse.
    private var edgeHead: [Int]
    private var residual: [Int]
    /// Edges leaving node `v` are `adjacentEdges[adjacencyStart[v]..<adjacencyStart[v + 1]]`.
    private var adjacencyStart: [Int]
    private var adjacentEdges: [Int]
    private var level: [Int]
    private var currentEdge: [Int]

    init(nodeCount: Int, tails: [Int], heads: [Int], capacities: [Int]) {
        self.nodeCount = nodeCount
        let arcCount = tails.count
        edgeHead = [Int](repeating: 0, count: 2 * arcCount)
        residual = [Int](repeating: 0, count: 2 * arcCount)
        var degree = [Int](repeating: 0, count: nodeCount + 1)
        for arc in 0..<arcCount {
            edgeHead[2 * arc] = heads[arc]
            edgeHead[2 * arc + 1] = tails[arc]
            residual[2 * arc] = capacities[arc]
            degree[tails[arc]] += 1
            degree[heads[arc]] += 1
        }
        adjacencyStart = [Int](repeating: 0, count: nodeCount + 1)
        for node in 0..<nodeCount {
            adjacencyStart[node + 1] = adjacencyStart[node] + degree[node]
        }
        var fill = adjacencyStart
        adjacentEdges = [Int](repeating: 0, count: 2 * arcCount)
        for arc in 0..<arcCount {
            adjacentEdges[fill[tails[arc]]] = 2 * arc
            fill[tails[arc]] += 1
            adjacentEdges[fill[heads[arc]]] = 2 * arc + 1
            fill[heads[arc]] += 1
        }
        level = [Int](repeating: -1, count: nodeCount)
        currentEdge = [Int](repeating: 0, count: nodeCount)
    }

    /// Value of a maximum `source → sink` flow, capped at `limit`.
    mutating func maxFlow(from source: Int, to sink: Int, limit: Int) -> Int {
        var total = 0
        while total < limit, buildLevels(from: source, to: sink) {
            for node in 0..<nodeCount { currentEdge[node] = adjacencyStart[node] }
            total += blockingFlow(from: source, to: sink, limit: limit - total)
        }
        return total
    }

    /// BFS levels over edges with residual capacity; false if the sink is unreachable.
    private mutating func buildLevels(from source: Int, to sink: Int) -> Bool {
        for node in 0..<nodeCount { level[node] = -1 }
        var queue = [source]
        queue.reserveCapacity(nodeCount)
        level[source] = 0
        var position = 0
        while position < queue.count {
            let node = queue[position]
            position += 1
            for slot in adjacencyStart[node]..<adjacencyStart[node + 1] {
                let edge = adjacentEdges[slot]
                let next = edgeHead[edge]
                if residual[edge] > 0 && level[next] < 0 {
                    level[next] = level[node] + 1
                    queue.append(next)
                }
            }
        }
        return level[sink] >= 0
    }

    /// Augments along level-increasing paths until none is left. Iterative
    /// DFS so that long paths cannot overflow the (small) thread stacks.
    private mutating func blockingFlow(from source: Int, to sink: Int, limit: Int) -> Int {
        var total = 0
        var path: [Int] = []
        var node = source
        while total < limit {
            if node == sink {
                var bottleneck = limit - total
                for edge in path { bottleneck = min(bottleneck, residual[edge]) }
                for edge in path {
                    residual[edge] -= bottleneck
                    residual[edge ^ 1] += bottleneck
                }
                total += bottleneck
                path.removeAll(keepingCapacity: true)
                node = source
                continue
            }
            var advanced = false
            while currentEdge[node] < adjacencyStart[node + 1] {
                let edge = adjacentEdges[currentEdge[node]]
                let next = edgeHead[edge]
                if residual[edge] > 0 && level[next] == level[node] + 1 {
                    path.append(edge)
                    node = next
                    advanced = true
                    break
                }
                currentEdge[node] += 1
            }
            if advanced { continue }
            // Dead end: no augmenting path passes through `node` in this phase.
            level[node] = -1
            guard let edge = path.popLast() else { break }
            node = edgeHead[edge ^ 1]
            currentEdge[node] += 1
        }
        return total
    }
}
