import XCTest
import MealCore
import MealRoads
@testable import MealPlanner

/// The road network's model through the planner, on maps drawn by hand in metres so the times
/// can be checked on paper: a river with one far bridge, a stair a wheelchair must go round, a
/// home beyond the snap distance.
final class NetworkTravelModelTests: XCTestCase {
    static let base = (lat: 28.45, lon: 117.95)
    static let metresPerDegree = 6_371_008.8 * Double.pi / 180
    let wednesday = try! ServiceDay(date: "2026-11-25")

    static func point(east: Double, north: Double) -> GeoPoint {
        try! GeoPoint(latitude: base.lat + north / metresPerDegree,
                      longitude: base.lon + east / (metresPerDegree * cos(base.lat * Double.pi / 180)))
    }

    struct Map {
        var extract = OSMExtract()
        mutating func node(_ id: Int64, east: Double, north: Double) {
            let point = NetworkTravelModelTests.point(east: east, north: north)
            extract.nodes.append(OSMNode(id: id, latitude: point.latitude, longitude: point.longitude))
        }
        mutating func way(_ id: Int64, _ nodes: [Int64], _ tags: [String: String]) {
            extract.ways.append(OSMWay(id: id, nodeIDs: nodes, tags: tags.sorted { $0.key < $1.key }.map { OSMTag($0.key, $0.value) }))
        }
        func roads() throws -> NetworkRoads {
            var builder = RoadNetworkBuilder()
            for node in extract.nodes { try builder.receive(node) }
            for way in extract.ways { try builder.receive(way) }
            return NetworkRoads(network: try builder.build())
        }
    }

    /// The Xin River along north = 0, streets on both banks (north ±20) from east −2000 to 2000,
    /// and one footbridge at east 1500.
    static func riverWithFarBridge() -> Map {
        var map = Map()
        for (index, east) in [-2000.0, 0, 1500, 2000].enumerated() {
            map.node(Int64(10 + index), east: east, north: -20)
            map.node(Int64(20 + index), east: east, north: 20)
        }
        map.way(1, [10, 11, 12, 13], ["highway": "residential", "name": "南岸路"])
        map.way(2, [20, 21, 22, 23], ["highway": "residential", "name": "北岸路"])
        map.way(3, [12, 22], ["highway": "footway", "bridge": "yes", "name": "信江桥"])
        return map
    }

    func canteen(at location: GeoPoint) throws -> Canteen {
        try Canteen(id: "C1", name: "江北食堂", community: "江边街道", location: location, seats: 20,
                    sittings: [Sitting(parsing: "11:00-12:00")], kitchenCapacity: 50, diets: [],
                    openDays: Weekdays(parsing: "1234567"))
    }

    func diner(_ id: DinerID, _ location: GeoPoint, _ mobility: Mobility = .independent,
               mode: ServicePreference = .dineIn) throws -> Diner {
        try Diner(id: id, name: "老人\(id)", community: "江边街道", location: location, mobility: mobility, mode: mode,
                  diets: [], priority: .normal)
    }

    func plan(_ canteens: [Canteen], _ couriers: [Courier], _ diners: [Diner], _ travel: TravelChoice) throws -> DayPlan {
        try DayPlanner(canteens: canteens, couriers: couriers, diners: diners,
                       settings: DayPlanner.Settings(seed: 1, createdBy: "test", travel: travel)).plan(day: wednesday).plan
    }

