import Foundation

/// The per-node arrays of one search, kept between searches: a search only stamps the nodes it
/// touches, so starting the next one costs nothing proportional to the network.
final class RoadSearchWorkspace: @unchecked Sendable {
    /// Best key found so far (centimetres or milliseconds along the ways), valid where `reached == stamp`.
    var label: [Int32]
    /// Centimetres along the ways of that best path (equal to `label` for constant-pace users).
    var along: [Int32]
    var reached: [UInt32]
    var settled: [UInt32]
    var target: [UInt32]
    var stamp: UInt32 = 0
    /// Binary min-heap of `key << 32 | node`; stale entries are skipped when popped.
    var heap: [UInt64] = []
    /// Nodes in the order they were settled (for reach).
    var settledOrder: [Int32] = []

    init(nodeCount: Int) {
        label = [Int32](repeating: 0, count: nodeCount)
        along = [Int32](repeating: 0, count: nodeCount)
        reached = [UInt32](repeating: 0, count: nodeCount)
        settled = [UInt32](repeating: 0, count: nodeCount)
        target = [UInt32](repeating: 0, count: nodeCount)
    }

    func begin() {
        stamp &+= 1
        if stamp == 0 {
            for index in reached.indices {
                reached[index] = 0
                settled[index] = 0
                target[index] = 0
            }
            stamp = 1
        }
        heap.removeAll(keepingCapacity: true)
        settledOrder.removeAll(keepingCapacity: true)
    }

    func isSettled(_ node: Int) -> Bool { settled[node] == stamp }

    /// Offers `node` a path of `key` (and `centimetres` along the ways); keeps the better.
    @inline(__always)
    func offer(_ node: Int, key: Int, centimetres: Int) {
        if reached[node] == stamp && Int(label[node]) <= key { return }
        reached[node] = stamp
        label[node] = Int32(key)
        along[node] = Int32(truncatingIfNeeded: centimetres)
        push(UInt64(key) << 32 | UInt64(node))
    }

    @inline(__always)
    private func push(_ entry: UInt64) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) >> 1
            if heap[parent] <= entry { break }
            heap[child] = heap[parent]
            child = parent
        }
        heap[child] = entry
    }

    @inline(__always)
    func popMin() -> UInt64? {
        guard let last = heap.popLast() else { return nil }
        guard !heap.isEmpty else { return last }
        let top = heap[0]
        var parent = 0
        let count = heap.count
        while true {
            var child = 2 * parent + 1
            if child >= count { break }
            if child + 1 < count && heap[child + 1] < heap[child] { child += 1 }
            if heap[child] >= last { break }
            heap[parent] = heap[child]
            parent = child
        }
        heap[parent] = last
        return top
    }
}

/// Workspaces lent to searches running at the same time; a search takes one and gives it back.
final class RoadWorkspacePool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [RoadSearchWorkspace] = []
    private let nodeCount: Int
    /// Workspaces kept for reuse; more searches at once than this allocate and drop their own.
    private let keep = 8

    init(nodeCount: Int) { self.nodeCount = nodeCount }

    func withWorkspace<Result>(_ body: (RoadSearchWorkspace) -> Result) -> Result {
        let workspace = lock.withLock { idle.popLast() } ?? RoadSearchWorkspace(nodeCount: nodeCount)
        defer { lock.withLock { if idle.count < keep { idle.append(workspace) } } }
        return body(workspace)
    }
}
