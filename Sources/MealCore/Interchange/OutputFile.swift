import Foundation

/// Writes files the operator names with `--out`: never half-written (a temporary file in the
/// same folder is renamed over the target) and never replacing an existing file unless asked.
public enum OutputFile {
    public struct Refused: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// - Parameter privateToOwner: create the file with mode 0600 (exports holding personal data).
    public static func write(_ bytes: [UInt8], to path: String, overwrite: Bool, privateToOwner: Bool = true) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw Refused(path: path, reason: "is a directory") }
            if !overwrite { throw Refused(path: path, reason: "already exists; use --force to replace it") }
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        let mode: mode_t = privateToOwner ? 0o600 : 0o644
        let descriptor = open(temporary, O_CREAT | O_TRUNC | O_WRONLY, mode)
        guard descriptor >= 0 else {
            throw Refused(path: path, reason: "cannot write there (\(String(cString: strerror(errno))))")
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
        throw Refused(path: path, reason: "could not be written (\(failure))")
    }
}
