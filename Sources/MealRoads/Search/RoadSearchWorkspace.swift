import Foundation

/// The per-node memory of searches, kept between them: a search only stamps the nodes it
/// touches, so starting the next one costs nothing proportional to the network. Raw buffers,
/// because the search loop reads them millions of times and a class's array properties would be
/// checked for exclusive access on every read.
final class RoadSearchWorkspace: @unchecked Sendable {
    let nodeCount: Int
    private let labels: UnsafeMutablePointer<RoadNodeLabel>
    private let target: UnsafeMutablePointer<UInt32>
    private var stamp: UInt32 = 0
    private var heap: [UInt64] = []
    private var settledOrder: [Int32] = []

    init(nodeCount: Int) {
        self.nodeCount = nodeCount
        labels = .allocate(capacity: max(1, nodeCount))
        labels.initialize(repeating: RoadNodeLabel(), count: max(1, nodeCount))
        target = .allocate(capacity: max(1, nodeCount))
        target.initialize(repeating: 0, count: max(1, nodeCount))
    }

    deinit {
        labels.deallocate()
        target.deallocate()
    }

    /// A fresh search state on this workspace's memory.
    func begin() -> RoadSearchState {
        stamp &+= 1
        if stamp == 0 {
            labels.update(repeating: RoadNodeLabel(), count: max(1, nodeCount))
            target.update(repeating: 0, count: max(1, nodeCount))
            stamp = 1
        }
        heap.removeAll(keepingCapacity: true)
        settledOrder.removeAll(keepingCapacity: true)
        let state = RoadSearchState(
            labels: labels, target: target, stamp: stamp,
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

/// What a search knows of one node, kept together so a relaxation touches one cache line.
struct RoadNodeLabel {
    /// Best key found so far (centimetres or milliseconds along the ways), valid where `reached == stamp`.
    var key: Int32 = 0
    /// Centimetres along the ways of that best path (equal to `key` for constant-pace users).
    var along: Int32 = 0
    var reached: UInt32 = 0
    /// Final where `settled == stamp`.
    var settled: UInt32 = 0
}

/// One search's view of a workspace; destinations' nodes are marked where `target == stamp`.
struct RoadSearchState {
    let labels: UnsafeMutablePointer<RoadNodeLabel>
    let target: UnsafeMutablePointer<UInt32>
    let stamp: UInt32
    /// Binary min-heap of `key << 32 | node`; stale entries are skipped when popped.
    var heap: [UInt64]
    /// Nodes in the order they were settled (for reach).
    var settledOrder: [Int32]

    @inline(__always) func isSettled(_ node: Int) -> Bool { labels[node].settled == stamp }
    @inline(__always) func key(_ node: Int) -> Int { Int(labels[node].key) }
    @inline(__always) func along(_ node: Int) -> Int { Int(labels[node].along) }

    /// Marks `node` settled; false when it already was (a stale heap entry).
    @inline(__always)
    func settle(_ node: Int) -> Bool {
        if labels[node].settled == stamp { return false }
        labels[node].settled = stamp
        return true
    }

    /// Offers `node` a path of `key` (and `centimetres` along the ways); keeps the better.
    @inline(__always)
    mutating func offer(_ node: Int, key: Int, centimetres: Int) {
        let label = labels + node
        if label.pointee.settled == stamp || label.pointee.reached == stamp && Int(label.pointee.key) <= key { return }
        label.pointee.reached = stamp
        label.pointee.key = Int32(key)
        label.pointee.along = Int32(truncatingIfNeeded: centimetres)
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
