import XCTest
import MealCore
@testable import MealPlanner

/// A roster prints every meal of the plan it shows, even when the registry or a hand edit left
/// the plan and the registry disagreeing, and says what disagrees.
final class RosterCompletenessTests: XCTestCase {
    func testEveryMealIsListedWhenSittingsAndTripsNoLongerMatch() throws {
        let planned = try PlannedDistrict.wednesday.get()
        var plan = planned.result.plan
        var canteen = try XCTUnwrap(planned.canteens.first { $0.id == "C01" })
        let removed = try XCTUnwrap(canteen.sittings.first)
        canteen.sittings.removeFirst()
        // One dine-in meal of the remaining sitting loses its sitting; one delivery leaves its trip.
        let other = try XCTUnwrap(plan.assignments.firstIndex { $0.canteenID == "C01" && $0.mode == .dineIn && $0.sitting != removed.window })
        plan.assignments[other].sitting = nil
        let round = try XCTUnwrap(plan.rounds.firstIndex { $0.canteenID == "C01" && !$0.trips.isEmpty })
        let dropped = plan.rounds[round].trips[0].stops.removeFirst().dinerID

        let roster = CanteenRoster(plan: plan, canteen: canteen, diners: Dictionary(uniqueKeysWithValues: planned.diners.map { ($0.id, $0) }),
                                   couriers: Dictionary(uniqueKeysWithValues: planned.couriers.map { ($0.id, $0) }))
        let meals = plan.assignments.filter { $0.canteenID == "C01" }
        let listed = roster.sittings.flatMap(\.diners) + roster.pickups + roster.trips.flatMap { $0.stops.map(\.diner) }
            + roster.deliveriesOnNoTrip
        XCTAssertEqual(Set(listed.map(\.dinerID)), Set(meals.map(\.dinerID)), "every meal of the plan at C01 is listed")
        XCTAssertEqual(listed.count, meals.count, "and listed once")
        XCTAssertEqual(roster.dineInCount + roster.pickups.count + roster.deliveryCount, roster.totalMeals)
        XCTAssertEqual(roster.deliveriesOnNoTrip.map(\.dinerID), [dropped])
        XCTAssertEqual(roster.sittings.filter { !$0.inRegistry }.map(\.sitting), [removed.description, "-"])
        XCTAssertEqual(roster.notices.count, 3, roster.notices.joined(separator: "\n"))

        let text = RosterFormatter.text(roster)
        XCTAssertTrue(text.contains("! sitting \(removed) is not in the registry of \(canteen.name)"), text)
        XCTAssertTrue(text.contains("送餐 Delivery, not on a trip (1)"), text)
        let csv = String(decoding: RosterFormatter.csv(roster), as: UTF8.self)
        XCTAssertTrue(csv.contains(",delivery,not on a trip,1,,\(dropped),"), csv)
        XCTAssertEqual(csv.components(separatedBy: ",notice,").count - 1, 3)
    }
}
