import Foundation
import XCTest

/// `export plan --format geojson` and `export registry --format geojson` on the bundled district,
/// read as a GIS program reads them (RFC 7946): a FeatureCollection of valid geometries, every
/// position `[longitude, latitude]` inside the district, one feature per canteen, diner, trip and
/// reach outline. One planning run per travel model, since planning the district takes a while.
final class GeoJSONExportTests: XCTestCase {
    /// Yuehu district (Shangrao): longitudes about 117.0, latitudes about 28.2; a swapped pair
    /// falls outside both.
    static let longitudes = 116.8...117.3
    static let latitudes = 28.0...28.5
    let networkDate = "2026-11-25"
    let straightDate = "2026-11-26"

    func testPlansOnTheStreetsAndOnTheStraightLineAsGeoJSON() throws {
        let cli = try CLIRunner()
        let fixtures = CLIRunner.packageRoot.appendingPathComponent("Fixtures").path
        XCTAssertEqual(try cli.run(["init", "--with-fixture", "yuehu", "--fixtures-dir", fixtures]).status, 0)
        let onStreets = try cli.run(["plan", "--date", networkDate])
        XCTAssertEqual(onStreets.status, 0, onStreets.stderr)
        let straight = try cli.run(["plan", "--date", straightDate, "--travel", "straight"])
        XCTAssertEqual(straight.status, 0, straight.stderr)
        let canteens = try jsonArray(cli.run(["export", "canteens", "--format", "json"]))

        for (date, reachGeometry, model) in [(networkDate, "MultiLineString", "network"), (straightDate, "Polygon", "straight")] {
            let written = try cli.run(["export", "plan", "--date", date, "--format", "geojson", "--out", "plan-\(date).geojson"])
            XCTAssertEqual(written.status, 0, written.stderr)
            let collection = try XCTUnwrap(try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: cli.path("plan-\(date).geojson")))) as? [String: Any])
            let features = try validFeatureCollection(collection)
            let plan = try XCTUnwrap(try JSONSerialization.jsonObject(
                with: Data(cli.run(["export", "plan", "--date", date]).stdout.utf8)) as? [String: Any])
            let assignments = try XCTUnwrap(plan["assignments"] as? [[String: Any]])
            let unserved = try XCTUnwrap(plan["unserved"] as? [[String: Any]])
            let trips = try XCTUnwrap(plan["routes"] as? [[String: Any]]).flatMap { try XCTUnwrap($0["trips"] as? [Any]) }
            XCTAssertFalse(trips.isEmpty)

            let byKind = Dictionary(grouping: features) { ($0["properties"] as? [String: Any])?["kind"] as? String ?? "" }
            XCTAssertEqual(Set(byKind.keys), ["canteen", "diner", "round", "reach"])
            XCTAssertEqual(byKind["canteen"]?.count, canteens.count, "one point per canteen")
            XCTAssertEqual(byKind["diner"]?.count, assignments.count + unserved.count, "one point per diner in the plan")
            XCTAssertEqual(byKind["round"]?.count, trips.count, "one line per trip")
            XCTAssertEqual(byKind["reach"]?.count, canteens.count, "one reach outline per canteen")

            try checkCanteens(byKind["canteen"] ?? [])
            try checkDiners(byKind["diner"] ?? [], date: date, unserved: unserved.count)
            try checkRounds(byKind["round"] ?? [], date: date)
            for reach in byKind["reach"] ?? [] {
                XCTAssertEqual(geometry(reach)["type"] as? String, reachGeometry, date)
                let properties = try XCTUnwrap(reach["properties"] as? [String: Any])
                XCTAssertEqual(properties["model"] as? String, model)
                XCTAssertEqual(properties["pace"] as? String, "independent")
                XCTAssertEqual(properties["radius_seconds"] as? Int, 900)
                XCTAssertNotNil(properties["canteen"] as? String)
            }
            if model == "straight" {
                let circle = try XCTUnwrap(byKind["reach"]?.first?["properties"] as? [String: Any])
                XCTAssertEqual(try XCTUnwrap(circle["radius_m"] as? Double), 900 * 1.0 / 1.3, accuracy: 1, "the ruler's circle")
            } else {
                let streets = (byKind["reach"] ?? []).compactMap { geometry($0)["coordinates"] as? [Any] }
                XCTAssertGreaterThan(streets.map(\.count).reduce(0, +), 100, "stretches of street inside the circles")
            }
        }
    }

    func testRegistryAsGeoJSONWithPhonesMaskedUnlessAsked() throws {
        let cli = try CLIRunner()
        let fixtures = CLIRunner.packageRoot.appendingPathComponent("Fixtures").path
        XCTAssertEqual(try cli.run(["init", "--with-fixture", "yuehu", "--fixtures-dir", fixtures]).status, 0)
        let canteens = try jsonArray(cli.run(["export", "canteens", "--format", "json"]))
        let diners = try jsonArray(cli.run(["export", "diners", "--format", "json"]))

        let exported = try cli.run(["export", "registry", "--format", "geojson"])
        XCTAssertEqual(exported.status, 0, exported.stderr)
        let collection = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(exported.stdout.utf8)) as? [String: Any])
        let features = try validFeatureCollection(collection)
        let kinds = features.map { ($0["properties"] as? [String: Any])?["kind"] as? String }
        XCTAssertEqual(kinds.filter { $0 == "canteen" }.count, canteens.count)
        XCTAssertEqual(kinds.filter { $0 == "diner" }.count, diners.count)
        XCTAssertEqual(features.count, canteens.count + diners.count)

        let first = try XCTUnwrap(features.first { ($0["properties"] as? [String: Any])?["id"] as? String == "D00001" })
        let properties = try XCTUnwrap(first["properties"] as? [String: Any])
        XCTAssertEqual(properties["name"] as? String, "熊明华")
        XCTAssertEqual(properties["phone"] as? String, "155****0929")
        XCTAssertEqual(properties["emergency_contact"] as? String, "邻居 吴勇 150****9422")
        XCTAssertEqual(properties["birth_year"] as? Int, 1950)
        XCTAssertEqual(geometry(first)["coordinates"] as? [Double], [117.041803, 28.232334], "[longitude, latitude]")
        XCTAssertNil(exported.stdout.range(of: #"1[3-9][0-9]{9}"#, options: .regularExpression), "no phone in full")

        let unmasked = try cli.run(["export", "registry", "--format", "geojson", "--unmasked"])
        XCTAssertTrue(unmasked.stdout.contains("15527700929"), "--unmasked shows phones in full")

        let couriers = try cli.run(["export", "couriers", "--format", "geojson"])
        XCTAssertEqual(couriers.status, 64)
        XCTAssertTrue(couriers.stderr.contains("couriers have no place on a map: geojson is for canteens, diners, registry and plan"), couriers.stderr)
        let registryCSV = try cli.run(["export", "registry", "--format", "csv"])
        XCTAssertEqual(registryCSV.status, 64)
        XCTAssertTrue(registryCSV.stderr.contains("the registry is exported as GeoJSON (--format geojson)"), registryCSV.stderr)
    }

    // MARK: - What a GIS program checks

    /// The collection's features, after checking the GeoJSON structure of every one.
    func validFeatureCollection(_ collection: [String: Any], file: StaticString = #filePath, line: UInt = #line) throws
        -> [[String: Any]] {
        XCTAssertEqual(collection["type"] as? String, "FeatureCollection", file: file, line: line)
        let features = try XCTUnwrap(collection["features"] as? [[String: Any]], file: file, line: line)
        XCTAssertFalse(features.isEmpty, file: file, line: line)
        for feature in features {
            XCTAssertEqual(feature["type"] as? String, "Feature", file: file, line: line)
            XCTAssertNotNil((feature["properties"] as? [String: Any])?["kind"] as? String, "\(feature)", file: file, line: line)
            try checkGeometry(geometry(feature), file: file, line: line)
        }
        return features
    }

    func geometry(_ feature: [String: Any]) -> [String: Any] { feature["geometry"] as? [String: Any] ?? [:] }

    func checkGeometry(_ geometry: [String: Any], file: StaticString, line: UInt) throws {
        let coordinates = try XCTUnwrap(geometry["coordinates"], "\(geometry)", file: file, line: line)
        switch geometry["type"] as? String {
        case "Point":
            try checkPosition(coordinates, file: file, line: line)
        case "LineString":
            try checkLine(coordinates, file: file, line: line)
        case "MultiLineString":
            for line_ in try XCTUnwrap(coordinates as? [Any], file: file, line: line) { try checkLine(line_, file: file, line: line) }
        case "Polygon":
            let rings = try XCTUnwrap(coordinates as? [[Any]], file: file, line: line)
            XCTAssertFalse(rings.isEmpty, file: file, line: line)
            for ring in rings {
                XCTAssertGreaterThanOrEqual(ring.count, 4, "a linear ring", file: file, line: line)
                for position in ring { try checkPosition(position, file: file, line: line) }
                XCTAssertEqual(ring.first as? [Double], ring.last as? [Double], "a closed ring", file: file, line: line)
            }
        default:
            XCTFail("not a geometry this export writes: \(geometry)", file: file, line: line)
        }
    }

    func checkLine(_ coordinates: Any, file: StaticString, line: UInt) throws {
        let positions = try XCTUnwrap(coordinates as? [Any], file: file, line: line)
        XCTAssertGreaterThanOrEqual(positions.count, 2, "a line has two positions or more", file: file, line: line)
        for position in positions { try checkPosition(position, file: file, line: line) }
    }

    func checkPosition(_ coordinates: Any, file: StaticString, line: UInt) throws {
        let position = try XCTUnwrap(coordinates as? [Double], "\(coordinates)", file: file, line: line)
        XCTAssertEqual(position.count, 2, file: file, line: line)
        guard position.count == 2 else { return }
        XCTAssertTrue(Self.longitudes.contains(position[0]), "longitude first: \(position)", file: file, line: line)
        XCTAssertTrue(Self.latitudes.contains(position[1]), "latitude second: \(position)", file: file, line: line)
        for value in position {
            XCTAssertEqual(value, (value * 1e6).rounded() / 1e6, "six decimals: \(value)", file: file, line: line)
        }
    }

    // MARK: - The plan's properties

    func checkCanteens(_ canteens: [[String: Any]]) throws {
        for canteen in canteens {
            let properties = try XCTUnwrap(canteen["properties"] as? [String: Any])
            XCTAssertEqual(geometry(canteen)["type"] as? String, "Point")
            XCTAssertNotNil(properties["id"] as? String)
            XCTAssertFalse((properties["name"] as? String ?? "").isEmpty)
            XCTAssertNotNil(properties["seats"] as? Int)
            XCTAssertNotNil(properties["served"] as? Int)
        }
    }

    func checkDiners(_ diners: [[String: Any]], date: String, unserved: Int) throws {
        var modes: [String: Int] = [:]
        for diner in diners {
            let properties = try XCTUnwrap(diner["properties"] as? [String: Any])
            XCTAssertEqual(geometry(diner)["type"] as? String, "Point")
            XCTAssertNotNil(properties["id"] as? String)
            let mode = try XCTUnwrap(properties["mode"] as? String)
            modes[mode, default: 0] += 1
            switch mode {
            case "unserved":
                XCTAssertNotNil(properties["reason"] as? String, "\(properties)")
                XCTAssertNil(properties["canteen"])
            case "delivery":
                XCTAssertNotNil(properties["courier"] as? String)
                XCTAssertNotNil(properties["canteen"] as? String)
                XCTAssertNotNil(properties["trip"] as? Int)
                let arrival = try XCTUnwrap(properties["arrival"] as? String)
                XCTAssertNotNil(arrival.range(of: #"^1[0-4]:[0-5][0-9]$"#, options: .regularExpression), arrival)
                XCTAssertTrue((properties["arrival_iso"] as? String ?? "").hasPrefix("\(date)T\(arrival):"), "\(properties)")
                XCTAssertTrue((properties["arrival_iso"] as? String ?? "").hasSuffix("+08:00"), "\(properties)")
            case "dine_in":
                XCTAssertNotNil(properties["canteen"] as? String)
                XCTAssertNotNil(properties["sitting"] as? String)
            case "pickup":
                XCTAssertNotNil(properties["canteen"] as? String)
            default:
                XCTFail("mode \(mode)")
            }
        }
        XCTAssertEqual(modes["unserved"] ?? 0, unserved)
        XCTAssertGreaterThan(modes["delivery"] ?? 0, 0)
        XCTAssertGreaterThan(modes["dine_in"] ?? 0, 0)
    }

    func checkRounds(_ rounds: [[String: Any]], date: String) throws {
        for round in rounds {
            let properties = try XCTUnwrap(round["properties"] as? [String: Any])
            XCTAssertEqual(geometry(round)["type"] as? String, "LineString")
            let line = try XCTUnwrap(geometry(round)["coordinates"] as? [[Double]])
            XCTAssertEqual(line.first, line.last, "out of the canteen and back")
            XCTAssertEqual(line.count, try XCTUnwrap(properties["stops"] as? Int) + 2)
            XCTAssertNotNil(properties["courier"] as? String)
            XCTAssertNotNil(properties["canteen"] as? String)
            XCTAssertGreaterThanOrEqual(try XCTUnwrap(properties["trip"] as? Int), 1)
            let depart = try XCTUnwrap(properties["depart"] as? String)
            let back = try XCTUnwrap(properties["return"] as? String)
            XCTAssertLessThan(depart, back)
            XCTAssertTrue((properties["depart_iso"] as? String ?? "").hasPrefix("\(date)T\(depart):"), "\(properties)")
            XCTAssertTrue((properties["return_iso"] as? String ?? "").hasSuffix("+08:00"), "\(properties)")
        }
    }

    func jsonArray(_ result: CLIRunner.Result) throws -> [[String: Any]] {
        XCTAssertEqual(result.status, 0, result.stderr)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }
}
