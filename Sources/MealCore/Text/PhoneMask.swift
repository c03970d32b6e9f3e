/// Hides the middle digits of phone numbers in text that leaves the database (prints, exports),
/// as Chinese services do (`138****5678`), so a lost printout does not hand out diners' numbers.
///
/// What counts as phone-like (docs/formats.md, "Phone numbers"): 7 or more digits (ASCII,
/// full-width `０`–`９` or any other decimal digits) in groups separated by at most three
/// separator characters, of which at most one is a hyphen or a dot and the rest spaces or
/// parentheses (`138-1234-5678`, `138 1234 5678`, `(0571) 8765-4321`, `１３８－１２３４－５６７８`),
/// optionally after `+86` or `0086`, which are kept and not counted. Not phone-like: dates
/// `YYYY-MM-DD` and `YYYY.MM.DD` (and `YYYY/MM/DD`, since `/` separates numbers), times (`:`
/// separates), and a decimal number (two groups joined by a single dot, such as a coordinate).
public enum PhoneMask {
    /// Masks every phone-like sequence in `text`: 11 or more digits keep their first 3 and last
    /// 4, 7 to 10 digits their first 2 and last 2; the masked digits become `*`. Separators and
    /// all other text are kept as they are.
    public static func mask(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isDecimalDigit) else { return text }
        var characters = Array(text)
        var index = 0
        while index < characters.count {
            guard isDigit(characters[index]) else { index += 1; continue }
            let chain = DigitChain(characters, from: index)
            for segment in chain.segmentsOutsideDates() {
                maskSegment(segment, chain: chain, in: &characters)
            }
            index = chain.end
        }
        return String(characters)
    }

    /// `text` as an operator sees it: masked unless `unmasked`.
    public static func shown(_ text: String, unmasked: Bool) -> String { unmasked ? text : mask(text) }

    private static func maskSegment(_ groups: ArraySlice<Range<Int>>, chain: DigitChain, in characters: inout [Character]) {
        guard let first = groups.first else { return }
        if groups.count == 2, chain.isSingleDot(before: groups.index(after: groups.startIndex)) { return }  // a decimal number
        let positions = groups.flatMap { Array($0) }
        let digits = String(positions.map { Character(String(asciiDigit(characters[$0]))) })
        let afterPlus = first.lowerBound > 0 && (characters[first.lowerBound - 1] == "+" || characters[first.lowerBound - 1] == "＋")
        let prefix = PhoneNumber.countryPrefixLength(digits: digits, afterPlus: afterPlus)
        let national = positions.count - prefix
        guard national >= 7 else { return }
        let (head, tail) = national >= 11 ? (3, 4) : (2, 2)
        for position in positions[(prefix + head)..<(positions.count - tail)] {
            characters[position] = "*"
        }
    }

    static func isDecimalDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .decimalNumber
    }

    static func isDigit(_ character: Character) -> Bool {
        character.unicodeScalars.count == 1 && isDecimalDigit(character.unicodeScalars.first!)
    }

    /// The digit's value as an ASCII digit (`５` → `5`).
    static func asciiDigit(_ character: Character) -> Unicode.Scalar {
        let value = character.unicodeScalars.first.flatMap { $0.properties.numericType == .decimal ? $0.properties.numericValue : nil }
        return Unicode.Scalar(UInt8(ascii: "0") + UInt8(value.map { Int($0) } ?? 0))
    }

    /// Characters that may stand between the digit groups of one number. Joiners (hyphens,
    /// dashes, dots) may appear once between two groups; spaces and parentheses around them.
    static let spaces: Set<Character> = [" ", "\u{A0}", "\u{3000}"]
    static let parentheses: Set<Character> = ["(", ")", "（", "）"]
    static let joiners: Set<Character> = ["-", "－", "‐", "‑", "–", "—", "−", ".", "．"]
    static let dateJoiners: Set<Character> = ["-", "－", ".", "．"]
}

/// The digit groups from one position on, joined by short separator runs: the candidate for one
/// or more phone numbers (a date inside it splits it).
struct DigitChain {
    let characters: [Character]
    /// Each group of digits, as positions in `characters`.
    private(set) var groups: [Range<Int>] = []
    /// Where the chain ends (the first position after its last group).
    var end: Int { groups.last?.upperBound ?? 0 }

    init(_ characters: [Character], from start: Int) {
        self.characters = characters
        var position = start
        while true {
            let groupStart = position
            while position < characters.count, PhoneMask.isDigit(characters[position]) { position += 1 }
            groups.append(groupStart..<position)
            guard let next = separatorRunEnd(from: position), next < characters.count, PhoneMask.isDigit(characters[next]) else { break }
            position = next
        }
    }

    /// The end of a separator run of 1 to 3 characters starting at `start`, with at most one joiner.
    private func separatorRunEnd(from start: Int) -> Int? {
        var position = start, joiners = 0
        while position < characters.count, position - start < 3 {
            let character = characters[position]
            if PhoneMask.joiners.contains(character) {
                joiners += 1
                if joiners > 1 { return nil }
            } else if !PhoneMask.spaces.contains(character) && !PhoneMask.parentheses.contains(character) {
                break
            }
            position += 1
        }
        return position > start ? position : nil
    }

    /// The separator between group `index - 1` and group `index`.
    func separator(before index: Int) -> ArraySlice<Character> {
        characters[groups[index - 1].upperBound..<groups[index].lowerBound]
    }

    func isSingleDot(before index: Int) -> Bool {
        let separator = separator(before: index)
        return separator.count == 1 && (separator.first == "." || separator.first == "．")
    }

    /// The runs of groups that are not part of a date `YYYY-MM-DD` or `YYYY.MM.DD`.
    func segmentsOutsideDates() -> [ArraySlice<Range<Int>>] {
        var segments: [ArraySlice<Range<Int>>] = []
        var segmentStart = 0, index = 0
        while index < groups.count {
            if isDate(at: index) {
                if segmentStart < index { segments.append(groups[segmentStart..<index]) }
                index += 3
                segmentStart = index
            } else {
                index += 1
            }
        }
        if segmentStart < groups.count { segments.append(groups[segmentStart...]) }
        return segments
    }

    private func isDate(at index: Int) -> Bool {
        guard index + 2 < groups.count else { return false }
        func number(_ group: Int) -> Int? {
            Int(String(characters[groups[group]].map { Character(PhoneMask.asciiDigit($0)) }))
        }
        let (first, second) = (separator(before: index + 1), separator(before: index + 2))
        guard first.count == 1, first == second, PhoneMask.dateJoiners.contains(first.first!),
              groups[index].count == 4, (1...2).contains(groups[index + 1].count), (1...2).contains(groups[index + 2].count),
              let year = number(index), let month = number(index + 1), let day = number(index + 2) else { return false }
        return (1900...2099).contains(year) && (1...12).contains(month) && (1...31).contains(day)
    }
}
