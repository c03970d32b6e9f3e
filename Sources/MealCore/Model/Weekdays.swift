/// A set of weekdays, written as digits 1–7 with Monday = 1 (ISO 8601), e.g. `12345`.
public struct Weekdays: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Bit `d` set for weekday `d` (1...7).
    public let mask: UInt8

    public static let everyDay = Weekdays(uncheckedMask: 0b1111_1110)
    public static let weekdays = Weekdays(uncheckedMask: 0b0011_1110)

    init(uncheckedMask: UInt8) { mask = uncheckedMask }

    public init(_ days: some Sequence<Int>) throws {
        var mask: UInt8 = 0
        for day in days {
            guard (1...7).contains(day) else {
                throw DomainError(field: "days", "weekdays are digits 1 (Monday) to 7 (Sunday)", value: "\(day)")
            }
            mask |= 1 << UInt8(day)
        }
        guard mask != 0 else { throw DomainError(field: "days", "at least one weekday is needed") }
        self.mask = mask
    }

    /// The Chinese names of day sets that registry sheets use; `init(parsing:)` reads them too.
    public static let chineseNames: [(name: String, days: Weekdays)] = [
        ("每天", .everyDay), ("周一至周五", .weekdays), ("工作日", .weekdays),
    ]

    /// Digits 1–7 (`12345`), or one of `chineseNames` (`周一至周五`).
    public init(parsing text: String) throws {
        let trimmed = text.trimmingSpaces
        if let named = Self.chineseNames.first(where: { $0.name == trimmed }) {
            self = named.days
            return
        }
        // Byte by byte: a character that is not one ASCII digit 1-7 has a byte that is not one.
        var mask: UInt8 = 0
        for byte in trimmed.utf8 {
            guard (UInt8(ascii: "1")...UInt8(ascii: "7")).contains(byte) else {
                throw DomainError(field: "days", "weekdays are digits 1 (Monday) to 7 (Sunday)", value: text)
            }
            mask |= 1 << (byte - UInt8(ascii: "0"))
        }
        guard mask != 0 else { throw DomainError(field: "days", "at least one weekday is needed", value: text) }
        self.init(uncheckedMask: mask)
    }

    public func contains(_ isoWeekday: Int) -> Bool {
        (1...7).contains(isoWeekday) && mask & (1 << UInt8(isoWeekday)) != 0
    }

    public var days: [Int] { (1...7).filter(contains) }

    public var description: String {
        String(decoding: (1...7).filter(contains).map { UInt8(ascii: "0") + UInt8($0) }, as: UTF8.self)
    }

    public init(from decoder: any Decoder) throws {
        try self.init(parsing: decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