    func testTheRiverPutsTheDinerAcrossOutsideTheCircleAndTheFarHomeOffTheNetwork() throws {
        let roads = try Self.riverWithFarBridge().roads()
        let kitchen = try canteen(at: Self.point(east: 0, north: 40))
        let courier = try Courier(id: "K1", name: "送餐员", canteenID: "C1", vehicle: .ebike, capacity: 10,
                                  shift: TimeWindow(parsing: "10:30-13:00"))
        let diners = [
            try diner("D1", Self.point(east: 0, north: -60)),            // 100 m by the crow, across the river
            try diner("D2", Self.point(east: 300, north: 40)),           // same bank: 20 + 300 + 20 m
            try diner("D3", Self.point(east: 0, north: -400), mode: .auto), // 380 m from the nearest street
        ]
        let model = NetworkTravelModel(roads: roads)
        // Across: 40 + 1500 + 40 (bridge) + 1500 + 20 m at 1 m/s.
        XCTAssertEqual(Double(try XCTUnwrap(model.seconds(from: diners[0].location, to: kitchen.location, by: .walking(.independent)))),
                       3100, accuracy: 1)
        XCTAssertEqual(Double(try XCTUnwrap(model.seconds(from: diners[1].location, to: kitchen.location, by: .walking(.independent)))),
                       340, accuracy: 1)
        XCTAssertEqual(model.placement(of: diners[2].location, by: .walking(.independent)), .offNetwork(limitMetres: 300))

        let onStreets = try plan([kitchen], [courier], diners, .network(roads))
        XCTAssertEqual(onStreets.travel, .network(digest: roads.digest))
        XCTAssertEqual(onStreets.assignments.map(\.dinerID), ["D2"])
        XCTAssertEqual(onStreets.unserved.map(\.dinerID), ["D1", "D3"])
        XCTAssertEqual(onStreets.unserved.map(\.reason), [.outsideRadius, .homeOffNetwork])
        XCTAssertEqual(onStreets.unserved[1].detail, "home off the street network: no street usable on foot at this "
                       + "diner's pace (independent) or by a courier's ebike within 300 m")

        let byRuler = try plan([kitchen], [courier], diners, .straight)
        XCTAssertEqual(byRuler.assignments.map(\.dinerID), ["D1", "D2", "D3"], "the ruler puts all three inside")

        let reach = ServiceReach(canteens: [kitchen], couriers: [courier], parameters: .standard, day: wednesday)
        let comparison = CircleComparison(diners: diners, ruler: reach, network: reach.with(model: model))
        XCTAssertEqual(comparison.outsideOnlyOnNetwork, ["D1", "D3"])
        XCTAssertEqual(comparison.insideOnlyOnNetwork, [])
        XCTAssertEqual([comparison.insideByRuler, comparison.insideByNetwork], [3, 1])
    }

    /// A stair from the bottom (0, 0) straight up to the top (0, 100); the ramp goes round by
    /// (500, 0) and (500, 100): 1100 m. The canteen is beside the top, two homes beside the bottom.
    func testAWheelchairGoesRoundTheStairsAndIsOutsideTheCircleWhereAWalkerOnFootIsInside() throws {
        var map = Map()
        map.node(1, east: 0, north: 0)
        map.node(2, east: 0, north: 100)
        map.node(3, east: 500, north: 0)
        map.node(4, east: 500, north: 100)
        map.way(1, [1, 2], ["highway": "steps"])
        map.way(2, [1, 3, 4, 2], ["highway": "footway"])
        let roads = try map.roads()
        let kitchen = try canteen(at: Self.point(east: -10, north: 100))
        let bottom = Self.point(east: -10, north: 0)
        let diners = [try diner("D1", bottom, .independent), try diner("D2", bottom, .wheelchair)]
        let model = NetworkTravelModel(roads: roads)
        XCTAssertEqual(Double(try XCTUnwrap(model.seconds(from: bottom, to: kitchen.location, by: .walking(.independent)))),
                       120, accuracy: 1, "10 + 100 (the stair) + 10 m at 1 m/s")
        XCTAssertEqual(Double(try XCTUnwrap(model.seconds(from: bottom, to: kitchen.location, by: .walking(.wheelchair)))),
                       1120 / 0.8, accuracy: 1, "10 + 1100 (round) + 10 m at 0.8 m/s")

        let onStreets = try plan([kitchen], [], diners, .network(roads))
        XCTAssertEqual(onStreets.assignments.map(\.dinerID), ["D1"])
        XCTAssertEqual(onStreets.unserved.map(\.dinerID), ["D2"])
        XCTAssertEqual(onStreets.unserved.map(\.reason), [.outsideRadius])
        XCTAssertEqual(try plan([kitchen], [], diners, .straight).assignments.map(\.dinerID), ["D1", "D2"])
    }

