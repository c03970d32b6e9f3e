import Foundation
import XCTest
@testable import MealCore

/// One date parser, one spelling, one range for every date the engine reads.
final class CalendarDateTests: XCTestCase {
    func testShortMonthsAndDaysAreReadAndWrittenInTheOneStoredSpelling() throws {
        XCTAssertEqual(try CalendarDate(parsing: "2026-2-3").description, "2026-02-03")
        XCTAssertEqual(try CalendarDate.normalized("2026-11-5"), "2026-11-05")
        XCTAssertEqual(try CalendarDate(parsing: "2026-2-3"), try CalendarDate(parsing: "2026-02-03"))
    }

    func testYearsOutsideTheServiceRangeAreRefusedWithTheRangeNamed() throws {
        for text in ["0000-01-01", "1999-12-31", "9999-12-31", "2101-01-01"] {
            XCTAssertThrowsError(try CalendarDate(parsing: text, field: "date")) { error in
                XCTAssertEqual("\(error)", "date: a date must be from 2000-01-01 to 2100-12-31 (got '\(text)')")
            }
        }
        XCTAssertEqual(try CalendarDate(parsing: "2000-01-01").description, "2000-01-01")
        XCTAssertEqual(try CalendarDate(parsing: "2100-12-31").description, "2100-12-31")
    }

    func testCountingDaysPastTheEndOfTheRangeIsRefused() throws {
        let last = try CalendarDate(parsing: "2100-12-30")
        XCTAssertEqual(try last.adding(days: 1).description, "2100-12-31")
        XCTAssertThrowsError(try last.adding(days: 2)) { error in
            XCTAssertEqual("\(error)", "date: a date must be from 2000-01-01 to 2100-12-31 (got '2101-01-01')")
        }
        XCTAssertThrowsError(try CalendarDate(parsing: "2000-01-01").adding(days: -1))
    }

    func testAnOutcomeFileDateIsNormalisedAndOneOutsideTheRangeIsRefusedAtItsLine() throws {
        let bytes = Array("date,diner_id,status\n2026-2-3,D00001,delivered\n2101-01-01,D00001,no_answer\n".utf8)
        let parsed = try ParsedOutcomes(bytes: bytes, fileName: "outcomes.csv", defaultRecorder: "tester")
        XCTAssertEqual(parsed.rows.map(\.outcome.date), ["2026-02-03"])
        XCTAssertEqual(parsed.issues.map(\.description),
                       ["outcomes.csv:3: column date: a date must be from 2000-01-01 to 2100-12-31 (got '2101-01-01')"])
    }
}
