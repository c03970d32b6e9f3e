import Foundation

/// File names made from data (a canteen's id for its roster page), for files written into one
/// folder. Whatever the id holds (`/`, `..`, quotes, spaces, control characters, an id stored
/// before ids were restricted), the name is plain ASCII that is safe as a path component, in a
/// URL and in an HTML attribute, and no two ids get the same file, even on a file system that
/// ignores case.
public struct SafeFileNames {
    public let folder: String
    /// Names given so far, lower-cased, so `C01` and `c01` cannot overwrite each other's file.
    private var taken: Set<String>

    /// - Parameter reserved: names the caller writes itself (such as `index.html`), never given out.
    public init(folder: String, reserved: [String] = []) {
        self.folder = folder
        taken = Set(reserved.map { $0.lowercased() })
    }

    /// The file name for `id` with `fileExtension`, e.g. `C01.html`: letters, digits, `-` and `_`
    /// are kept, anything else becomes `_`; when that name is taken, `-2`, `-3`, ... is added.
    public mutating func name(for id: String, fileExtension: String) -> String {
        var stem = String(String.UnicodeScalarView(id.unicodeScalars.prefix(Identifier.maximumLength).map { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
                ? scalar : "_"
        }))
        if stem.isEmpty { stem = "_" }
        var name = "\(stem).\(fileExtension)"
        var suffix = 1
        while taken.contains(name.lowercased()) {
            suffix += 1
            name = "\(stem)-\(suffix).\(fileExtension)"
        }
        taken.insert(name.lowercased())
        return name
    }

    /// The path of `name` inside the folder, refused unless it stays directly inside it.
    public func path(of name: String) throws -> String {
        let folderURL = URL(fileURLWithPath: folder).standardizedFileURL
        let fileURL = folderURL.appendingPathComponent(name).standardizedFileURL
        guard !name.contains("/"), name != ".", name != "..",
              fileURL.deletingLastPathComponent().path == folderURL.path else {
            throw OutputFile.Refused(path: (folder as NSString).appendingPathComponent(name),
                                     reason: .outsideFolder(folder: folder))
        }
        return (folder as NSString).appendingPathComponent(name)
    }
}
