import Foundation
import XCTest
@testable import MealCore

/// `--out` files: a failed write leaves the old file as it was and no temporary file behind.
final class OutputFileTests: XCTestCase {
    func testAWriteThatFailsHalfwayKeepsTheOldFileAndLeavesNoTemporaryFile() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("diners.csv").path
        try OutputFile.write(Array("old export\n".utf8), to: path, overwrite: false)

        // A file-size limit makes the write fail after the temporary file exists and holds part
        // of the data, the same path a full disk takes. Ignored, SIGXFSZ becomes an EFBIG error.
        var previousLimit = rlimit()
        getrlimit(Int32(RLIMIT_FSIZE.rawValue), &previousLimit)
        let previousHandler = signal(SIGXFSZ, SIG_IGN)
        var limit = previousLimit
        limit.rlim_cur = 64 * 1024
        XCTAssertEqual(setrlimit(Int32(RLIMIT_FSIZE.rawValue), &limit), 0)
        let large = [UInt8](repeating: 0x41, count: 256 * 1024)
        XCTAssertThrowsError(try OutputFile.write(large, to: path, overwrite: true)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(path): could not be written (File too large)"), "\(error)")
        }
        setrlimit(Int32(RLIMIT_FSIZE.rawValue), &previousLimit)
        signal(SIGXFSZ, previousHandler)

        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old export\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["diners.csv"])
    }

    func testADirectoryInTheWayIsRefusedAndLeftAlone() throws {
        let directory = try temporaryDirectory()
        let target = directory.appendingPathComponent("rosters")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: target.appendingPathComponent("index.html"))
        XCTAssertThrowsError(try OutputFile.write(Array("x".utf8), to: target.path, overwrite: true)) { error in
            XCTAssertEqual("\(error)", "\(target.path): is a directory")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["rosters"])
        XCTAssertEqual(try String(contentsOf: target.appendingPathComponent("index.html"), encoding: .utf8), "keep")
    }

    func testAReadOnlyFolderRefusesTheWriteAndKeepsTheOldFile() throws {
        guard geteuid() != 0 else {
            throw XCTSkip("root writes into read-only folders; the command-line tests cover this with privileges dropped")
        }
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("plan.json").path
        try OutputFile.write(Array("{}".utf8), to: path, overwrite: false)
        chmod(directory.path, 0o500)
        defer { chmod(directory.path, 0o700) }
        XCTAssertThrowsError(try OutputFile.write(Array("{\"new\": 1}".utf8), to: path, overwrite: true)) { error in
            XCTAssertTrue("\(error)".contains("cannot write there (Permission denied)"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "{}")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["plan.json"])
    }

    func testASymlinkPlantedAtTheTemporaryNameIsNeverFollowed() throws {
        let directory = try temporaryDirectory()
        let victim = directory.appendingPathComponent("victim.txt").path
        try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: victim))
        // Someone sharing the folder plants links where a guessable temporary name would be.
        for name in [".diners.csv.\(getpid()).tmp", ".diners.csv.tmp", "diners.csv.tmp"] {
            XCTAssertEqual(symlink(victim, directory.appendingPathComponent(name).path), 0)
        }
        let path = directory.appendingPathComponent("diners.csv").path
        try OutputFile.write(Array("the whole registry\n".utf8), to: path, overwrite: false)
        XCTAssertEqual(try String(contentsOfFile: victim, encoding: .utf8), "keep me\n")
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "the whole registry\n")
        var status = stat()
        XCTAssertEqual(lstat(path, &status), 0)
        XCTAssertEqual(status.st_mode & S_IFMT, S_IFREG)
        XCTAssertEqual(status.st_mode & 0o777, 0o600, "personal data is private to its owner")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted(),
                       [".diners.csv.\(getpid()).tmp", ".diners.csv.tmp", "diners.csv", "diners.csv.tmp", "victim.txt"],
                       "no temporary file is left behind")
    }

    func testASymlinkAtTheTargetIsRefusedEvenWithForceAndLeftAsItWas() throws {
        let directory = try temporaryDirectory()
        let victim = directory.appendingPathComponent("victim.txt").path
        try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: victim))
        let link = directory.appendingPathComponent("t.csv").path
        XCTAssertEqual(symlink(victim, link), 0)
        let dangling = directory.appendingPathComponent("d.csv").path
        XCTAssertEqual(symlink(directory.appendingPathComponent("nowhere").path, dangling), 0)
        for (path, target) in [(link, victim), (dangling, directory.appendingPathComponent("nowhere").path)] {
            for overwrite in [false, true] {
                XCTAssertThrowsError(try OutputFile.write(Array("registry".utf8), to: path, overwrite: overwrite)) { error in
                    XCTAssertEqual("\(error)", "\(path): is a symbolic link (to \(target)); nothing was written, name the file itself")
                }
                XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: path), target)
            }
        }
        XCTAssertEqual(try String(contentsOfFile: victim, encoding: .utf8), "keep me\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("nowhere").path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted(), ["d.csv", "t.csv", "victim.txt"])
    }

    func testForceOntoAFIFOIsRefusedAndTheFIFOKept() throws {
        let directory = try temporaryDirectory()
        let fifo = directory.appendingPathComponent("pipe.csv").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        XCTAssertThrowsError(try OutputFile.write(Array("registry".utf8), to: fifo, overwrite: true)) { error in
            XCTAssertEqual("\(error)", "\(fifo): is a named pipe (FIFO), not a regular file; nothing was written")
        }
        var status = stat()
        XCTAssertEqual(lstat(fifo, &status), 0)
        XCTAssertEqual(status.st_mode & S_IFMT, S_IFIFO)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["pipe.csv"])
    }

    func testFileNamesFromIdsAreSafeDistinctAndInsideTheFolder() throws {
        let folder = "/tmp/out/rosters"
        var names = SafeFileNames(folder: folder, reserved: ["index.html"])
        let ids = ["C01", "../../etc/passwd", "a/b", "a_b", "A_B", "index", "..", "", "x\"'><y", "C\u{0}1", "食堂", "a_b-2"]
        let given = ids.map { names.name(for: $0, fileExtension: "html") }
        XCTAssertEqual(given, ["C01.html", "______etc_passwd.html", "a_b.html", "a_b-2.html", "A_B-3.html", "index-2.html",
                               "__.html", "_.html", "x____y.html", "C_1.html", "__-2.html",
                               "a_b-2-2.html"])
        for name in given {
            XCTAssertEqual(try names.path(of: name), folder + "/" + name)
        }
        XCTAssertThrowsError(try names.path(of: "../index.html"))
        XCTAssertThrowsError(try names.path(of: ".."))
    }
}
