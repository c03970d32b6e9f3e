import Foundation
import XCTest
@testable import MealCore
import MealRoads

/// The bundled district's streets: the committed file is the generator's, and loading the data
/// set imports it with the registry in one transaction.
final class BundledRoadsTests: XCTestCase {
    static let yuehu = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/yuehu")

    func testTheCommittedRoadsAreWhatTheGeneratorMakesNow() throws {
        let committed = try Data(contentsOf: Self.yuehu.appendingPathComponent(BundledData.roadsFileName))
        let generated = try OSMWriter.pbfData(RoadGenerator(.yuehu).generate())
        XCTAssertLessThan(committed.count, 3_000_000, "a few MB at most in the repository")
        XCTAssertTrue(committed == generated,
                      "Fixtures/yuehu/roads.osm.pbf differs from the generator's output: "
                      + "regenerate it with `mealcli fixture --preset yuehu --out Fixtures/yuehu --force`")
    }

    func testTheBundledDistrictLoadsWithItsRoadsCoveringEveryCanteenAndDiner() throws {
        let database = try AppDatabase.inMemory()
        let loaded = try BundledData.loadWithRoads(from: Self.yuehu.path, into: database, by: "test")
        XCTAssertEqual(loaded.registry.map(\.rows), [48, try XCTUnwrap(loaded.registry.dropFirst().first?.rows), 2000])
        let roads = try XCTUnwrap(loaded.roads)
        XCTAssertEqual(roads.coverage.canteens, 48)
        // The active ones: the data set also has paused, hospitalized and deceased diners.
        XCTAssertEqual(roads.coverage.diners, 1913)
        XCTAssertEqual(roads.coverage.outside, [])
        // The generator leaves most homes out past the district's edge without a lane, on purpose.
        XCTAssertFalse(roads.coverage.offNetwork.isEmpty)
        XCTAssertTrue(roads.coverage.offNetwork.allSatisfy { $0.kind == .diner }, "every canteen is on a street")
        XCTAssertEqual(try database.storedRoadNetwork()?.digest, roads.digest)
        XCTAssertEqual(try database.roadNetworkSummary()?.sourceFile, Self.yuehu.path + "/" + BundledData.roadsFileName)
    }

    func testRoadsThatDoNotCoverTheDataSetLoadNothingAtAll() throws {
        let folder = try temporaryDirectory()
        for name in BundledData.fileNames {
            try FileManager.default.copyItem(at: Self.yuehu.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        // Two streets in Beijing: a road file, but of somewhere else.
        let elsewhere = OSMExtract(
            nodes: [OSMNode(id: 1, latitude: 39.90, longitude: 116.40), OSMNode(id: 2, latitude: 39.91, longitude: 116.40)],
            ways: [OSMWay(id: 1, nodeIDs: [1, 2], tags: [OSMTag("highway", "residential")])])
        try OSMWriter.pbfData(elsewhere).write(to: folder.appendingPathComponent(BundledData.roadsFileName))
        let database = try AppDatabase.inMemory()
        let before = try tableDump(database)
        XCTAssertThrowsError(try BundledData.loadWithRoads(from: folder.path, into: database)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("the roads do not cover the registry: 48 of 48 canteens and 1913 of 1913 active diners"),
                          text)
        }
        XCTAssertEqual(try tableDump(database), before, "neither the registry nor the roads")
    }

    func testAddingTheDataSetKeepsARoadNetworkAlreadyImported() throws {
        let database = try AppDatabase.inMemory()
        var builder = RoadNetworkBuilder()
        try builder.receive(OSMNode(id: 1, latitude: 28.24, longitude: 117.03))
        try builder.receive(OSMNode(id: 2, latitude: 28.25, longitude: 117.03))
        try builder.receive(OSMWay(id: 1, nodeIDs: [1, 2], tags: [OSMTag("highway", "residential")]))
        let real = try builder.build()
        try database.replaceRoadNetwork(real, sourceFile: "real.osm.pbf", by: "clerk")
        let loaded = try BundledData.loadWithRoads(from: Self.yuehu.path, into: database, keepingExisting: true)
        XCTAssertNil(loaded.roads)
        XCTAssertTrue(loaded.keptRoadNetwork)
        XCTAssertEqual(try database.roadNetworkSummary()?.digest, real.digest)
        XCTAssertEqual(try database.roadNetworkSummary()?.sourceFile, "real.osm.pbf")
    }
}
