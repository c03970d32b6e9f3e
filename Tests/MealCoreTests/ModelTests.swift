import XCTest
@testable import MealCore

final class ModelTests: XCTestCase {
    func testImpossibleValuesCannotBeConstructed() throws {
        XCTAssertThrowsError(try GeoPoint(latitude: 95, longitude: 117))
        XCTAssertThrowsError(try GeoPoint(latitude: 28, longitude: -181))
        XCTAssertThrowsError(try TimeWindow(parsing: "12:00-11:00"))
        XCTAssertThrowsError(try TimeOfDay(parsing: "11:60"))
        XCTAssertThrowsError(try Weekdays(parsing: "1238"))
        XCTAssertThrowsError(try Sitting.parseList("11:00-12:00;11:30-12:30"), "overlapping sittings")
        let point = try GeoPoint(latitude: 28.24, longitude: 117.03)
        XCTAssertThrowsError(try Diner(id: "D1", name: "王", location: point, mobility: .bedridden, mode: .dineIn))
        XCTAssertThrowsError(try Diner(id: "D 1", name: "王", location: point))
        XCTAssertThrowsError(try Courier(id: "K1", name: "李", canteenID: "C1", vehicle: .ebike, capacity: 0,
                                         shift: TimeWindow(parsing: "10:30-13:00")))
        XCTAssertThrowsError(try Canteen(id: "C1", name: "甲", location: point, seats: 0,
                                         sittings: Sitting.parseList("11:00-12:00"), kitchenCapacity: 10))
    }

    func testTimesAndWeekdaysRoundTripTheirText() throws {
        XCTAssertEqual(try TimeWindow(parsing: " 9:05-11:30 ").description, "09:05-11:30")
        XCTAssertEqual(try TimeOfDay(parsing: "24:00").seconds, 86_400)
        XCTAssertEqual(try Weekdays(parsing: "531").description, "135")
        XCTAssertTrue(try Weekdays(parsing: "135").contains(3))
        XCTAssertFalse(try Weekdays(parsing: "135").contains(2))
    }

    func testOneStrictDateParserRefusesWhatIsNotADate() throws {
        for text in ["2026-+1-05", "2026-02-30", "26-01-01", " 2026-01-01", "2026-01-01 ", "2026-1-+5", "+2026-01-01",
                     "2026-001-01", "2026-13-01", "２０２６-01-01", "2026/01/01", ""] {
            XCTAssertThrowsError(try CalendarDate(parsing: text), "'\(text)' is not a date")
        }
        let date = try CalendarDate(parsing: "2026-12-02")
        XCTAssertEqual(date.description, "2026-12-02")
        XCTAssertEqual(date.isoWeekday, 3)
        XCTAssertEqual(try CalendarDate(parsing: "2024-02-29").adding(days: 1).description, "2024-03-01")
        XCTAssertEqual(try CalendarDate(parsing: "2026-12-31").adding(days: 1).description, "2027-01-01")
    }

    func testHaversineMatchesAKnownDistance() throws {
        // One degree of latitude on the mean-radius sphere is 111,195 m.
        let a = try GeoPoint(latitude: 28, longitude: 117), b = try GeoPoint(latitude: 29, longitude: 117)
        XCTAssertEqual(a.greatCircleMetres(to: b), 111_195, accuracy: 1)
    }

    func testTerminalTableAlignsChineseByDisplayWidth() {
        var table = TerminalTable(headers: ["id", "食堂", "seats"], rightAligned: [2])
        table.append(["C01", "江边街道长者食堂", "40"])
        table.append(["C02", "Canteen B", "8"])
        let lines = table.render().split(separator: "\n").map(String.init)
        XCTAssertEqual(Set(lines.map(DisplayWidth.of)).count, 1, "every line has the same display width:\n\(lines.joined(separator: "\n"))")
        XCTAssertEqual(DisplayWidth.of("江边A"), 5)
    }
}
