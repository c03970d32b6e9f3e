import Foundation

/// Decides when the metaheuristic stops; criteria combine with `AnyStoppingCriterion`.
public protocol StoppingCriterion {
    /// Called once per iteration with the best objective found so far.
    mutating func shouldStop(bestObjective: Double) -> Bool
}

/// The runaway guard inside one search: every loop of the search (the genetic loop, building
/// the first population, local search, repair) asks it between steps, so a search whose steps
/// are slow (a hopeless instance, a busy machine) still ends at the time limit. In a normal
/// search it never fires, and the result depends on the work budget only.
public struct SearchDeadline: Sendable {
    public let time: Date?

    public init(after seconds: Double?, from start: Date = Date()) {
        time = seconds.map { start.addingTimeInterval(min($0, 1e9)) }
    }

    public static let none = SearchDeadline(after: nil)

    /// Reads the clock only when there is a deadline.
    public var hasPassed: Bool { time.map { Date() >= $0 } ?? false }
}

/// Wall-clock budget, measured from the creation of the criterion (so the construction of the
/// initial population counts against it).
public struct TimeLimit: StoppingCriterion {
    public let seconds: Double
    private let start = Date()

    public init(seconds: Double) { self.seconds = seconds }

    public mutating func shouldStop(bestObjective: Double) -> Bool {
        Date().timeIntervalSince(start) >= seconds
    }
}

public struct IterationLimit: StoppingCriterion {
    public let iterations: Int
    private var done = 0

    public init(iterations: Int) { self.iterations = iterations }

    public mutating func shouldStop(bestObjective: Double) -> Bool {
        defer { done += 1 }
        return done >= iterations
    }
}

/// Stops after `iterations` in a row without a better objective.
public struct NoImprovementLimit: StoppingCriterion {
    public let iterations: Int
    private var best = Double.infinity
    private var since = 0

    public init(iterations: Int) { self.iterations = iterations }

    public mutating func shouldStop(bestObjective: Double) -> Bool {
        if bestObjective < best - 1e-9 {
            best = bestObjective
            since = 0
        } else {
            since += 1
        }
        return since >= iterations
    }
}

public struct AnyStoppingCriterion: StoppingCriterion {
    private var criteria: [any StoppingCriterion]

    public init(_ criteria: [any StoppingCriterion]) { self.criteria = criteria }

    public mutating func shouldStop(bestObjective: Double) -> Bool {
        var stop = false
        for i in criteria.indices where criteria[i].shouldStop(bestObjective: bestObjective) { stop = true }
        return stop
    }
}
