import Foundation

/// What a path names, looked at without following a symbolic link there (`lstat`): the engine
/// writes and opens only regular files, and says what else it found instead of following a
/// link, waiting on a named pipe or writing into a device.
public enum FileEntry: Equatable, Sendable {
    case missing
    case regularFile
    case directory
    case symbolicLink(target: String)
    /// A named pipe, device or socket, described for people (`a named pipe (FIFO)`).
    case special(kind: String)

    public init(at path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            self = .missing
            return
        }
        if status.st_mode & S_IFMT == S_IFLNK {
            self = .symbolicLink(target: (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")
        } else {
            self = FileEntry(mode: status.st_mode)
        }
    }

    /// What the path names after following every symbolic link (`stat`).
    public static func followingLinks(_ path: String) -> FileEntry {
        var status = stat()
        guard stat(path, &status) == 0 else { return .missing }
        return FileEntry(mode: status.st_mode)
    }

    private init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regularFile
        case S_IFDIR: self = .directory
        case S_IFIFO: self = .special(kind: "a named pipe (FIFO)")
        case S_IFCHR: self = .special(kind: "a character device")
        case S_IFBLK: self = .special(kind: "a block device")
        case S_IFSOCK: self = .special(kind: "a socket")
        default: self = .special(kind: "not a file")
        }
    }
}
