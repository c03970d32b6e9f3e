/// A value that cannot exist in the domain: the message names the field and says what is wrong.
///
/// Import code maps `field` to the CSV column it came from, so keep field names equal to the
/// interchange column names documented in docs/formats.md.
public struct DomainError: Error, Equatable, CustomStringConvertible, Sendable {
    public var field: String
    public var message: String
    public var value: String?

    public init(field: String, _ message: String, value: String? = nil) {
        self.field = field
        self.message = message
        self.value = value
    }

    public var description: String {
        if let value { return "\(field): \(message) (got '\(value)')" }
        return "\(field): \(message)"
    }
}
