import Foundation
import XCTest

/// Files the commands write (`--out`, backups) and the database file they open: a planted link,
/// a named pipe or a device is refused with a sentence, never followed, replaced or waited on.
final class FileSafetyTests: XCTestCase {
    private let canteens = "id,name,lat,lon,kitchen_capacity\nC01,江边食堂,28.2405,117.0320,30\n"

    private func database() throws -> CLIRunner {
        let cli = try CLIRunner()
        try cli.write("canteens.csv", canteens)
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        XCTAssertEqual(try cli.run(["import", "canteens", "canteens.csv"]).status, 0)
        return cli
    }

    private func fileType(_ path: String) -> mode_t {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : 0
    }

    func testOutIsRefusedOnALinkOrAPipeEvenWithForce() throws {
        let cli = try database()
        try cli.write("victim.txt", "keep me\n")
        XCTAssertEqual(symlink(cli.path("victim.txt"), cli.path("t.csv")), 0)
        XCTAssertEqual(mkfifo(cli.path("pipe.csv"), 0o600), 0)

        let linked = try cli.run(["export", "canteens", "--out", "t.csv", "--force"])
        XCTAssertEqual(linked.status, 1)
        XCTAssertEqual(linked.stderr, "error: t.csv: is a symbolic link (to \(cli.path("victim.txt"))); nothing was written, name the file itself\n")
        XCTAssertEqual(try String(contentsOfFile: cli.path("victim.txt"), encoding: .utf8), "keep me\n")
        XCTAssertEqual(fileType(cli.path("t.csv")), S_IFLNK)

        let piped = try cli.run(["export", "canteens", "--out", "pipe.csv", "--force"])
        XCTAssertEqual(piped.status, 1)
        XCTAssertEqual(piped.stderr, "error: pipe.csv: is a named pipe (FIFO), not a regular file; nothing was written\n")
        XCTAssertEqual(fileType(cli.path("pipe.csv")), S_IFIFO)

        let backup = try cli.run(["backup", "--out", "pipe.csv", "--force"])
        XCTAssertEqual(backup.status, 1)
        XCTAssertEqual(backup.stderr, "error: pipe.csv: is a named pipe (FIFO), not a regular file; nothing was written\n")
        let linkedBackup = try cli.run(["backup", "--out", "t.csv", "--force"])
        XCTAssertEqual(linkedBackup.status, 1)
        XCTAssertTrue(linkedBackup.stderr.contains("t.csv: is a symbolic link"), linkedBackup.stderr)
        XCTAssertEqual(try String(contentsOfFile: cli.path("victim.txt"), encoding: .utf8), "keep me\n")
        XCTAssertEqual(fileType(cli.path("pipe.csv")), S_IFIFO)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { $0.hasPrefix(".") }, [],
                       "no temporary file left behind")
    }

    func testOutDashAndDevStdoutWriteToStandardOutput() throws {
        let cli = try database()
        for out in ["-", "/dev/stdout"] {
            let exported = try cli.run(["export", "canteens", "--out", out])
            XCTAssertEqual(exported.status, 0, exported.stderr)
            XCTAssertTrue(exported.stdout.contains("C01,江边食堂"), "\(out): \(exported.stdout)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.path("-")))
    }

    func testANamedPipeAsTheDatabaseIsRefusedAtOnce() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(mkfifo(cli.path("pipe.db"), 0o600), 0)
        // `timeout` only keeps a regression from hanging the suite; the command must not wait at all.
        for arguments in [["export", "canteens"], ["doctor"], ["init"], ["backup", "--out", "copy.db"]] {
            let result = try cli.run(arguments + ["--db", "pipe.db"], launcher: ["/usr/bin/timeout", "60"])
            XCTAssertEqual(result.status, 1, "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stderr, "error: pipe.db is not a meal database (it is a named pipe (FIFO), not a regular file)\n",
                           "\(arguments)")
        }
        XCTAssertEqual(fileType(cli.path("pipe.db")), S_IFIFO)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cli.directory.path), ["pipe.db"])
    }

    func testADeviceAsTheDatabaseIsRefusedAndNothingIsCreatedBesideIt() throws {
        let cli = try CLIRunner()
        let besideBefore = try FileManager.default.contentsOfDirectory(atPath: "/dev").filter { $0.hasPrefix("null-") }
        defer {
            // A build without the fix creates these beside /dev/null; do not leave them behind.
            for name in (try? FileManager.default.contentsOfDirectory(atPath: "/dev")) ?? []
            where name.hasPrefix("null-") && !besideBefore.contains(name) {
                unlink("/dev/" + name)
            }
        }
        for arguments in [["export", "canteens"], ["init"], ["doctor"]] {
            let result = try cli.run(arguments + ["--db", "/dev/null"], launcher: ["/usr/bin/timeout", "60"])
            XCTAssertEqual(result.status, 1, "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stderr,
                           "error: /dev/null is not a meal database (it is a character device, not a regular file)\n",
                           "\(arguments)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: "/dev").filter { $0.hasPrefix("null-") }, besideBefore,
                       "no -journal or -wal file beside the device")
        XCTAssertEqual(fileType("/dev/null"), S_IFCHR)
    }

    func testALinkToADatabaseIsFollowedAndTheFilesArePrivate() throws {
        let cli = try database()
        XCTAssertEqual(symlink(cli.path("meals.db"), cli.path("link.db")), 0)
        let exported = try cli.run(["export", "canteens", "--db", "link.db"])
        XCTAssertEqual(exported.status, 0, exported.stderr)
        XCTAssertTrue(exported.stdout.contains("C01,江边食堂"))
        XCTAssertEqual(symlink(cli.path("nowhere.db"), cli.path("dangling.db")), 0)
        let dangling = try cli.run(["init", "--db", "dangling.db"])
        XCTAssertEqual(dangling.status, 1)
        XCTAssertEqual(dangling.stderr,
                       "error: dangling.db is not a meal database (it is a symbolic link to \(cli.path("nowhere.db")), which does not exist)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.path("nowhere.db")))
        for name in try FileManager.default.contentsOfDirectory(atPath: cli.directory.path) where name.hasPrefix("meals.db") {
            let mode = try FileManager.default.attributesOfItem(atPath: cli.path(name))[.posixPermissions] as? Int
            XCTAssertEqual(mode, 0o600, name)
        }
    }
}
