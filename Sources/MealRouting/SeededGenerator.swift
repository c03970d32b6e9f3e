/// A xoshiro256** pseudo-random generator seeded through SplitMix64, shared by the routing search
/// and the fixture generator.
///
/// The solver and the fixture must give the same answer for the same seed on every platform and
/// Swift release, which neither `SystemRandomNumberGenerator` nor the standard library's
/// `random(in:using:)` algorithms promise; so everything that turns raw bits into numbers lives
/// here too.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// Creates a generator for one independent stream of a seed. Different `stream` values give
    /// unrelated sequences, so that one part of the fixture can change its draws without
    /// shifting the draws of every other part; stream 0 is the plain seed.
    public init(seed: UInt64, stream: UInt64 = 0) {
        // SplitMix64 spreads a small seed over the whole state.
        var mixer = seed ^ (stream &* 0xD1B5_4A32_D192_ED03)
        func splitMix() -> UInt64 {
            mixer &+= 0x9E37_79B9_7F4A_7C15
            var z = mixer
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
        // SplitMix64 never yields four zero words in a row, but xoshiro would be stuck at zero.
        if s0 == 0 && s1 == 0 && s2 == 0 && s3 == 0 { s0 = 1 }
    }

    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// Uniform integer in `0..<bound` (multiply-shift, without the generic `Range` machinery of
    /// the standard library; the bias is below 2^-32 for the bounds used here).
    @inline(__always)
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inline(__always)
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Fisher–Yates shuffle in place.
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, below(i + 1))
        }
    }

    /// A uniform double in `range`.
    public mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// A uniform integer in `range`.
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next().multipliedFullWidth(by: width).high)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// An approximately standard normal value (Irwin–Hall sum of four uniforms, rescaled).
    ///
    /// Avoids `log`/`cos`, whose last bits differ between C libraries, and is bounded at about
    /// ±3.5 standard deviations, which keeps the Gaussian part of the fixture's layout free of
    /// wild points (the fixture adds its far-away diners on purpose instead).
    public mutating func gaussian() -> Double {
        let sum = unit() + unit() + unit() + unit()
        return (sum - 2) * 1.732_050_807_568_877_2
    }

    /// An element of a non-empty array, uniformly.
    public mutating func pick<T>(_ items: [T]) -> T {
        items[int(0...(items.count - 1))]
    }

    /// An index into `weights` with probability proportional to its weight (weights ≥ 0, sum > 0).
    public mutating func weightedIndex(_ weights: [Double]) -> Int {
        var total = 0.0
        for weight in weights { total += weight }
        var target = unit() * total
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return index }
        }
        return weights.count - 1
    }

    /// An element chosen with probability proportional to its weight.
    public mutating func weighted<T>(_ items: [(T, Double)]) -> T {
        var total = 0.0
        for item in items { total += item.1 }
        var target = unit() * total
        for item in items {
            target -= item.1
            if target < 0 { return item.0 }
        }
        return items[items.count - 1].0
    }

    /// The first `count` elements of a Fisher–Yates shuffle of `items`.
    public mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        var pool = items
        let taken = min(count, pool.count)
        for index in 0..<taken {
            pool.swapAt(index, int(index...(pool.count - 1)))
        }
        return Array(pool.prefix(taken))
    }
}
