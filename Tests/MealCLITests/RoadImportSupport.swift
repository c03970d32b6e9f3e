import Foundation
import GRDB
import MealCore
import MealRoads
import XCTest

/// A small street map drawn by hand in metres east and north of (28.25, 117.03), and a registry
/// around it, for `import roads`. What the network keeps is worked out on paper:
///
/// ```
///  4 ──w2 oneway──► 5 ────────► 6        w1, w2: residential (w2 one-way, east)
///  │                ┊           ▲        w3 (2–5): steps      w4 (1–4): footway
///  w4 footway       w3 steps    w6 motorway (3→6, one-way implied)
///  │                ┊           │        w5 (7–8): a river, not a road
///  1 ──────w1────── 2 ───────── 3        blocks of 1,000 m
/// ```
///
/// Directed edges per traveller: foot 4 + 4 + 2 + 2 = 12; walker and wheelchair 4 + 4 + 2 = 10
/// (no steps); cycle 4 + 2 = 6 (one-way w2; no footway, steps or motorway); car 4 + 2 + 1 = 7.
enum HandMadeRoads {
    static let baseLatitude = 28.25
    static let baseLongitude = 117.03
    static let metresPerDegree = 6_371_008.8 * Double.pi / 180

    static func point(east: Double, north: Double) -> RoadPoint {
        RoadPoint(latitude: baseLatitude + north / metresPerDegree,
                  longitude: baseLongitude + east / (metresPerDegree * cos(baseLatitude * Double.pi / 180)))
    }

    /// The map; `shiftedBy` moves every node (an extract of somewhere else), `extraWay` adds a
    /// residential street 1–5 (the file changed).
    static func extract(shiftedBy shift: (latitude: Double, longitude: Double) = (0, 0), extraWay: Bool = false,
                        roads: Bool = true) -> OSMExtract {
        var extract = OSMExtract()
        let places: [(Int64, Double, Double)] = [(1, 0, 0), (2, 1000, 0), (3, 2000, 0), (4, 0, 1000), (5, 1000, 1000),
                                                 (6, 2000, 1000), (7, 2600, -200), (8, 2600, 1200)]
        for (id, east, north) in places {
            let p = point(east: east, north: north)
            extract.nodes.append(OSMNode(id: id, latitude: p.latitude + shift.latitude, longitude: p.longitude + shift.longitude))
        }
        func way(_ id: Int64, _ nodes: [Int64], _ tags: [(String, String)]) {
            extract.ways.append(OSMWay(id: id, nodeIDs: nodes, tags: tags.map { OSMTag($0.0, $0.1) }))
        }
        if roads {
            way(1, [1, 2, 3], [("highway", "residential"), ("name", "滨江路")])
            way(2, [4, 5, 6], [("highway", "residential"), ("oneway", "yes")])
            way(3, [2, 5], [("highway", "steps")])
            way(4, [1, 4], [("highway", "footway")])
        }
        way(5, [7, 8], [("waterway", "river"), ("name", "信江")])
        if roads { way(6, [3, 6], [("highway", "motorway")]) }
        if extraWay { way(7, [1, 5], [("highway", "residential")]) }
        return extract
    }

    static func coordinates(east: Double, north: Double) -> String {
        let p = point(east: east, north: north)
        return String(format: "%.6f,%.6f", p.latitude, p.longitude)
    }
}

extension CLIRunner {
    /// A database with one canteen and three active diners on the hand-made map (D3 500 m from
    /// every road, inside its bounds), a paused diner far away, and `extraDiner` (CSV row) if given.
    static func handMadeRoadDistrict(extraDiner: String? = nil) throws -> CLIRunner {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        let c = HandMadeRoads.coordinates
        try cli.write("canteens.csv", """
            id,name,community,lat,lon,seats,sittings,kitchen_capacity
            C1,江边长者食堂,江边街道,\(c(1000, 50)),10,11:00-12:00,20
            """)
        try cli.write("couriers.csv", "id,name,canteen_id,vehicle,capacity,shift_start,shift_end,phone\n")
        try cli.write("diners.csv", """
            id,name,community,lat,lon,address,phone,mode,status
            D1,王秀英,江边街道,\(c(500, 100)),滨江路12号,13612340001,dine_in,active
            D2,李桂兰,江边街道,\(c(1900, 900)),滨江路8号,13812345678,delivery,active
            D3,赵德明,江边街道,\(c(1500, 500)),田间1号,13512349999,delivery,active
            D4,钱多多,远山村,\(c(40_000, 40_000)),远山村1号,13300005555,dine_in,paused
            """ + (extraDiner.map { "\n" + $0 } ?? ""))
        for kind in ["canteens", "diners"] {
            let imported = try cli.run(["import", kind, "\(kind).csv"])
            XCTAssertEqual(imported.status, 0, imported.stderr)
        }
        return cli
    }

    func writeData(_ name: String, _ data: Data) throws {
        try data.write(to: directory.appendingPathComponent(name))
    }

    /// Every row of the database, to prove a refused import wrote nothing.
    func databaseContent() throws -> String {
        try AppDatabase.open(path: path("meals.db")).contentSnapshot()
    }

    /// The stored network's rows and the change log's road imports, read straight from the file.
    func roadRows() throws -> (networks: [String], logged: [String]) {
        let queue = try DatabaseQueue(path: path("meals.db"))
        defer { try? queue.close() }
        return try queue.read { db in
            (try String.fetchAll(db, sql: "SELECT digest FROM road_network"),
             try Row.fetchAll(db, sql: "SELECT by, subject, detail FROM change_log WHERE action = 'import roads' ORDER BY id")
                .map { "\($0["by"] as String) \($0["subject"] as String) \($0["detail"] as String)" })
        }
    }
}

extension String {
    /// The text with every run of spaces made one, so aligned columns can be asserted on.
    var singleSpaced: String {
        replacingOccurrences(of: " {2,}", with: " ", options: .regularExpression)
    }
}
