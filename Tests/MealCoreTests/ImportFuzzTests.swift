import Foundation
import GRDB
import XCTest
@testable import MealCore
import MealRouting

/// Mutated registry files, many thousands of them, in UTF-8, UTF-8 with a byte order mark and
/// GB18030, half of them read from disk: every import either succeeds, storing exactly what the
/// file's rows say (checked by an independent reading, `ImportOracle`), or throws
/// `ImportFailure` with at least one positioned issue, and a refused import writes nothing.
final class ImportFuzzTests: XCTestCase {
    /// The ways a file is damaged; each case is one operator mistake or transport accident.
    enum Mutation: CaseIterable {
        case truncatedRow, strayQuote, invalidUTF8, hugeField, gb18030WithFlippedBytes, insertedBytes,
             deletedBytes, duplicatedHeader, oddByteOrderMark, lineEndings
    }

    /// How the file was saved before it was damaged: the encodings the import detects.
    enum Saved: CaseIterable {
        case utf8, utf8WithByteOrderMark, gb18030

        func bytes(of text: String) throws -> [UInt8] {
            switch self {
            case .utf8: Array(text.utf8)
            case .utf8WithByteOrderMark: [0xEF, 0xBB, 0xBF] + Array(text.utf8)
            case .gb18030: try TextDecoding.encodeGB18030(text)
            }
        }
    }

    struct Source {
        var kind: String
        var text: String
    }

    static let sources = [
        Source(kind: "canteens", text: canteensCSV),
        Source(kind: "couriers", text: couriersCSV),
        Source(kind: "diners", text: dinersCSV),
        Source(kind: "canteens", text: excelSheet(canteensCSV, Canteen.self)),
        Source(kind: "couriers", text: excelSheet(couriersCSV, Courier.self)),
        Source(kind: "diners", text: excelSheet(dinersCSV, Diner.self)),
    ]

    /// `text` as a clerk's Excel sheet saves it: Chinese headings, the Chinese words of coded
    /// values, three empty columns after the last, and an empty sheet row (a line of commas).
    static func excelSheet<R: RegistryRecord>(_ text: String, _ type: R.Type) -> String {
        let coded: [String: [String: String]] = [
            "mobility": Dictionary(uniqueKeysWithValues: Mobility.allCases.map { ($0.rawValue, $0.label) }),
            "mode": Dictionary(uniqueKeysWithValues: ServicePreference.allCases.map { ($0.rawValue, $0.label) }),
            "status": Dictionary(uniqueKeysWithValues: DinerStatus.allCases.map { ($0.rawValue, $0.label) }),
            "vehicle": Dictionary(uniqueKeysWithValues: VehicleKind.allCases.map { ($0.rawValue, $0.label) }),
            "diets": Dictionary(uniqueKeysWithValues: DietTag.allCases.map { ($0.rawValue, $0.label) }),
            "days": ["1234567": "每天", "12345": "周一至周五"], "open_days": ["1234567": "每天", "12345": "周一至周五"],
        ]
        guard let records = ImportOracle.records(text), let header = records.first else { return text }
        let headings = header.map { name in R.columns.first { $0.name == name }?.aliases.first ?? name }
        var lines = [headings]
        for row in records.dropFirst() {
            lines.append(zip(header, row).map { name, cell in
                guard let words = coded[name] else { return cell }
                return cell.split(separator: ";").map { words[String($0)] ?? String($0) }.joined(separator: ";")
            })
        }
        lines.insert(Array(repeating: "", count: header.count), at: min(2, lines.count))
        return CSVWriter(lineEnding: .crlf).string(for: lines.map { $0 + ["", "", ""] })
    }

    /// Just over the reader's 1 MiB cell limit, and just under it, built once.
    static let hugeCells = [String(repeating: "长", count: (1 << 20) / 3 + 2), String(repeating: "x", count: (1 << 20) - 8)]

    func testTenThousandMutatedFilesEitherImportWhatTheySayOrFailWithoutWriting() throws {
        var generator = SeededGenerator(seed: 20_261_127)
        var database = try Self.loadedDatabase()
        var before = try database.contentSnapshot()
        var outcomes: [Mutation: (imported: Int, refused: Int)] = [:]
        var checkedImports: [Saved: Int] = [:]
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }

