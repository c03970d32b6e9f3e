/// A xoshiro256** pseudo-random generator seeded through SplitMix64.
///
/// The fixture must come out byte-identical for a given seed on every platform and Swift
/// release, so everything that turns raw bits into numbers lives here too: the standard
/// library's `random(in:using:)` algorithms are not promised to stay the same across releases.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// Creates a generator for one independent stream of a seed. Different `stream` values give
    /// unrelated sequences, so that one part of the fixture can change its draws without
    /// shifting the draws of every other part.
    public init(seed: UInt64, stream: UInt64 = 0) {
        var mixer = seed ^ (stream &* 0xD1B5_4A32_D192_ED03)
        func splitMix() -> UInt64 {
            mixer &+= 0x9E37_79B9_7F4A_7C15
            var z = mixer
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (splitMix(), splitMix(), splitMix(), splitMix())
        // SplitMix64 never yields four zero words in a row, but xoshiro would be stuck at zero.
        if state == (0, 0, 0, 0) { state.0 = 1 }
    }

    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    private func rotateLeft(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in `range`.
    public mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// A uniform integer in `range` (multiply-shift; the bias is below 2^-32 for fixture-sized ranges).
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next().multipliedFullWidth(by: width).high)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// An approximately standard normal value (Irwin–Hall sum of four uniforms, rescaled).
    ///
    /// Avoids `log`/`cos`, whose last bits differ between C libraries, and is bounded at about
    /// ±3.5 standard deviations, which keeps the Gaussian part of the layout free of wild points
    /// (the fixture adds its far-away diners on purpose instead).
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
