import Foundation
import MealCore

/// The A4 page every printout shares: local CJK fonts only (no web font, nothing fetched),
/// table headers that repeat on each sheet, and a footer naming the canteen, date, version and
/// "page N of M" on every sheet.
///
/// The footer uses CSS paged-media margin boxes (`@bottom-left`, `@bottom-right` with
/// `counter(page)` and `counter(pages)`), which Chromium prints since version 131 (checked with
/// Debian's chromium 156 and `--print-to-pdf --no-pdf-header-footer`, see `RosterBrowserPrintTests`).
enum PrintPage {
    static let fontStack = "\"Noto Sans CJK SC\", \"WenQuanYi Micro Hei\", \"Source Han Sans SC\", \"Noto Sans SC\", sans-serif"

    static func style(footer: String) -> String {
        """
        @page { size: A4; margin: 10mm 10mm 14mm 10mm;
          @bottom-left { content: \(cssString(footer)); font-family: \(fontStack); font-size: 8.5pt; }
          @bottom-right { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页"; font-family: \(fontStack); font-size: 8.5pt; } }
        body { font-family: \(fontStack); font-size: 10pt; line-height: 1.25; margin: 0; }
        h1 { font-size: 15pt; margin: 0 0 2pt; } h2 { font-size: 11.5pt; margin: 6pt 0 2pt; }
        p { margin: 1pt 0 3pt; }
        table { border-collapse: collapse; width: 100%; margin: 0 0 5pt; }
        thead { display: table-header-group; } tfoot { display: table-row-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        th, td { border: 1px solid #444; padding: 1pt 3pt; vertical-align: top; text-align: left; }
        th { background: #eee; font-weight: bold; } th.caption { background: #fff; font-size: 11pt; text-align: left; border: none; padding: 2pt 0; }
        .nw, td.n, th.n { white-space: nowrap; } td.n, th.n { text-align: right; }
        th.tick { white-space: nowrap; } td.tick { white-space: nowrap; min-width: 9mm; }
        td.result { white-space: nowrap; font-size: 8.5pt; }
        tfoot td { font-weight: bold; }
        .sheet { break-after: page; page-break-after: always; }
        .cols { display: flex; gap: 4mm; } .cols > div { flex: 1; }
        .draft { color: #b00; font-weight: bold; } .closed { font-size: 22pt; font-weight: bold; margin: 12pt 0; }
        """
    }

    static func document(title: String, footer: String, body: String) -> String {
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>\(RosterFormatter.escapeHTML(title))</title>\n"
            + "<style>\n\(style(footer: footer))\n</style></head>\n<body>\n\(body)</body></html>\n"
    }

    /// A CSS string literal: characters that could end the string or the style element are
    /// written as hex escapes; control characters are shown, as everywhere else.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in PlainText.visible(text).unicodeScalars {
            if scalar.isASCII && !(scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || " .-_:·/()".unicodeScalars.contains(scalar)) {
                out += "\\" + String(scalar.value, radix: 16) + " "
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// One printed table: a caption row and the column headers in `thead` (repeated on every
    /// sheet the table runs over), the rows, and an optional total row. Cells are escaped here.
    struct Table {
        var caption: String?
        var columns: [Column]
        var rows: [[String]] = []
        var total: [String]?

        struct Column {
            var title: String
            var cellClass: String?
            init(_ title: String, _ cellClass: String? = nil) { (self.title, self.cellClass) = (title, cellClass) }
        }

        var html: String {
            let e = RosterFormatter.escapeHTML
            func cls(_ column: Column) -> String { column.cellClass.map { " class=\"\($0)\"" } ?? "" }
            var out = "<table><thead>"
            if let caption { out += "<tr><th class=\"caption\" colspan=\"\(columns.count)\">\(e(caption))</th></tr>" }
            out += "<tr>" + columns.map { "<th\(cls($0))>\(e($0.title))</th>" }.joined() + "</tr></thead>\n"
            out += "<tbody>\n"
            for row in rows {
                out += "<tr>" + zip(columns, row).map { "<td\(cls($0))>\(e($1))</td>" }.joined() + "</tr>\n"
            }
            out += "</tbody>"
            if let total {
                // Printed once after the rows, not at the foot of every sheet.
                out += "<tfoot><tr>" + zip(columns, total).map { "<td\(cls($0))>\(e($1))</td>" }.joined() + "</tr></tfoot>"
            }
            return out + "</table>\n"
        }
    }
}
