import Foundation

/// The per-node memory of searches, kept between them: a search only stamps the nodes it
/// touches, so starting the next one costs nothing proportional to the network. Raw buffers,
/// because the search loop reads them millions of times and a class's array properties would be
/// checked for exclusive access on every read.
final class RoadSearchWorkspace: @unchecked Sendable {
    let nodeCount: Int
    private let label: UnsafeMutablePointer<Int32>
    private let along: UnsafeMutablePointer<Int32>
    private let reached: UnsafeMutablePointer<UInt32>
    private let settled: UnsafeMutablePointer<UInt32>
    private let target: UnsafeMutablePointer<UInt32>
    private var stamp: UInt32 = 0
    private var heap: [UInt64] = []
    private var settledOrder: [Int32] = []

    init(nodeCount: Int) {
        self.nodeCount = nodeCount
        label = .allocate(capacity: max(1, nodeCount))
        along = .allocate(capacity: max(1, nodeCount))
        reached = .allocate(capacity: max(1, nodeCount))
        settled = .allocate(capacity: max(1, nodeCount))
        target = .allocate(capacity: max(1, nodeCount))
        for pointer in [reached, settled, target] { pointer.initialize(repeating: 0, count: max(1, nodeCount)) }
        label.initialize(repeating: 0, count: max(1, nodeCount))
        along.initialize(repeating: 0, count: max(1, nodeCount))
    }

    deinit {
        for pointer in [label, along] { pointer.deallocate() }
        for pointer in [reached, settled, target] { pointer.deallocate() }
    }

    /// A fresh search state on this workspace's memory.
    func begin() -> RoadSearchState {
        stamp &+= 1
        if stamp == 0 {
            for pointer in [reached, settled, target] { pointer.update(repeating: 0, count: max(1, nodeCount)) }
            stamp = 1
        }
        heap.removeAll(keepingCapacity: true)
        settledOrder.removeAll(keepingCapacity: true)
        let state = RoadSearchState(
            label: label, along: along, reached: reached, settled: settled, target: target, stamp: stamp,
            heap: heap, settledOrder: settledOrder)
        heap = []
        settledOrder = []
        return state
    }

    /// Takes back the growable buffers of a finished search, for the next one.
    func end(_ state: consuming RoadSearchState) {
        heap = state.heap
        settledOrder = state.settledOrder
    }
}

/// One search's view of a workspace: labels valid where `reached == stamp`, final where
/// `settled == stamp`, destinations' nodes where `target == stamp`.
struct RoadSearchState {
    /// Best key found so far (centimetres or milliseconds along the ways).
    let label: UnsafeMutablePointer<Int32>
    /// Centimetres along the ways of that best path (equal to `label` for constant-pace users).
    let along: UnsafeMutablePointer<Int32>
    let reached: UnsafeMutablePointer<UInt32>
    let settled: UnsafeMutablePointer<UInt32>
    let target: UnsafeMutablePointer<UInt32>
    let stamp: UInt32
    /// Binary min-heap of `key << 32 | node`; stale entries are skipped when popped.
    var heap: [UInt64]
    /// Nodes in the order they were settled (for reach).
    var settledOrder: [Int32]

    @inline(__always) func isSettled(_ node: Int) -> Bool { settled[node] == stamp }

    /// Offers `node` a path of `key` (and `centimetres` along the ways); keeps the better.
    @inline(__always)
    mutating func offer(_ node: Int, key: Int, centimetres: Int) {
        if reached[node] == stamp && Int(label[node]) <= key { return }
        reached[node] = stamp
        label[node] = Int32(key)
        along[node] = Int32(truncatingIfNeeded: centimetres)
        push(UInt64(key) << 32 | UInt64(node))
    }

    @inline(__always)
    private mutating func push(_ entry: UInt64) {
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
    mutating func popMin() -> UInt64? {
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

    /// Runs `body` on a fresh search state of a borrowed workspace.
    func withSearch<Result>(_ body: (inout RoadSearchState) -> Result) -> Result {
        let workspace = lock.withLock { idle.popLast() } ?? RoadSearchWorkspace(nodeCount: nodeCount)
        var state = workspace.begin()
        let result = body(&state)
        workspace.end(state)
        lock.withLock { if idle.count < keep { idle.append(workspace) } }
        return result
    }
}
