/// A clock time as whole seconds since midnight (0 ... 86,400; 24:00 is allowed as an end).
public struct TimeOfDay: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let seconds: Int

    public init(seconds: Int) throws {
        guard (0...86_400).contains(seconds) else {
            throw DomainError(field: "time", "a time of day must be between 00:00 and 24:00", value: "\(seconds)")
        }
        self.seconds = seconds
    }

    public init(hours: Int, minutes: Int) throws {
        guard (0...24).contains(hours), (0..<60).contains(minutes), hours * 3600 + minutes * 60 <= 86_400 else {
            throw DomainError(field: "time", "not a valid HH:MM time",
                              value: "\(hours):\(minutes)")
        }
        self.seconds = hours * 3600 + minutes * 60
    }

    /// Parses `HH:MM` (also `H:MM` and `HH:MM:SS`).
    public init(parsing text: String) throws {
        let parts = text.trimmingSpaces.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isASCIIDigit) }),
              let hours = Int(parts[0]), let minutes = Int(parts[1]),
              (0...24).contains(hours), (0..<60).contains(minutes)
        else {
            throw DomainError(field: "time", "expected a time as HH:MM", value: text)
        }
        let secs = parts.count == 3 ? Int(parts[2]) ?? 60 : 0
        let total = hours * 3600 + minutes * 60 + secs
        guard secs < 60, total <= 86_400 else {
            throw DomainError(field: "time", "expected a time as HH:MM", value: text)
        }
        self.seconds = total
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.seconds < rhs.seconds }

    /// `HH:MM`, with `:SS` only when the seconds are not zero.
    public var description: String {
        let h = seconds / 3600, m = seconds % 3600 / 60, s = seconds % 60
        let hm = "\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
        return s == 0 ? hm : hm + ":\(s < 10 ? "0" : "")\(s)"
    }

    public init(from decoder: any Decoder) throws {
        try self.init(parsing: decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A half-open interval of the day, `start` strictly before `end`.
public struct TimeWindow: Hashable, Codable, Sendable, CustomStringConvertible {
    public let start: TimeOfDay
    public let end: TimeOfDay

    public init(start: TimeOfDay, end: TimeOfDay) throws {
        guard start < end else {
            throw DomainError(field: "window", "the start must be before the end",
                              value: "\(start)-\(end)")
        }
        self.start = start
        self.end = end
    }

    /// Parses `HH:MM-HH:MM`.
    public init(parsing text: String) throws {
        let parts = text.trimmingSpaces.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw DomainError(field: "window", "expected HH:MM-HH:MM", value: text)
        }
        do {
            try self.init(start: TimeOfDay(parsing: String(parts[0])), end: TimeOfDay(parsing: String(parts[1])))
        } catch let error as DomainError {
            throw DomainError(field: "window", error.message, value: text)
        }
    }

    public var duration: Int { end.seconds - start.seconds }

    public func contains(_ time: TimeOfDay) -> Bool { start <= time && time < end }

    public var description: String { "\(start)-\(end)" }

    public init(from decoder: any Decoder) throws {
        try self.init(parsing: decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.isSpace { scalars.removeFirst() }
        while let last = scalars.last, last.isSpace { scalars.removeLast() }
        // The slice as it is; rebuilding it scalar by scalar took a third of an import's time.
        return String(Substring(scalars))
    }
}

extension String {
    /// `StringProtocol.trimmingSpaces`, answering from the first and last byte when both are
    /// printable ASCII other than space (ids, codes, numbers): the string itself, not a copy.
    var trimmingSpaces: String {
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        return Substring(self).trimmingSpaces
    }
}

extension Unicode.Scalar {
    /// Unicode's white space, without looking up the properties of an ASCII scalar or a CJK
    /// Unified Ideograph (a cell's first and last scalar are looked at in every cell of an import).
    var isSpace: Bool {
        if isASCII { return value == 0x20 || (0x09...0x0D).contains(value) }
        return (0x4E00...0x9FFF).contains(value) ? false : properties.isWhitespace
    }
}

extension Character {
    /// `0`–`9`, answered from the ASCII value: `isNumber` looks up Unicode properties, and every
    /// digit of a large import's days and times was asked.
    var isASCIIDigit: Bool { asciiValue.map { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? false }
}
