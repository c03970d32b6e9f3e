import Foundation
@testable import MealRoads

/// Small street maps drawn by hand in metres east and north of a point in the district, so the
/// shortest times can be worked out on paper. Each is an `OSMExtract`, so the same ways can be
/// written as XML and PBF by the readers' tests.
struct HandMadeMap {
    static let baseLatitude = 28.45
    static let baseLongitude = 117.95
    static let metresPerDegree = 6_371_008.8 * Double.pi / 180

    var extract = OSMExtract()

    /// A place `east` and `north` metres from the base point.
    static func point(east: Double, north: Double) -> RoadPoint {
        RoadPoint(
            latitude: baseLatitude + north / metresPerDegree,
            longitude: baseLongitude + east / (metresPerDegree * cos(baseLatitude * Double.pi / 180)))
    }

    mutating func node(_ id: Int64, east: Double, north: Double) {
        let point = Self.point(east: east, north: north)
        extract.nodes.append(OSMNode(id: id, latitude: point.latitude, longitude: point.longitude))
    }

    mutating func way(_ id: Int64, _ nodes: [Int64], _ tags: [String: String]) {
        extract.ways.append(OSMWay(id: id, nodeIDs: nodes, tags: tags.sorted { $0.key < $1.key }.map { OSMTag($0.key, $0.value) }))
    }
}

enum HandMadeNetworks {
    /// A river along north = 0 with one bridge at east = 500. Streets run along both banks
    /// (north = ±20) from east −1000 to 1000. A home at (0, −150) and a canteen at (0, 150) are
    /// 300 m apart as the crow flies; on the streets: 130 (snap) + 500 + 40 (bridge) + 500 + 130 (snap) = 1300 m.
    static func riverWithOneBridge() -> OSMExtract {
        var map = HandMadeMap()
        for (index, east) in [-1000.0, 0, 500, 1000].enumerated() {
            map.node(Int64(10 + index), east: east, north: -20)
            map.node(Int64(20 + index), east: east, north: 20)
        }
        map.way(1, [10, 11, 12, 13], ["highway": "residential", "name": "南岸路"])
        map.way(2, [20, 21, 22, 23], ["highway": "residential", "name": "北岸路"])
        map.way(3, [12, 22], ["highway": "footway", "bridge": "yes", "name": "信江桥"])
        return map.extract
    }

    static let riverHome = HandMadeMap.point(east: 0, north: -150)
    static let riverCanteen = HandMadeMap.point(east: 0, north: 150)

    /// A stair from A (0, 0) straight up to B (0, 100), and a footway round from A by (200, 0)
    /// and (200, 100) to B: 500 m. `stair` gives the stair's tags (a footway tagged `wheelchair=no`, say).
    static func stairAndRamp(stair: [String: String] = ["highway": "steps"]) -> OSMExtract {
        var map = HandMadeMap()
        map.node(1, east: 0, north: 0)
        map.node(2, east: 0, north: 100)
        map.node(3, east: 200, north: 0)
        map.node(4, east: 200, north: 100)
        map.way(1, [1, 2], stair)
        map.way(2, [1, 3, 4, 2], ["highway": "footway"])
        return map.extract
    }

    static let stairBottom = HandMadeMap.point(east: -10, north: 0)
    static let stairTop = HandMadeMap.point(east: -10, north: 100)

    /// A 300 m square loop (0,0) → (300,0) → (300,300) → (0,300) → back, drawn counter-clockwise
    /// and one-way in that direction (unless `tags` say otherwise).
    static func oneWayLoop(_ tags: [String: String] = ["highway": "residential", "oneway": "yes"], clockwise: Bool = false)
        -> OSMExtract
    {
        var map = HandMadeMap()
        map.node(1, east: 0, north: 0)
        map.node(2, east: 300, north: 0)
        map.node(3, east: 300, north: 300)
        map.node(4, east: 0, north: 300)
        map.way(1, clockwise ? [1, 4, 3, 2, 1] : [1, 2, 3, 4, 1], tags)
        return map.extract
    }

    /// Beside the loop's south side, 10 m off it: the origin at 200 m along it, the destination at 100 m.
    static let loopOrigin = HandMadeMap.point(east: 200, north: -10)
    static let loopDestination = HandMadeMap.point(east: 100, north: -10)

