import Foundation
import GRDB
import MealCore
import MealRouting
import XCTest

/// Bad database files and a hostile file system: every case must end in a plain message and a
/// non-zero exit, never a crash, and must leave the file as it was.
final class DatabaseFaultTests: XCTestCase {
    private var mounts: [URL] = []

    override func tearDown() {
        for mount in mounts.reversed() { _ = try? runTool("/bin/umount", [mount.path]) }
        mounts.removeAll()
        super.tearDown()
    }

    // MARK: - backup and doctor

    func testBackupCopiesTheLiveDatabasePrivatelyAndRefusesToReplaceWithoutForce() throws {
        let cli = try makeDatabase()
        let backup = try cli.run(["backup", "--out", "copy.db"])
        XCTAssertEqual(backup.status, 0, backup.stderr)
        XCTAssertTrue(backup.stdout.hasPrefix("Backed up meals.db to copy.db ("), backup.stdout)
        XCTAssertTrue(backup.stdout.contains("  canteen          2\n"), backup.stdout)
        XCTAssertTrue(backup.stdout.contains("  courier          2\n"), backup.stdout)
        let mode = try FileManager.default.attributesOfItem(atPath: cli.path("copy.db"))[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        XCTAssertEqual(try snapshot(cli.path("copy.db")), try snapshot(cli.path("meals.db")))
        XCTAssertEqual(try leftovers(in: cli.directory), [], "no temporary, -wal or -shm file beside the copy")

        let copyBytes = try Data(contentsOf: URL(fileURLWithPath: cli.path("copy.db")))
        let again = try cli.run(["backup", "--out", "copy.db"])
        XCTAssertEqual(again.status, 1)
        XCTAssertEqual(again.stderr, "error: copy.db: already exists; use --force to replace it\n")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: cli.path("copy.db"))), copyBytes)

        try cli.write("more.csv", "id,name,lat,lon,kitchen_capacity\nC03,新食堂,28.25,117.04,30\n")
        XCTAssertEqual(try cli.run(["import", "canteens", "more.csv"]).status, 0)
        let forced = try cli.run(["backup", "--out", "copy.db", "--force"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(forced.stdout.contains("  canteen          3\n"), forced.stdout)
        XCTAssertEqual(try snapshot(cli.path("copy.db")), try snapshot(cli.path("meals.db")))
    }

    func testDoctorReportsAHealthyDatabase() throws {
        let cli = try makeDatabase()
        let doctor = try cli.run(["doctor"])
        XCTAssertEqual(doctor.status, 0, doctor.stderr)
        XCTAssertEqual(Array(doctor.stdout.split(separator: "\n").prefix(6)), [
            "meals.db:",
            "integrity: ok",
            "foreign keys: ok",
            "application id: ok (MEAL)",
            "schema: v1 registry, v2 day plans, v3 day exceptions, v4 welfare, v5 plan provenance, v6 search time guard, v7 district settings, v8 diner check comparisons, v9 plan travel model, v10 road network (up to date)",
            "rows:",
        ])
        XCTAssertTrue(doctor.stdout.contains("  diner            2\n"), doctor.stdout)
    }

    func testDoctorFailsOnBrokenForeignKeysAndMissingMigrations() throws {
        let cli = try makeDatabase()
        let queue = try DatabaseQueue(path: cli.path("meals.db"))
        try queue.writeWithoutTransaction { db in
            // Written around the engine, as a damaged copy or a hand edit would.
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "UPDATE courier SET canteen_id = 'C99' WHERE id = 'K001'")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v3 day exceptions'")
        }
        try queue.close()
        let doctor = try cli.run(["doctor"])
        XCTAssertEqual(doctor.status, 1)
        XCTAssertTrue(doctor.stdout.contains("foreign keys: 1 problem\n  courier row "), doctor.stdout)
        XCTAssertTrue(doctor.stdout.contains("refers to a missing canteen"), doctor.stdout)
        XCTAssertTrue(doctor.stdout.contains("schema: v1 registry, v2 day plans, v4 welfare, v5 plan provenance, v6 search time guard, v7 district settings, v8 diner check comparisons, v9 plan travel model, v10 road network; not applied: v3 day exceptions\n"),
                      doctor.stdout)
        XCTAssertTrue(doctor.stderr.contains("problems found"), doctor.stderr)
    }

    // MARK: - bad files

    func testATruncatedDatabaseIsReportedAsDamagedAndNotTouched() throws {
        let cli = try makeDatabase()
        let path = cli.path("meals.db")
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        let truncated = original.prefix(original.count / 2)
        try truncated.write(to: URL(fileURLWithPath: path))

        for command in [["export", "diners"], ["import", "canteens", "canteens.csv"], ["backup", "--out", "b.db"]] {
            let result = try cli.run(command)
            XCTAssertEqual(result.status, 1, "\(command): \(result.stderr)")
            XCTAssertEqual(result.stderr, "error: meals.db: the database file is damaged (database disk image is malformed); "
                + "restore it from a backup (`mealcli doctor` shows what is wrong)\n", "\(command)")
        }
        let doctor = try cli.run(["doctor"])
        XCTAssertEqual(doctor.status, 1)
        XCTAssertTrue(doctor.stdout.contains("integrity: "), doctor.stdout)
        XCTAssertFalse(doctor.stdout.contains("integrity: ok"), doctor.stdout)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), truncated)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.path("b.db")))
    }

    func testAFileWithAnSQLiteHeaderButNoDatabaseIsRefusedAndNotTouched() throws {
        let cli = try CLIRunner()
        var generator = SeededGenerator(seed: 7)
        var bytes = Array("SQLite format 3\0".utf8)
        bytes += (0..<8176).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let path = cli.path("meals.db")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        for command in [["export", "canteens"], ["import", "canteens", "canteens.csv"], ["doctor"], ["backup", "--out", "b.db"]] {
            let result = try cli.run(command)
            XCTAssertEqual(result.status, 1, "\(command): \(result.stderr)")
            XCTAssertTrue(result.stderr.hasPrefix("error: meals.db: the database file is damaged"),
                          "\(command): \(result.stderr)")
        }
        XCTAssertEqual(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))), bytes)
    }

    // MARK: - locks

    func testAWriteWaitsForAnotherProcessHoldingTheDatabaseThenSaysItIsBusy() throws {
        let cli = try makeDatabase()
        let path = cli.path("meals.db")
        let before = try snapshot(path)
        try cli.write("more.csv", "id,name,lat,lon,kitchen_capacity\nC03,新食堂,28.25,117.04,30\n")

        // This process is the other program: it holds the write lock on a background thread
        // (GRDB keeps a transaction inside one access) until the command has given up.
        let holder = try DatabaseQueue(path: path)
        let locked = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? holder.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN EXCLUSIVE")
                try db.execute(sql: "INSERT INTO change_log (at, by, action, subject, detail) VALUES ('', 'holder', '', '', '')")
                locked.signal()
                release.wait()
                try db.execute(sql: "ROLLBACK")
            }
            finished.signal()
        }
        XCTAssertEqual(locked.wait(timeout: .now() + 10), .success)
        let started = Date()
        let blocked = try cli.run(["import", "canteens", "more.csv"])
        let waited = Date().timeIntervalSince(started)
        let doctor = try cli.run(["doctor"])
        release.signal()
        finished.wait()
        try holder.close()

        XCTAssertEqual(blocked.status, 1)
        XCTAssertEqual(blocked.stderr,
                       "error: meals.db: the database is busy (another program is holding it); nothing was done, try again shortly\n")
        XCTAssertGreaterThan(waited, 4, "the command waits its busy timeout before giving up")
        XCTAssertEqual(doctor.status, 0, "checking only reads, so it works beside a writer: \(doctor.stderr)")
        XCTAssertEqual(try snapshot(path), before)

        XCTAssertEqual(try cli.run(["import", "canteens", "more.csv"]).status, 0, "works once the lock is gone")
    }

    // MARK: - read-only

    func testAReadOnlyFileCanBeReadButNotWritten() throws {
        let cli = try makeDatabase()
        let path = cli.path("meals.db")
        let launcher = try unprivilegedLauncher()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        chmod(path, 0o400)
        defer { chmod(path, 0o600) }

        let export = try cli.run(["export", "canteens"], launcher: launcher)
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertTrue(export.stdout.contains("C01,江边街道长者食堂"), export.stdout)
        let doctor = try cli.run(["doctor"], launcher: launcher)
        XCTAssertEqual(doctor.status, 0, doctor.stderr)
        try assertWritesAreRefusedAsReadOnly(cli, launcher: launcher)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
    }

    func testADatabaseInAReadOnlyFolderCanBeReadButNotWritten() throws {
        let cli = try CLIRunner()
        let folder = cli.directory.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try fillDatabase(cli, path: "shared/meals.db")
        let path = folder.appendingPathComponent("meals.db").path
        let launcher = try unprivilegedLauncher()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        chmod(folder.path, 0o500)
        defer { chmod(folder.path, 0o700) }

        let environment = ["MEALS_DB": "shared/meals.db"]
        let export = try cli.run(["export", "couriers"], environment: environment, launcher: launcher)
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertTrue(export.stdout.contains("K001,张建国"), export.stdout)
        let imported = try cli.run(["import", "canteens", "more.csv"], environment: environment, launcher: launcher)
        XCTAssertEqual(imported.status, 1)
        XCTAssertEqual(imported.stderr, "error: shared/meals.db: the database is read-only "
            + "(check the permissions of the file and its folder); nothing was written\n")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
    }

    func testADatabaseOnAReadOnlyFileSystemCanBeReadButNotWritten() throws {
        let cli = try CLIRunner()
        let mount = try mountScratchFileSystem(in: cli, size: "2m")
        try fillDatabase(cli, path: "disk/meals.db")
        try runTool("/bin/mount", ["-o", "remount,ro", mount.path])
        let path = mount.appendingPathComponent("meals.db").path
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        let environment = ["MEALS_DB": "disk/meals.db"]
        let export = try cli.run(["export", "diners"], environment: environment)
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertTrue(export.stdout.contains("D00002,李桂兰"), export.stdout)
        XCTAssertEqual(try cli.run(["doctor"], environment: environment).status, 0)
        XCTAssertEqual(try cli.run(["backup", "--out", "copy.db"], environment: environment).status, 0)
        XCTAssertEqual(try snapshot(cli.path("copy.db")), try snapshot(path))
        try assertWritesAreRefusedAsReadOnly(cli, environment: environment, database: "disk/meals.db")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
    }

    func testAnExportIntoAReadOnlyFolderKeepsTheOldFile() throws {
        let cli = try makeDatabase()
        let folder = cli.directory.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("old\n".utf8).write(to: folder.appendingPathComponent("canteens.csv"))
        let launcher = try unprivilegedLauncher()
        chmod(folder.path, 0o500)
        defer { chmod(folder.path, 0o700) }

        let export = try cli.run(["export", "canteens", "--out", "exports/canteens.csv", "--force"], launcher: launcher)
        XCTAssertEqual(export.status, 1)
        XCTAssertEqual(export.stderr, "error: exports/canteens.csv: cannot write there (Permission denied)\n")
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("canteens.csv"), encoding: .utf8), "old\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["canteens.csv"])
    }

    // MARK: - full disk

    func testAFileSizeLimitRefusesTheImportAndKeepsTheDatabaseAsItWas() throws {
        let prlimit = "/usr/bin/prlimit"
        guard FileManager.default.isExecutableFile(atPath: prlimit) else {
            throw XCTSkip("prlimit (util-linux) is not installed: a file-size limit cannot be set for the child")
        }
        let cli = try makeDatabase()
        let path = cli.path("meals.db")
        let before = try snapshot(path)
        try cli.write("many-diners.csv", manyDinersCSV)
        // Enough for the database and its -shm file, far too little for the new rows' -wal.
        let imported = try cli.run(["import", "diners", "many-diners.csv"], launcher: [prlimit, "--fsize=262144"])
        XCTAssertEqual(imported.status, 1)
        XCTAssertEqual(imported.stderr, "error: meals.db: the disk is full; nothing was written\n")
        XCTAssertEqual(try snapshot(path), before)
        XCTAssertEqual(try cli.run(["doctor"]).status, 0)
    }

    func testAFullDiskRefusesTheImportAndKeepsTheDatabaseAsItWas() throws {
        let cli = try CLIRunner()
        let mount = try mountScratchFileSystem(in: cli, size: "2m")
        try fillDatabase(cli, path: "disk/meals.db")
        let path = mount.appendingPathComponent("meals.db").path
        let before = try snapshot(path)
        let filler = mount.appendingPathComponent("filler")
        try fillDisk(mount, leavingBytes: 96 * 1024, with: filler)

        // Written outside the small disk; its rows need far more than the space left there.
        try cli.write("many-diners.csv", manyDinersCSV)
        let environment = ["MEALS_DB": "disk/meals.db"]
        let imported = try cli.run(["import", "diners", "many-diners.csv"], environment: environment)
        XCTAssertEqual(imported.status, 1)
        XCTAssertEqual(imported.stderr, "error: disk/meals.db: the disk is full; nothing was written\n")

        let backup = try cli.run(["backup", "--out", "disk/copy.db"], environment: environment)
        XCTAssertEqual(backup.status, 1)
        XCTAssertEqual(backup.stderr, "error: disk/copy.db: the disk is full; nothing was written\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: mount.path).filter { $0.contains("copy") }, [],
                       "no half-written copy or temporary file is left")

        try FileManager.default.removeItem(at: filler)
        XCTAssertEqual(try snapshot(path), before)
        XCTAssertEqual(try cli.run(["doctor"], environment: environment).status, 0)
    }

    // MARK: - helpers

    private let canteens = """
        id,name,community,lat,lon,seats,sittings,kitchen_capacity,phone
        C01,江边街道长者食堂,江边街道,28.2401,117.0312,40,11:00-11:45;11:45-12:30,120,13812345678
        C02,夏埠乡幸福食堂,夏埠乡,28.2101,117.0012,20,11:00-12:00,40,
        """
    private let couriers = """
        id,name,canteen_id,vehicle,capacity,shift_start,shift_end
        K001,张建国,C01,ebike,10,10:30,13:30
        K002,李志华,C02,tricycle,16,10:30,13:00
        """
    private let diners = """
        id,name,lat,lon,mobility,mode
        D00001,王秀英,28.2405,117.0320,walker,auto
        D00002,李桂兰,28.2110,117.0020,bedridden,delivery
        """

    /// 3,000 new diners: about 500 KB of database pages.
    private let manyDinersCSV = "id,name,lat,lon,address\n" + (1...3000).map { number in
        "N\(number),新居民\(number),28.24,117.03,月湖区江边街道滨江路\(number)号 \(number % 30)栋\(number % 7)01室"
    }.joined(separator: "\n")

    /// A scratch folder with ./meals.db holding two canteens, couriers and diners.
    private func makeDatabase() throws -> CLIRunner {
        let cli = try CLIRunner()
        try fillDatabase(cli, path: "meals.db")
        return cli
    }

    private func fillDatabase(_ cli: CLIRunner, path: String) throws {
        try cli.write("canteens.csv", canteens)
        try cli.write("couriers.csv", couriers)
        try cli.write("diners.csv", diners)
        try cli.write("more.csv", "id,name,lat,lon,kitchen_capacity\nC03,新食堂,28.25,117.04,30\n")
        for arguments in [["init"], ["import", "canteens", "canteens.csv"], ["import", "couriers", "couriers.csv"],
                          ["import", "diners", "diners.csv"]] {
            let result = try cli.run(arguments + ["--db", path])
            XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
        }
    }

    private func assertWritesAreRefusedAsReadOnly(_ cli: CLIRunner, environment: [String: String] = [:],
                                                  launcher: [String] = [], database: String = "meals.db",
                                                  file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try cli.run(["import", "canteens", "more.csv"], environment: environment, launcher: launcher)
        XCTAssertEqual(result.status, 1, file: file, line: line)
        XCTAssertEqual(result.stderr, "error: \(database): the database is read-only "
            + "(check the permissions of the file and its folder); nothing was written\n", file: file, line: line)
    }

    /// The database content as text, read without changing the file.
    private func snapshot(_ path: String) throws -> String {
        try AppDatabase.open(path: path).contentSnapshot()
    }

    private func leftovers(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix(".") || $0.hasSuffix("-wal") || $0.hasSuffix("-shm") || $0.hasSuffix("-journal") }
            .filter { !$0.hasPrefix("meals.db") }
    }

    /// Root skips file permission checks; dropping the capabilities that allow that makes root
    /// meet a read-only file as any operator would.
    private func unprivilegedLauncher() throws -> [String] {
        guard geteuid() == 0 else { return [] }
        let setpriv = "/usr/bin/setpriv"
        guard FileManager.default.isExecutableFile(atPath: setpriv) else {
            throw XCTSkip("running as root without setpriv: file permissions cannot be enforced")
        }
        return [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--"]
    }

    /// A small tmpfs at `disk/` in the scratch folder; unmounted in tearDown.
    private func mountScratchFileSystem(in cli: CLIRunner, size: String) throws -> URL {
        let mount = cli.directory.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
        guard geteuid() == 0, (try? runTool("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", mount.path])) != nil else {
            throw XCTSkip("mounting a small tmpfs needs root; this case is not reproducible here")
        }
        mounts.append(mount)
        return mount
    }

    private func fillDisk(_ mount: URL, leavingBytes: Int, with filler: URL) throws {
        var stats = statvfs()
        guard statvfs(mount.path, &stats) == 0 else { return XCTFail("statvfs failed") }
        let free = Int(stats.f_bavail) * Int(stats.f_frsize)
        try Data(count: max(0, free - leavingBytes)).write(to: filler)
    }

    @discardableResult
    private func runTool(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NSError(domain: program, code: Int(process.terminationStatus), userInfo: [NSLocalizedDescriptionKey: message])
        }
        return message
    }
}
