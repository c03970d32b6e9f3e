import Foundation

/// HTML and inline SVG built from typed parts: element and attribute names come from closed
/// lists, and every text and attribute value is escaped when written, so a diner named
/// `<script>` or `A & B` is shown, never run. Plot (the Swift HTML DSL) was considered: it writes
/// attribute values unescaped and leaves `&amp;`-like text as it is, so it is not used here.
public indirect enum Markup: Sendable {
    case element(MarkupTag, [MarkupAttribute], [Markup])
    /// Text, escaped when written.
    case text(String)
    /// The page's own style sheet or script: only text written in this module's source (a
    /// `StaticString`), never data.
    case asset(StaticString)
    case group([Markup])

    public static func el(_ tag: MarkupTag, _ attributes: [MarkupAttribute] = [], _ children: [Markup] = []) -> Markup {
        .element(tag, attributes, children)
    }

    public static func el(_ tag: MarkupTag, _ attributes: [MarkupAttribute] = [], text: String) -> Markup {
        .element(tag, attributes, [.text(text)])
    }

    /// The document: `<!DOCTYPE html>` and the markup.
    public func page() -> String {
        var out = "<!DOCTYPE html>\n"
        out.reserveCapacity(1 << 20)
        write(into: &out)
        return out
    }

    public func write(into out: inout String) {
        switch self {
        case .element(let tag, let attributes, let children):
            out += "<"
            out += tag.rawValue
            for attribute in attributes {
                out += " "
                out += attribute.name.rawValue
                out += "=\""
                Self.escape(attribute.value, into: &out)
                out += "\""
            }
            out += ">"
            if tag.isVoid { return }
            for child in children { child.write(into: &out) }
            out += "</"
            out += tag.rawValue
            out += ">"
        case .text(let text):
            Self.escape(text, into: &out)
        case .asset(let source):
            out += source.description
        case .group(let members):
            for member in members { member.write(into: &out) }
        }
    }

    /// Escapes the five characters with a meaning in markup, in text and in attribute values alike.
    static func escape(_ text: String, into out: inout String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }
}

/// The elements a map page uses.
public enum MarkupTag: String, Sendable {
    case html, head, meta, title, style, script, body, header, main, aside, footer, section
    case h1, h2, h3, p, ul, li, span, div, button, small, strong, table, tr, td, th
    case svg, g, path, circle, rect, text, line, polygon, desc, defs, tspan

    /// Elements with no end tag in HTML.
    var isVoid: Bool { self == .meta }
}

/// One attribute: a name from `MarkupAttribute.Name`, and a value escaped when written.
public struct MarkupAttribute: Sendable {
    public struct Name: Sendable, Hashable {
        public let rawValue: String

        private init(_ rawValue: String) { self.rawValue = rawValue }

        public static let `class` = Name("class"), id = Name("id"), lang = Name("lang"), charset = Name("charset")
        public static let name = Name("name"), content = Name("content"), type = Name("type"), title = Name("title")
        public static let viewBox = Name("viewBox"), role = Name("role"), ariaLabel = Name("aria-label")
        public static let preserveAspectRatio = Name("preserveAspectRatio")
        public static let d = Name("d"), points = Name("points"), transform = Name("transform")
        public static let cx = Name("cx"), cy = Name("cy"), r = Name("r"), x = Name("x"), y = Name("y"), dx = Name("dx"), dy = Name("dy")
        public static let x1 = Name("x1"), y1 = Name("y1"), x2 = Name("x2"), y2 = Name("y2")
        public static let width = Name("width"), height = Name("height")
        public static let fill = Name("fill"), stroke = Name("stroke"), strokeWidth = Name("stroke-width")
        public static let textAnchor = Name("text-anchor")

        private static let dataNameScalars = Set("abcdefghijklmnopqrstuvwxyz0123456789-".unicodeScalars)

        /// `data-NAME`; the name is lower-case letters, digits and hyphens, written in this module.
        public static func data(_ name: StaticString) -> Name {
            let text = name.description
            precondition(!text.isEmpty && text.unicodeScalars.allSatisfy(Self.dataNameScalars.contains),
                         "data attribute names are lower-case words: \(text)")
            return Name("data-" + text)
        }
    }

    public let name: Name
    public let value: String

    public init(_ name: Name, _ value: String) {
        self.name = name
        self.value = value
    }

    public static func `class`(_ names: String...) -> MarkupAttribute {
        MarkupAttribute(.class, names.filter { !$0.isEmpty }.joined(separator: " "))
    }

    public static func data(_ name: StaticString, _ value: String) -> MarkupAttribute {
        MarkupAttribute(.data(name), value)
    }
}
