import XCTest
@testable import MealRoads

final class RoadNetworkTests: XCTestCase {
    private typealias Maps = HandMadeNetworks

    func testStatisticsCountWhatTheExtractHeldAndWhatWasKept() throws {
        var extract = Maps.riverWithOneBridge()
        extract.ways.append(OSMWay(id: 9, nodeIDs: [10, 20], tags: [OSMTag("waterway", "river")]))
        let network = try extract.roadNetwork()
        let statistics = network.statistics
        XCTAssertEqual(statistics.osmNodes, 8)
        XCTAssertEqual(statistics.osmWays, 4)
        XCTAssertEqual(statistics.keptWays, 3)
        XCTAssertEqual(statistics.graphNodes, 8)
        XCTAssertEqual(statistics.segments, 7)  // 3 + 3 along the banks, 1 bridge
        XCTAssertEqual(statistics.edgesPerUser[.foot], 14)
        XCTAssertEqual(statistics.edgesPerUser[.car], 12)  // not on the footbridge
        XCTAssertEqual(statistics.edgesPerUser[.cycle], 12)
        let southWest = HandMadeMap.point(east: -1000, north: -20), northEast = HandMadeMap.point(east: 1000, north: 20)
        XCTAssertEqual(network.bounds.minLatitude, southWest.latitude, accuracy: 1e-7)
        XCTAssertEqual(network.bounds.minLongitude, southWest.longitude, accuracy: 1e-7)
        XCTAssertEqual(network.bounds.maxLatitude, northEast.latitude, accuracy: 1e-7)
        XCTAssertEqual(network.bounds.maxLongitude, northEast.longitude, accuracy: 1e-7)
    }

    func testSegmentLengthsAreWholeCentimetresOfGreatCircleDistance() throws {
        let network = try Maps.riverWithOneBridge().roadNetwork()
        let bridge = try XCTUnwrap((0..<network.statistics.segments).first {
            network.osmID(ofNode: Int(network.segments.from[$0])) == 12 && network.osmID(ofNode: Int(network.segments.to[$0])) == 22
        })
        let expected = RoadGeometry.haversineMetres(
            network.point(ofNode: Int(network.segments.from[bridge])), network.point(ofNode: Int(network.segments.to[bridge])))
        XCTAssertEqual(Int(network.segments.centimetres[bridge]), Int((expected * 100).rounded()))
        XCTAssertEqual(Double(network.segments.centimetres[bridge]), 4000, accuracy: 2)
    }

    func testAClippedWayKeepsTheRunsOfNodesTheExtractHas() throws {
        let network = try Maps.clippedStreet().roadNetwork()
        XCTAssertEqual(network.statistics.keptWays, 2)
        XCTAssertEqual(network.statistics.missingNodeReferences, 3)
        XCTAssertEqual(network.statistics.segments, 2)
        XCTAssertEqual(network.statistics.graphNodes, 4)
        let router = RoadRouter(network: network)
        let a = HandMadeMap.point(east: 0, north: -10), b = HandMadeMap.point(east: 100, north: -10)
        let c = HandMadeMap.point(east: 300, north: -10)
        let out = router.journeys(from: a, to: [b, c], user: .foot, metresPerSecond: 1)
        XCTAssertEqual(out[0].seconds, 120)
        XCTAssertEqual(out[1], .unreached(.noPath(user: .foot)))
    }

    func testNodesOutOfOrderAndRepeatedAreAccepted() throws {
        let inOrder = try Maps.riverWithOneBridge().roadNetwork()
        var extract = Maps.riverWithOneBridge()
        extract.nodes.reverse()
        XCTAssertEqual(try extract.roadNetwork().digest, inOrder.digest)
        extract.nodes.append(extract.nodes[0])
        let repeated = try extract.roadNetwork()
        XCTAssertEqual(repeated.statistics.osmNodes, 9)
        XCTAssertEqual(repeated.segments, inOrder.segments)
        XCTAssertEqual(repeated.nodes.ids, inOrder.nodes.ids)
    }

    func testAnExtractWithoutRoadsIsRefused() {
        var extract = OSMExtract()
        extract.nodes = [OSMNode(id: 1, latitude: 28.4, longitude: 117.9), OSMNode(id: 2, latitude: 28.5, longitude: 117.9)]
        extract.ways = [OSMWay(id: 1, nodeIDs: [1, 2], tags: [OSMTag("railway", "rail")])]
        XCTAssertThrowsError(try extract.roadNetwork()) { error in
            XCTAssertEqual(error as? RoadNetworkError, .noUsableRoads(osmWays: 1))
        }
    }

    func testASerializedNetworkReadsBackTheSame() throws {
        let network = try Maps.motorwayAndTrunk().roadNetwork()
        let blob = network.serialized()
        let copy = try RoadNetwork(serialized: blob)
        XCTAssertEqual(copy.digest, network.digest)
        XCTAssertEqual(copy.statistics, network.statistics)
        XCTAssertEqual(copy.bounds, network.bounds)
        XCTAssertEqual(copy.serialized(), blob)
        XCTAssertEqual(network.digest.count, 16)
        let from = Maps.westOfMotorway, to = Maps.eastOfMotorway
        for user in RoadUser.allCases {
            XCTAssertEqual(
                RoadRouter(network: copy).journeys(from: from, to: [to], user: user, metresPerSecond: 2),
                RoadRouter(network: network).journeys(from: from, to: [to], user: user, metresPerSecond: 2), "\(user)")
        }
        XCTAssertNotEqual(try Maps.oneWayLoop().roadNetwork().digest, network.digest)
    }

    func testADamagedBlobIsRefusedWithAClearError() throws {
        let blob = try Maps.riverWithOneBridge().roadNetwork().serialized()
        var flipped = blob
        flipped[blob.count / 2] ^= 0x40
        for damaged in [flipped, blob.prefix(blob.count - 5), Data(), Data("not a network".utf8)] {
            XCTAssertThrowsError(try RoadNetwork(serialized: damaged)) { error in
                guard case .damaged = error as? RoadNetworkError else { return XCTFail("\(error)") }
                XCTAssertTrue(error.localizedDescription.contains("stored road network is damaged"), error.localizedDescription)
            }
        }
    }

    func testANetworkOfAnotherFormatVersionIsRefused() throws {
        var bytes = [UInt8](try Maps.riverWithOneBridge().roadNetwork().serialized())
        bytes[8] = 99
        let checksum = RoadNetwork.fnv1a(bytes[..<(bytes.count - 8)])
        withUnsafeBytes(of: checksum.littleEndian) { bytes.replaceSubrange((bytes.count - 8)..., with: $0) }
        XCTAssertThrowsError(try RoadNetwork(serialized: Data(bytes))) { error in
            XCTAssertEqual(error as? RoadNetworkError, .unsupportedVersion(found: 99, supported: 1))
        }
    }
}
