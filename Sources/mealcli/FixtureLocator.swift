import Foundation
import MealCore

/// Finds a bundled data set folder: the folder named on the command line, else `Fixtures/NAME`
/// under the current directory, else next to the package sources this binary was built from.
enum FixtureLocator {
    struct NotFound: Error, CustomStringConvertible {
        var name: String
        var tried: [String]
        var description: String {
            "no data set '\(name)' found (looked in \(tried.joined(separator: ", "))); pass --fixtures-dir"
        }
    }

    static func directory(named name: String, in explicitDirectory: String?) throws -> String {
        var candidates: [String] = []
        if let explicitDirectory { candidates.append((explicitDirectory as NSString).appendingPathComponent(name)) }
        candidates.append(FileManager.default.currentDirectoryPath + "/Fixtures/" + name)
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent("Fixtures").appendingPathComponent(name).path)
        for candidate in candidates
        where FileManager.default.fileExists(atPath: (candidate as NSString).appendingPathComponent("canteens.csv")) {
            return candidate
        }
        throw NotFound(name: name, tried: candidates)
    }
}
