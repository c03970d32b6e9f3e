import Foundation

/// Decides when the metaheuristic stops; criteria combine with `AnyStoppingCriterion`.
public protocol StoppingCriterion {
    /// Called once per iteration with the best objective found so far.
    mutating func shouldStop(bestObjective: Double) -> Bool
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
