import Foundation

/// Collects the results of `DispatchQueue.concurrentPerform` by index.
final class ParallelResults<Value: Sendable>: @unchecked Sendable {
    private var slots: [Result<Value, Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ index: Int, _ result: Result<Value, Error>) {
        lock.withLock { slots[index] = result }
    }

    /// The values in index order; the first error (by index) is thrown.
    func values() throws -> [Value] {
        try lock.withLock { try slots.map { try $0!.get() } }
    }
}