        for iteration in 0..<10_000 {
            let source = Self.sources[generator.int(0...(Self.sources.count - 1))]
            let saved = generator.pick(Saved.allCases)
            var bytes = try saved.bytes(of: source.text)
            var applied: [Mutation] = []
            for _ in 0..<generator.int(1...3) {
                // Huge fields cost a megabyte each; keep them rare so the test stays quick.
                var mutation = generator.pick(Mutation.allCases)
                if mutation == .hugeField && !generator.chance(0.1) { mutation = .insertedBytes }
                bytes = Self.mutate(bytes, with: mutation, using: &generator)
                applied.append(mutation)
            }
            // Every other file goes through the disk, as `mealcli import FILE` reads it.
            let onDisk = iteration % 2 == 1
            let name = onDisk ? folder.appendingPathComponent("\(source.kind)-\(iteration).csv").path
                : "\(source.kind)-\(iteration).csv"
            if onDisk { try Data(bytes).write(to: URL(fileURLWithPath: name)) }
            let described = "\(name) saved as \(saved) \(applied)"
            do {
                let problems = try Self.importChecked(source.kind, bytes, fileName: name, fromDisk: onDisk, into: database)
                XCTAssertEqual(problems, [], described)
                if !problems.isEmpty { return }
                for mutation in applied { outcomes[mutation, default: (0, 0)].imported += 1 }
                checkedImports[saved, default: 0] += 1
                // A successful import changed the database; start the next case from a known state.
                database = try Self.loadedDatabase()
                before = try database.contentSnapshot()
            } catch let failure as ImportFailure {
                for mutation in applied { outcomes[mutation, default: (0, 0)].refused += 1 }
                XCTAssertFalse(failure.issues.isEmpty, described)
                XCTAssertTrue(failure.issues.allSatisfy { $0.file == name && $0.line >= 0 }, "\(described): \(failure)")
                let after = try database.contentSnapshot()
                if after != before {
                    XCTFail("\(described) was refused but changed the database")
                    return
                }
            } catch {
                XCTFail("\(described): expected ImportFailure, got \(type(of: error)): \(error)")
                return
            }
            if onDisk { try FileManager.default.removeItem(atPath: name) }
        }

