import ArgumentParser
import Foundation
import MealCore

/// What a reporting command prints: words for people (the default) or one JSON document for
/// programs (docs/formats.md, "JSON output of the commands").
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--format text|json`, shared by the commands that report in words or as a JSON document.
struct OutputFormatOption: ParsableArguments {
    @Option(help: "text (for people, the default) or json (one document on standard output, for programs; docs/formats.md).")
    var format: OutputFormat = .text

    var isJSON: Bool { format == .json }
}

/// Writes a command's JSON document on standard output: sorted keys, one per line, and nothing
/// else on standard output in JSON mode (warnings and progress go to standard error).
enum JSONOutput {
    static func write<Document: Encodable>(_ document: Document) throws {
        write(json: String(decoding: try JSONEncoder.sortedKeys(pretty: true).encode(document), as: UTF8.self))
    }

    /// Elapsed wall-clock seconds, to the hundredth (as the text says it).
    static func seconds(since start: Date) -> Double {
        (Date().timeIntervalSince(start) * 100).rounded() / 100
    }

    /// An encoded document as it leaves the program. The encoder escapes control characters but
    /// passes invisible ones (zero-width, bidirectional overrides) on as they are; those are
    /// written as JSON escapes (`\u200b`), so a terminal shows them and a program still reads the
    /// same text. (The `\u{…}` escapes of text output would not be valid JSON.)
    static func write(json: String) {
        var text = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard PlainText.isUnsafe(scalar), scalar != "\n" else {
                text.append(scalar)
                continue
            }
            for unit in String(scalar).utf16 {
                text.append(contentsOf: String(format: "\\u%04x", unit).unicodeScalars)
            }
        }
        let body = String(text)
        Swift.print(body, terminator: body.hasSuffix("\n") ? "" : "\n")
    }
}
