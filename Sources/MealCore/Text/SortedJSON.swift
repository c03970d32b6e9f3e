import Foundation

extension JSONEncoder {
    /// The project's JSON: sorted keys, so files, digests and stored parameters come out the same
    /// for the same values; slashes left as they are; pretty-printed for files people open.
    public static func sortedKeys(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                                          : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
