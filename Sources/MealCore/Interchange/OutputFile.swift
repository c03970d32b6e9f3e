import Foundation

/// Writes files the operator names with `--out`: never half-written (a temporary file in the
/// same folder is renamed over the target) and never replacing an existing file unless asked.
public enum OutputFile {
    public struct Refused: Error, CustomStringConvertible {
        public enum Reason: Sendable, Equatable, CustomStringConvertible {
            case isDirectory
            /// The file exists and the caller did not ask to replace it.
            case alreadyExists
            case cannotWrite(detail: String)
            case notWritten(detail: String)
            case diskFull
            /// A file name made from data would land outside the folder it was meant for.
            case outsideFolder(folder: String)

            public var description: String {
                switch self {
                case .isDirectory: "is a directory"
                case .alreadyExists: "already exists"
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
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw Refused(path: path, reason: .isDirectory) }
            if !overwrite { throw Refused(path: path, reason: .alreadyExists) }
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        let mode: mode_t = privateToOwner ? 0o600 : 0o644
        let descriptor = open(temporary, O_CREAT | O_TRUNC | O_WRONLY, mode)
        guard descriptor >= 0 else {
            throw Refused(path: path, reason: .cannotWrite(detail: String(cString: strerror(errno))))
        }
        var written = 0
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result <= 0 { return false }
                written += result
            }
            return fsync(descriptor) == 0
        }
        var failure = String(cString: strerror(errno))
        close(descriptor)
        if ok {
            if rename(temporary, path) == 0 { return }
            failure = String(cString: strerror(errno))
        }
        unlink(temporary)
        throw Refused(path: path, reason: .notWritten(detail: "\(failure)"))
    }
}
