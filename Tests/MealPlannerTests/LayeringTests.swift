import Foundation
import XCTest

/// The direction of the pipeline, checked on the sources themselves: a folder of MealPlanner may
/// use the types of the folders below it and never those above, MealRouting imports nothing but
/// Foundation, and SQL stays in MealCore's store. ARCHITECTURE.md describes the same layers.
final class LayeringTests: XCTestCase {
    /// What each MealPlanner folder may use besides itself. Keep in step with ARCHITECTURE.md.
    static let allowed: [String: Set<String>] = [
        "Day": [],
        "Flow": [],
        "Assignment": ["Day", "Flow"],
        "Coverage": ["Day"],
        "Rounds": ["Day"],
        "Roster": ["Day"],
        "DailyPlan": ["Day", "Assignment", "Rounds"],
        "Coordination": ["Day", "Assignment", "Rounds", "DailyPlan", "Roster"],
    ]

    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    func testEveryPlannerFolderUsesOnlyTheLayersBelowIt() throws {
        let folders = try swiftFiles(in: "MealPlanner")
        XCTAssertEqual(Set(folders.keys), Set(Self.allowed.keys), "a new folder needs a place in the layering")
        var declaredIn: [String: String] = [:]
        for (folder, files) in folders {
            for text in files.values {
                for name in Self.topLevelTypes(in: text) { declaredIn[name] = folder }
            }
        }
        var breaches: [String] = []
        for (folder, files) in folders {
            for (file, text) in files {
                let code = Self.withoutComments(text)
                for (name, home) in declaredIn where home != folder && !(Self.allowed[folder]?.contains(home) ?? false) {
                    if code.range(of: "\\b\(name)\\b", options: .regularExpression) != nil {
                        breaches.append("\(folder)/\(file) uses \(name) from \(home)")
                    }
                }
            }
        }
        XCTAssertEqual(breaches.sorted(), [])
    }

    func testRoutingImportsNothingButFoundation() throws {
        for (_, files) in try swiftFiles(in: "MealRouting") {
            for (file, text) in files {
                let imports = Set(Self.imports(in: text))
                XCTAssertTrue(imports.isSubset(of: ["Foundation"]), "\(file) imports \(imports.sorted())")
            }
        }
    }

    func testOnlyTheStoreTalksToTheDatabase() throws {
        for target in ["MealPlanner", "MealRouting", "MealMaps", "mealcli"] {
            for (folder, files) in try swiftFiles(in: target) {
                for (file, text) in files {
                    XCTAssertFalse(Self.imports(in: text).contains("GRDB"), "\(target)/\(folder)/\(file) imports GRDB")
                }
            }
        }
        for (folder, files) in try swiftFiles(in: "MealCore") where folder != "Store" {
            for (file, text) in files {
                XCTAssertFalse(Self.imports(in: text).contains("GRDB"), "MealCore/\(folder)/\(file) imports GRDB")
            }
        }
    }

    // MARK: - reading the sources

    /// Folder → file name → text, for one target (files directly in the target count as folder "").
    func swiftFiles(in target: String) throws -> [String: [String: String]] {
        let root = Self.sources.appendingPathComponent(target)
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        var result: [String: [String: String]] = [:]
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let relative = url.path.dropFirst(root.path.count + 1).split(separator: "/")
            let folder = relative.count > 1 ? String(relative[0]) : ""
            result[folder, default: [:]][url.lastPathComponent] = try String(contentsOf: url, encoding: .utf8)
        }
        XCTAssertFalse(result.isEmpty, "no sources found under \(root.path)")
        return result
    }

    /// Types declared at the top level of a file (nested ones such as `Outcome` are local names).
    static func topLevelTypes(in text: String) -> [String] {
        let pattern = #"^(?:public |internal |package |fileprivate |private )?(?:final )?(?:struct|enum|class|protocol|actor|typealias) +([A-Z][A-Za-z0-9_]*)"#
        let regex = try! NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    static func imports(in text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ")
            guard let keyword = words.firstIndex(of: "import"), keyword + 1 < words.count,
                  words[..<keyword].allSatisfy({ $0.hasPrefix("@") }) else { return nil }
            return String(words[keyword + 1])
        }
    }

    /// The code without `//` comments, so a doc comment naming another layer's type is no breach.
    static func withoutComments(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard let slashes = line.range(of: "//") else { return String(line) }
            return String(line[..<slashes.lowerBound])
        }.joined(separator: "\n")
    }
}
