import Foundation

/// Writes files the operator names with `--out`: never half-written (a temporary file in the
/// same folder is renamed over the target), never replacing an existing file unless asked, and
/// never through a symbolic link or into a named pipe or device.
///
/// The temporary file has a name nobody can guess and is created exclusively (`O_EXCL`) without
/// following a link (`O_NOFOLLOW`), so a link planted in a shared folder cannot redirect the
/// write; `rename(2)` then replaces the name itself, never what a link there points to.
public enum OutputFile {
    public struct Refused: Error, CustomStringConvertible {
        public enum Reason: Sendable, Equatable, CustomStringConvertible {
            case isDirectory
            /// The file exists and the caller did not ask to replace it.
            case alreadyExists
            /// A symbolic link is at the target: neither followed nor replaced, even when asked to replace.
            case symbolicLink(target: String)
            /// A named pipe, device or socket is at the target (replacing `/dev/null` must never happen).
            case notARegularFile(kind: String)
            case cannotWrite(detail: String)
            case notWritten(detail: String)
            case diskFull
            /// A file name made from data would land outside the folder it was meant for.
            case outsideFolder(folder: String)

            public var description: String {
                switch self {
                case .isDirectory: "is a directory"
                case .alreadyExists: "already exists"
                case .symbolicLink(let target): "is a symbolic link (to \(target)); nothing was written, name the file itself"
                case .notARegularFile(let kind): "is \(kind), not a regular file; nothing was written"
                case .cannotWrite(let detail): "cannot write there (\(detail))"
                case .notWritten(let detail): "could not be written (\(detail))"
                case .diskFull: "the disk is full; nothing was written"
                case .outsideFolder(let folder): "would be outside the folder \(folder)"
                }
            }
        }

        public var path: String
        public var reason: Reason
        public var description: String { "\(path): \(reason)" }
    }

    /// - Parameter privateToOwner: create the file with mode 0600 (exports holding personal data).
    public static func write(_ bytes: [UInt8], to path: String, overwrite: Bool, privateToOwner: Bool = true) throws {
        try checkTarget(path, overwrite: overwrite)
        let (temporary, descriptor) = try createTemporary(beside: path, mode: privateToOwner ? 0o600 : 0o644)
        var written = 0
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result <= 0 { return false }
                written += result
            }
            return fsync(descriptor) == 0
        }
        let failure = String(cString: strerror(errno))
        close(descriptor)
        guard ok else {
            unlink(temporary)
            throw Refused(path: path, reason: .notWritten(detail: failure))
        }
        try moveIntoPlace(temporary, to: path, overwrite: overwrite)
    }

    /// Refuses a target that is not a regular file (or absent), and an existing one unless `overwrite`.
    public static func checkTarget(_ path: String, overwrite: Bool) throws {
        switch FileEntry(at: path) {
        case .missing: return
        case .regularFile: if !overwrite { throw Refused(path: path, reason: .alreadyExists) }
        case .directory: throw Refused(path: path, reason: .isDirectory)
        case .symbolicLink(let target): throw Refused(path: path, reason: .symbolicLink(target: target))
        case .special(let kind): throw Refused(path: path, reason: .notARegularFile(kind: kind))
        }
    }

    /// Creates an empty file in the folder of `path` under a name nobody can guess
    /// (`.NAME.RANDOM.tmp`), exclusively and never through a link; the caller writes it, then
    /// `moveIntoPlace` renames it, or unlinks it on failure.
    public static func createTemporary(beside path: String, mode: mode_t) throws -> (path: String, descriptor: Int32) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<16 {
            let random = String(generator.next() as UInt64, radix: 36)
            let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(random).tmp").path
            let descriptor = open(temporary, O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_CLOEXEC, mode)
            if descriptor >= 0 { return (temporary, descriptor) }
            if errno == EEXIST { continue }
            throw Refused(path: path, reason: errno == ENOSPC ? .diskFull : .cannotWrite(detail: String(cString: strerror(errno))))
        }
        throw Refused(path: path, reason: .cannotWrite(detail: "no unused temporary name in the folder"))
    }

    /// Gives the finished `temporary` the name `path`. The target is judged again first, since
    /// something may have been put there while the file was written; without `overwrite` a
    /// hard link makes the name only if it is still free, so a file that appeared meanwhile is
    /// never replaced. The temporary name is gone afterwards, whatever happens.
    public static func moveIntoPlace(_ temporary: String, to path: String, overwrite: Bool) throws {
        do {
            try checkTarget(path, overwrite: overwrite)
        } catch {
            unlink(temporary)
            throw error
        }
        if !overwrite {
            if link(temporary, path) == 0 {
                unlink(temporary)
                return
            }
            if errno == EEXIST {
                unlink(temporary)
                throw Refused(path: path, reason: .alreadyExists)
            }
            // A file system without hard links: the check above is the best that can be done.
        }
        guard rename(temporary, path) == 0 else {
            let failure = String(cString: strerror(errno))
            unlink(temporary)
            throw Refused(path: path, reason: .notWritten(detail: failure))
        }
    }
}
