import XCTest
@testable import MealCore

/// The GeoJSON model every GeoJSON output is written with: RFC 7946 nesting, `[lon, lat]`,
/// 6 decimals, closed rings; and the registry as Points with phones masked.
final class GeoJSONTests: XCTestCase {
    func testGeometriesKeepTheirNestingLongitudeFirstAndSixDecimals() throws {
        let home = try GeoPoint(latitude: 28.23233449, longitude: 117.04180351)
        let point = GeoJSON.Geometry.point(at: home)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: JSONEncoder().encode(point)) as? [String: Any])
        XCTAssertEqual(object["type"] as? String, "Point")
        XCTAssertEqual(object["coordinates"] as? [Double], [117.041804, 28.232334])

        let a = GeoJSON.Position(home), b = GeoJSON.Position(longitude: 117.05, latitude: 28.24)
        for geometry: GeoJSON.Geometry in [point, .lineString([a, b]), .multiLineString([[a, b], [b, a]]),
                                           .circle(around: home, metres: 500)] {
            let decoded = try JSONDecoder().decode(GeoJSON.Geometry.self, from: JSONEncoder().encode(geometry))
            XCTAssertEqual(decoded, geometry, geometry.type)
        }
        let lines = try XCTUnwrap(try JSONSerialization.jsonObject(
            with: JSONEncoder().encode(GeoJSON.Geometry.multiLineString([[a, b]]))) as? [String: Any])
        XCTAssertEqual(lines["coordinates"] as? [[[Double]]], [[[117.041804, 28.232334], [117.05, 28.24]]])
    }

    func testTheCircleIsAClosedRingAtItsRadius() throws {
        let canteen = try GeoPoint(latitude: 28.247103, longitude: 117.035747)
        guard case .polygon(let rings) = GeoJSON.Geometry.circle(around: canteen, metres: 692.3) else {
            return XCTFail("a circle is a polygon")
        }
        XCTAssertEqual(rings.count, 1)
        let ring = try XCTUnwrap(rings.first)
        XCTAssertEqual(ring.count, 65, "64 corners, the first repeated last")
        XCTAssertEqual(ring.first, ring.last)
        for corner in ring {
            let place = try GeoPoint(latitude: corner.latitude, longitude: corner.longitude)
            XCTAssertEqual(place.greatCircleMetres(to: canteen), 692.3, accuracy: 2)
        }
        // Anticlockwise (RFC 7946 outer ring): the shoelace area is positive.
        let area = zip(ring, ring.dropFirst()).reduce(0.0) { $0 + $1.0.longitude * $1.1.latitude - $1.1.longitude * $1.0.latitude }
        XCTAssertGreaterThan(area, 0)
    }

    func testRegistryPointsCarryTheExportedColumnsWithPhonesMasked() throws {
        let canteen = try Canteen(id: "C1", name: "甲", location: GeoPoint(latitude: 28.2, longitude: 117.5),
                                  kitchenCapacity: 30, phone: "13812345678")
        let diner = try Diner(id: "D1", name: "王芳", location: GeoPoint(latitude: 28.21, longitude: 117.01),
                              address: "信江路1号", phone: "13912345678", emergencyContact: "女儿 13900001111")
        let bytes = RegistryExport.geojson(canteens: [canteen], diners: [diner])
        let collection = try JSONDecoder().decode(GeoJSON.FeatureCollection<[String: JSONValue]>.self, from: Data(bytes))
        XCTAssertEqual(collection.type, "FeatureCollection")
        XCTAssertEqual(collection.features.map { $0.properties["kind"] }, [.string("canteen"), .string("diner")])
        XCTAssertEqual(collection.features.map(\.geometry), [.point(GeoJSON.Position(longitude: 117.5, latitude: 28.2)),
                                                            .point(GeoJSON.Position(longitude: 117.01, latitude: 28.21))])
        let dinerProperties = collection.features[1].properties
        XCTAssertEqual(dinerProperties["phone"], .string("139****5678"))
        XCTAssertEqual(dinerProperties["emergency_contact"], .string("女儿 139****1111"))
        XCTAssertEqual(collection.features[0].properties["kitchen_capacity"], .integer(30))
        let unmasked = String(decoding: RegistryExport.geojson(canteens: [], diners: [diner], options: .init(unmaskedPhones: true)),
                              as: UTF8.self)
        XCTAssertTrue(unmasked.contains("13912345678"))
    }
}
