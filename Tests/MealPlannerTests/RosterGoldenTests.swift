import XCTest
import MealCore
@testable import MealPlanner

/// The printed roster of one canteen of the bundled district, compared with files a person has
/// read and approved. Run with UPDATE_GOLDEN=1 to rewrite them after an intended change, then
/// read the diff before committing.
final class RosterGoldenTests: XCTestCase {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    func roster() throws -> CanteenRoster {
        let planned = try PlannedDistrict.wednesday.get()
        var plan = planned.result.plan
        plan.createdAt = "2026-11-24T20:00:00Z"
        return CanteenRoster(plan: plan, canteen: planned.canteens.first { $0.id == "C01" }!,
                             diners: Dictionary(uniqueKeysWithValues: planned.diners.map { ($0.id, $0) }),
                             couriers: Dictionary(uniqueKeysWithValues: planned.couriers.map { ($0.id, $0) }))
    }

    func compare(_ actual: String, with name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        // Bytes, not String(contentsOf:), which would drop the byte order mark the CSV must keep.
        let expected = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = a.indices.first { $0 >= e.count || a[$0] != e[$0] } ?? e.count
            XCTFail("\(name) differs from line \(first + 1):\n got: \(first < a.count ? a[first] : "<end>")\nwant: \(first < e.count ? e[first] : "<end>")",
                    file: file, line: line)
        }
    }

    func testTextAndCSVRosterOfC01() throws {
        let roster = try roster()
        try compare(RosterFormatter.text(roster), with: "roster-C01-2026-11-25.txt")
        try compare(String(decoding: RosterFormatter.csv(roster), as: UTF8.self), with: "roster-C01-2026-11-25.csv")
    }
}