    func testBatchedQueriesGiveThePairByPairFiguresAndTheSamePlanTwice() throws {
        var map = Self.riverWithFarBridge()
        // A one-way street north of the river, from (0, 20) up to (0, 200), east to (1500, 200) and back down.
        map.node(30, east: 0, north: 200)
        map.node(31, east: 1500, north: 200)
        map.way(4, [21, 30, 31, 22], ["highway": "residential", "oneway": "yes"])
        let roads = try map.roads()
        let model = NetworkTravelModel(roads: roads)
        let places = [(0.0, 40.0), (300, 40), (0, -60), (1400, -30), (-1900, 25), (0, -400), (700, 190), (20, 120)]
            .map { Self.point(east: $0.0, north: $0.1) }
        for mode in [TravelMode.walking(.walker), .courier(.ebike), .courier(.car)] {
            let pairByPair = places.map { origin in places.map { model.seconds(from: origin, to: $0, by: mode) } }
            XCTAssertEqual(model.secondsMatrix(among: places, by: mode), pairByPair, "\(mode)")
            for (index, place) in places.enumerated() {
                XCTAssertEqual(model.seconds(fromEach: places, to: place, by: mode, within: nil), pairByPair.map { $0[index] }, "\(mode)")
            }
        }
        XCTAssertEqual(model.seconds(from: places[0], toEach: places, by: .walking(.bedridden), within: nil),
                       places.map { _ in nil }, "a bedridden diner does not walk")

        // Beside the two-way bank street: a kitchen on the one-way street would send every round north first.
        let kitchen = try canteen(at: places[1])
        let courier = try Courier(id: "K1", name: "送餐员", canteenID: "C1", vehicle: .tricycle, capacity: 10,
                                  shift: TimeWindow(parsing: "10:30-13:00"))
        let diners = try (1...6).map { try diner(DinerID("D\($0)"), Self.point(east: Double($0) * 150 - 500, north: 45),
                                                 .bedridden, mode: .delivery) }
        let first = try plan([kitchen], [courier], diners, .network(roads))
        let second = try plan([kitchen], [courier], diners, .network(NetworkRoads(network: roads.router.network)))
        XCTAssertEqual(first.rounds, second.rounds)
        XCTAssertEqual(first.assignments, second.assignments)
        XCTAssertFalse(first.rounds.isEmpty)
    }

    func testTheCircleOnTheStreetsStopsAtTheRiverAndListsTheDinersInsideByID() throws {
        let roads = try Self.riverWithFarBridge().roads()
        let kitchen = try canteen(at: Self.point(east: 0, north: 40))
        let diners = [try diner("D1", Self.point(east: 0, north: -60)), try diner("D2", Self.point(east: 300, north: 40), .walker)]
        let reach = CircleReach(canteen: kitchen, diners: diners, as: .independent, model: NetworkTravelModel(roads: roads),
                                radiusSeconds: 900)
        XCTAssertEqual(reach.diners.map(\.id), ["D2"], "D1 is across the river, 3100 m away by the bridge")
        XCTAssertEqual(reach.diners.map(\.seconds), [340])
        XCTAssertFalse(reach.streets.isEmpty)
        XCTAssertTrue(reach.streets.allSatisfy { $0.fromSeconds <= 900 && $0.toSeconds <= 900 })
        let southernmost = reach.streets.flatMap { [$0.from.latitude, $0.to.latitude] }.min()!
        XCTAssertGreaterThan(southernmost, Self.point(east: 0, north: 0).latitude, "nothing south of the river")
        // 20 m onto the street, then 880 s of it each way along the north bank.
        XCTAssertEqual(reach.streetKilometres, 1.76, accuracy: 0.01)
        XCTAssertTrue(reach.text.contains("diners inside: 1 (1 walker)"), reach.text)

        let geojson = CircleReachGeoJSON(reach)
        let decoded = try JSONDecoder().decode(CircleReachGeoJSON.self, from: JSONEncoder().encode(geojson))
        XCTAssertEqual(decoded, geojson)
        XCTAssertEqual(geojson.features.filter { $0.properties.kind == "diner" }.map(\.properties.id), ["D2"])
        XCTAssertEqual(geojson.features.filter { $0.geometry.type == "LineString" }.count, reach.streets.count)
    }
}
