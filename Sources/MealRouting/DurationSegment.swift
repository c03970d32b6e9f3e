/// Summary of a consecutive part of a trip that lets the search judge a move in O(1):
/// concatenating two summaries gives the schedule data of the joined part without replaying it
/// (after Vidal et al. 2013 and PyVRP's DurationSegment).
///
/// `duration` is the smallest elapsed time (travel, service, unavoidable waiting) when the part
/// starts anywhere in `earliestStart...latestStart`; `timeWarp` is how much the part must travel
/// back in time to honour every window, zero when feasible.
@frozen
public struct DurationSegment: Sendable, Equatable {
    public var duration: Double
    public var timeWarp: Double
    public var earliestStart: Double
    public var latestStart: Double
    /// Time from the arrival at the last stop of the part to the end of the part: the time in the
    /// box of a trip is its duration minus this tail, because meals leave the box on arrival.
    public var boxTail: Double
    public var containsStop: Bool

    @inlinable
    public init(
        duration: Double, timeWarp: Double, earliestStart: Double, latestStart: Double,
        boxTail: Double, containsStop: Bool
    ) {
        self.duration = duration
        self.timeWarp = timeWarp
        self.earliestStart = earliestStart
        self.latestStart = latestStart
        self.boxTail = boxTail
        self.containsStop = containsStop
    }

    /// A single stop: service may start inside its window and takes `service`.
    @inlinable
    public static func stop(service: Double, window: (Double, Double)) -> DurationSegment {
        DurationSegment(
            duration: service, timeWarp: 0, earliestStart: window.0, latestStart: window.1,
            boxTail: service, containsStop: true)
    }

    /// A depot visit (departure or return), which carries no meals to a door.
    @inlinable
    public static func depot(service: Double, window: (Double, Double)) -> DurationSegment {
        DurationSegment(
            duration: service, timeWarp: 0, earliestStart: window.0, latestStart: window.1,
            boxTail: service, containsStop: false)
    }

    /// `first`, then a travel of `edge`, then `second`.
    @inlinable @inline(__always)
    public static func merge(_ first: DurationSegment, _ edge: Double, _ second: DurationSegment)
        -> DurationSegment
    {
        let atSecond = first.duration - first.timeWarp + edge
        let wait = max(second.earliestStart - atSecond - first.latestStart, 0)
        let warp = max(first.earliestStart + atSecond - second.latestStart, 0)
        return DurationSegment(
            duration: first.duration + second.duration + edge + wait,
            timeWarp: first.timeWarp + second.timeWarp + warp,
            earliestStart: max(second.earliestStart - atSecond, first.earliestStart) - wait,
            latestStart: min(second.latestStart - atSecond, first.latestStart) + warp,
            boxTail: second.containsStop ? second.boxTail : first.boxTail + edge + wait + second.duration,
            containsStop: first.containsStop || second.containsStop)
    }

    /// Elapsed time from leaving the depot to arriving at the last stop, for a part that starts
    /// with the departure from the depot.
    @inlinable
    public var timeInBox: Double { containsStop ? duration - boxTail : 0 }
}
