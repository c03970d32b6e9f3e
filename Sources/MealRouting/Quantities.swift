/// Strongly typed quantities for the routing model.
///
/// Times and distances are `Double` so the same engine serves whole-second meal
/// planning and the double-precision Euclidean Solomon benchmark.

/// A duration or a time of day, in seconds (times of day count from midnight).
public struct Seconds: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral
{
    public var value: Double

    public init(_ value: Double) { self.value = value }
    public init(integerLiteral value: Int) { self.value = Double(value) }
    public init(floatLiteral value: Double) { self.value = value }

    public static func minutes(_ minutes: Double) -> Seconds { Seconds(minutes * 60) }
    public static func hours(_ hours: Double) -> Seconds { Seconds(hours * 3600) }
    /// A time of day on the wall clock, e.g. `.clock(11, 30)`.
    public static func clock(_ hour: Int, _ minute: Int = 0, _ second: Int = 0) -> Seconds {
        Seconds(Double(hour * 3600 + minute * 60 + second))
    }

    public static let zero = Seconds(0)
    public static func + (a: Seconds, b: Seconds) -> Seconds { Seconds(a.value + b.value) }
    public static func - (a: Seconds, b: Seconds) -> Seconds { Seconds(a.value - b.value) }
    public static func < (a: Seconds, b: Seconds) -> Bool { a.value < b.value }

    public var description: String {
        // Whole seconds are the common case in meal planning; keep benchmark fractions visible.
        value == value.rounded() ? "\(Int(value))s" : "\(value)s"
    }
}

/// A travelled distance (metres for couriers, plain units for benchmarks).
public struct Distance: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral
{
    public var value: Double

    public init(_ value: Double) { self.value = value }
    public init(integerLiteral value: Int) { self.value = Double(value) }
    public init(floatLiteral value: Double) { self.value = value }

    public static let zero = Distance(0)
    public static func + (a: Distance, b: Distance) -> Distance { Distance(a.value + b.value) }
    public static func - (a: Distance, b: Distance) -> Distance { Distance(a.value - b.value) }
    public static func < (a: Distance, b: Distance) -> Bool { a.value < b.value }
    public var description: String { "\(value)" }
}

/// A number of meals (or any other unit of box capacity).
public struct Load: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByIntegerLiteral
{
    public var meals: Int

    public init(_ meals: Int) { self.meals = meals }
    public init(integerLiteral value: Int) { self.meals = value }

    public static let zero = Load(0)
    public static func + (a: Load, b: Load) -> Load { Load(a.meals + b.meals) }
    public static func - (a: Load, b: Load) -> Load { Load(a.meals - b.meals) }
    public static func < (a: Load, b: Load) -> Bool { a.meals < b.meals }
    public var description: String { "\(meals)" }
}

/// An interval of allowed start times; `latest` is the last moment service may begin.
public struct RoutingTimeWindow: Hashable, Sendable, Codable {
    public var earliest: Seconds
    public var latest: Seconds

    public init(_ earliest: Seconds, _ latest: Seconds) {
        self.earliest = earliest
        self.latest = latest
    }

    public func contains(_ time: Seconds) -> Bool { earliest <= time && time <= latest }
}
