/// Where the records and cells of a CSV text are, as byte ranges of its UTF-8: what
/// `CSVReader` finds in one pass, before any cell becomes a string.
///
/// An import of 100,000 rows makes two million cells; making their strings in the pass that
/// finds them kept that work (and the freeing of them) on one thread. With the layout, the cells
/// of a row become strings where the row is checked, on every core.
struct CSVLayout: Sendable {
    /// One cell: its content between the quotes, if it was quoted.
    struct Cell: Sendable {
        var start: Int
        /// The cell's length in bytes (at most `CSVReader.Limits.maxCellBytes`).
        var count: Int32
        /// A quoted cell with `""` in it, which its text turns into `"`.
        var hasDoubledQuotes: Bool

        init(start: Int, end: Int, hasDoubledQuotes: Bool) {
            self.start = start
            self.count = Int32(end - start)
            self.hasDoubledQuotes = hasDoubledQuotes
        }

        var isEmpty: Bool { count == 0 }

        /// The cell as the text of `bytes`, the UTF-8 the layout was made of.
        func text(in bytes: UnsafeBufferPointer<UInt8>) -> String {
            let content = UnsafeBufferPointer(rebasing: bytes[start..<start + Int(count)])
            guard hasDoubledQuotes else { return String(decoding: content, as: UTF8.self) }
            var unescaped: [UInt8] = []
            unescaped.reserveCapacity(content.count)
            var position = 0
            while position < content.count {
                let byte = content[position]
                unescaped.append(byte)
                // Inside the cell every quote is doubled, so skip the second one.
                position += byte == UInt8(ascii: "\"") ? 2 : 1
            }
            return String(decoding: unescaped, as: UTF8.self)
        }
    }

    /// One record: the line it starts on and its cells in `cells`.
    struct Record: Sendable {
        var line: Int
        var cells: Range<Int>
    }

    var cells: [Cell] = []
    var records: [Record] = []
}