    /// Two north–south residential streets 1000 m apart (east 0 and east 1000, north −100…100),
    /// joined by a motorway at north 0 and a trunk road at north 100, and by a footway round by
    /// the south (north −400): 300 + 1000 + 300 m.
    static func motorwayAndTrunk() -> OSMExtract {
        var map = HandMadeMap()
        for (index, north) in [-100.0, 0, 100].enumerated() {
            map.node(Int64(10 + index), east: 0, north: north)
            map.node(Int64(20 + index), east: 1000, north: north)
        }
        map.node(30, east: 0, north: -400)
        map.node(31, east: 1000, north: -400)
        map.way(1, [10, 11, 12], ["highway": "residential"])
        map.way(2, [20, 21, 22], ["highway": "residential"])
        map.way(3, [11, 21], ["highway": "motorway"])
        map.way(4, [12, 22], ["highway": "trunk"])
        map.way(5, [10, 30, 31, 20], ["highway": "footway"])
        return map.extract
    }

    static let westOfMotorway = HandMadeMap.point(east: -10, north: 0)
    static let eastOfMotorway = HandMadeMap.point(east: 1010, north: 0)

    /// Three ways from X (0, 0) to Y (200, 0): straight (200 m) with `straight` tags, by the north
    /// (0,100)–(200,100) (400 m) with `north` tags, and a footway by the south (0,−200)–(200,−200) (600 m).
    static func threeWaysAcross(straight: [String: String], north: [String: String]) -> OSMExtract {
        var map = HandMadeMap()
        map.node(1, east: 0, north: 0)
        map.node(2, east: 200, north: 0)
        map.node(3, east: 0, north: 100)
        map.node(4, east: 200, north: 100)
        map.node(5, east: 0, north: -200)
        map.node(6, east: 200, north: -200)
        map.way(1, [1, 2], straight)
        map.way(2, [1, 3, 4, 2], north)
        map.way(3, [1, 5, 6, 2], ["highway": "footway"])
        return map.extract
    }

    static let westOfThreeWays = HandMadeMap.point(east: -10, north: 0)
    static let eastOfThreeWays = HandMadeMap.point(east: 210, north: 0)

    /// One straight 1000 m street from (0, 0) to (1000, 0) with the given tags.
    static func straightStreet(_ tags: [String: String]) -> OSMExtract {
        var map = HandMadeMap()
        map.node(1, east: 0, north: 0)
        map.node(2, east: 1000, north: 0)
        map.way(1, [1, 2], tags)
        return map.extract
    }

    /// A line along north = 0 with nodes every 100 m from east 0 to 300 (ids 1…4): a way with
    /// `firstTags` from 1 to 3, one with `lastTags` from 3 to 4.
    static func footwayLine(
        firstTags: [String: String] = ["highway": "footway"], lastTags: [String: String] = ["highway": "footway"]
    ) -> OSMExtract {
        var map = HandMadeMap()
        for index in 0..<4 { map.node(Int64(index + 1), east: Double(index) * 100, north: 0) }
        map.way(1, [1, 2, 3], firstTags)
        map.way(2, [3, 4], lastTags)
        return map.extract
    }

    /// A corner A (0, 0) with a one-way street to or from B (100, 0), drawn first, and a two-way
    /// street to D (0, 100). Snapping A meets both streets at the same distance.
    static func oneWayFromACorner(intoCorner: Bool) -> OSMExtract {
        var map = HandMadeMap()
        map.node(1, east: 0, north: 0)
        map.node(2, east: 100, north: 0)
        map.node(3, east: 0, north: 100)
        map.way(1, intoCorner ? [2, 1] : [1, 2], ["highway": "residential", "oneway": "yes"])
        map.way(2, [1, 3], ["highway": "residential"])
        return map.extract
    }

    static let corner = HandMadeMap.point(east: 0, north: 0)
    static let cornerNorth = HandMadeMap.point(east: 0, north: 100)

    /// A street clipped at the extract's edge: way 1 runs through nodes 1, 2, 99, 3, 4, but
    /// node 99 lies outside the extract. Nodes 100 m apart along north = 0; node 2 at 100, 3 at 300.
    static func clippedStreet() -> OSMExtract {
        var map = HandMadeMap()
        map.node(1, east: 0, north: 0)
        map.node(2, east: 100, north: 0)
        map.node(3, east: 300, north: 0)
        map.node(4, east: 400, north: 0)
        map.way(1, [1, 2, 99, 3, 4], ["highway": "residential"])
        map.way(2, [98, 97], ["highway": "residential"])
        return map.extract
    }
}

extension OSMExtract {
    /// The network of this extract under the standard rules.
    func roadNetwork(_ profiles: RoadProfiles = .standard) throws -> RoadNetwork {
        var builder = RoadNetworkBuilder(profiles: profiles)
        for node in nodes { try builder.receive(node) }
        for way in ways { try builder.receive(way) }
        return try builder.build()
    }

    func roadRouter() throws -> RoadRouter { RoadRouter(network: try roadNetwork()) }
}
