/// A 64-bit FNV-1a digest of text fed in pieces: enough to tell whether the inputs of a plan
/// changed since it was made (not a security hash).
public struct ContentDigest {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            state ^= UInt64(byte)
            state = state &* 0x0000_0100_0000_01b3
        }
        // A separator, so that "ab" + "c" and "a" + "bc" differ.
        state ^= 0xff
        state = state &* 0x0000_0100_0000_01b3
    }

    public mutating func add(_ text: String) { add(text.utf8) }

    public var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