        for mutation in Mutation.allCases {
            let outcome = outcomes[mutation, default: (0, 0)]
            XCTAssertGreaterThan(outcome.imported + outcome.refused, 50, "\(mutation) was hardly exercised")
            XCTAssertGreaterThan(outcome.refused, 0, "\(mutation) never produced a refused file: \(outcome)")
        }
        for saved in Saved.allCases {
            XCTAssertGreaterThan(checkedImports[saved, default: 0], 20, "few \(saved) files imported, so few were checked")
        }
        let total = outcomes.values.reduce(0) { $0 + $1.imported + $1.refused }
        let refused = outcomes.values.reduce(0) { $0 + $1.refused }
        XCTAssertLessThan(refused, total, "some mutated files must still import, or the mutations only test the header")
    }

    // MARK: - mutations

    static func mutate(_ bytes: [UInt8], with mutation: Mutation, using generator: inout SeededGenerator) -> [UInt8] {
        var bytes = bytes
        let position = generator.int(0...bytes.count)
        switch mutation {
        case .truncatedRow:
            // Cut a line short, or the whole file mid-line, as an interrupted copy would.
            let lineStarts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
            let start = generator.pick(lineStarts)
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let cut = generator.int(start...end)
            if generator.chance(0.3) {
                bytes.removeSubrange(cut...)
            } else {
                bytes.removeSubrange(cut..<end)
            }
        case .strayQuote:
            bytes.insert(0x22, at: position)
        case .invalidUTF8:
            let sequences: [[UInt8]] = [[0xFF], [0x80], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80],
                                        [0xF4, 0x90, 0x80, 0x80], [0xE6, 0x88]]
            bytes.insert(contentsOf: generator.pick(sequences), at: position)
        case .hugeField:
            var cell = Array(generator.pick(hugeCells).utf8)
            if generator.chance(0.5) { cell = [0x22] + cell + [0x22] }
            let comma = bytes.indices.filter { bytes[$0] == 0x2C }
            let at = comma.isEmpty ? position : generator.pick(comma) + 1
            bytes.insert(contentsOf: cell, at: at)
        case .gb18030WithFlippedBytes:
            let text = String(decoding: bytes, as: UTF8.self)
            if let encoded = try? TextDecoding.encodeGB18030(text), !encoded.isEmpty {
                bytes = encoded
                for _ in 0..<generator.int(0...3) {
                    let index = generator.int(0...(bytes.count - 1))
                    bytes[index] ^= UInt8(truncatingIfNeeded: generator.int(1...255))
                }
            }
        case .insertedBytes:
            for _ in 0..<generator.int(1...4) {
                bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: generator.int(0...bytes.count))
            }
        case .deletedBytes:
            guard !bytes.isEmpty else { break }
            let start = generator.int(0...(bytes.count - 1))
            bytes.removeSubrange(start..<min(bytes.count, start + generator.int(1...8)))
        case .duplicatedHeader:
            let headerEnd = bytes.firstIndex(of: 0x0A) ?? bytes.count
            let header = Array(bytes[..<headerEnd])
            let names = header.split(separator: 0x2C).map(Array.init)
            switch generator.int(0...2) {
            case 0: bytes.insert(contentsOf: header + [0x0A], at: headerEnd + (headerEnd < bytes.count ? 1 : 0))
            case 1 where !names.isEmpty: bytes.insert(contentsOf: [0x2C] + generator.pick(names), at: headerEnd)
            default: bytes.insert(contentsOf: header + [0x0A], at: 0)
            }
        case .oddByteOrderMark:
            let marks: [[UInt8]] = [[0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]]
            let lineStarts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
            let at = generator.chance(0.5) ? generator.pick(lineStarts) : position
            bytes.insert(contentsOf: generator.pick(marks), at: at)
        case .lineEndings:
            let replacement: [UInt8] = generator.pick([[0x0D], [0x0D, 0x0A], [0x0A, 0x0A], [0x0D, 0x0D, 0x0A]])
            bytes = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
                .joined(separator: replacement).map { $0 }
        }
        return bytes
    }

    // MARK: - helpers

    /// An in-memory database holding the valid canteens, couriers and diners, so mutated files
    /// meet existing rows (updates and references) as well as new ones.
    /// A copy of one loaded database: copying the pages is much quicker than migrating and
    /// importing again after each of the thousands of files that import.
    static func loadedDatabase() throws -> AppDatabase {
        let copy = try DatabaseQueue(configuration: AppDatabase.makeConfiguration())
        try loaded.get().writer.backup(to: copy)
        return AppDatabase(writer: copy, path: nil)
    }

    static let loaded = Result { () throws -> AppDatabase in
        let database = try AppDatabase.inMemory()
        try importAll(into: database)
        return database
    }

    /// Imports `bytes` (from memory, or from the file `fileName` that holds them) and returns what
    /// `ImportOracle` finds wrong with the stored records; throws what the import throws.
    static func importChecked(_ kind: String, _ bytes: [UInt8], fileName: String, fromDisk: Bool,
                              into database: AppDatabase) throws -> [String] {
        switch kind {
        case "canteens": try importChecked(Canteen.self, bytes, fileName: fileName, fromDisk: fromDisk, into: database)
        case "couriers": try importChecked(Courier.self, bytes, fileName: fileName, fromDisk: fromDisk, into: database)
        default: try importChecked(Diner.self, bytes, fileName: fileName, fromDisk: fromDisk, into: database)
        }
    }

    static func importChecked<R: RegistryRecord>(_ type: R.Type, _ bytes: [UInt8], fileName: String, fromDisk: Bool,
                                                 into database: AppDatabase) throws -> [String] {
        let before = try database.fetchAll(R.self)
        let summary = fromDisk
            ? try RegistryImport.importFile(R.self, path: fileName, into: database, by: "fuzz")
            : try RegistryImport.importBytes(R.self, bytes: bytes, fileName: fileName, into: database, by: "fuzz")
        return ImportOracle.problems(importing: bytes, as: R.self, summary: summary, before: before,
                                     after: try database.fetchAll(R.self))
    }
}
