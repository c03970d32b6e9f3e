/// Terminal column widths: CJK characters and full-width forms take two columns, combining
/// marks none, so that tables with Chinese names line up.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars { width += of(scalar) }
        return width
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0 || scalar.properties.generalCategory == .nonspacingMark
            || scalar.properties.generalCategory == .enclosingMark || value == 0x200B { return 0 }
        if value < 0x1100 { return 1 }
        // East Asian Wide and Fullwidth ranges (Unicode 15, UAX #11), the ones that occur in
        // Chinese text and in emoji printed by terminals.
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// Pads `text` with spaces to `width` columns (on the right, or the left for numbers).
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - of(text)))
        return alignRight ? padding + text : text + padding
    }
}

/// A plain text table for terminals, aligned by display width. Cells are shown with
/// `PlainText.visible`: a line break or escape sequence in a stored name cannot move the cursor
/// or start a line of its own.
public struct TerminalTable {
    public var headers: [String]
    public var rows: [[String]] = []
    /// Columns whose cells are right-aligned (numbers).
    public var rightAligned: Set<Int> = []

    public init(headers: [String], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    public mutating func append(_ row: [String]) { rows.append(row) }

    public func render() -> String {
        let headers = headers.map { PlainText.visible($0) }
        let rows = rows.map { $0.map { PlainText.visible($0) } }
        var widths = headers.map(DisplayWidth.of)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for index in widths.indices {
                let cell = index < cells.count ? cells[index] : ""
                let isLast = index == widths.count - 1
                let aligned = rightAligned.contains(index)
                parts.append(isLast && !aligned ? cell : DisplayWidth.pad(cell, to: widths[index], alignRight: aligned))
            }
            var text = parts.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        var lines = [line(headers), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        lines += rows.map(line)
        return lines.joined(separator: "\n") + "\n"
    }
}
