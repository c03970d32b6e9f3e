import XCTest
import MealCore
@testable import MealPlanner

/// The production checker on the planned district: silent on the planner's own plan, and each
/// hand-made breakage found with the right rule and the numbers an operator needs. Expected
/// figures come from `PlanVerifier`'s independent haversine, not from the planner's model.
final class PlanCheckerTests: XCTestCase {
    static let wednesday = try! ServiceDay(date: "2026-11-25")

    struct District {
        var plan: DayPlan
        var canteens: [Canteen]
        var couriers: [Courier]
        var diners: [Diner]
        var parameters = PlanningParameters.standard

        func violations() -> [PlanViolation] {
            PlanChecker.violations(plan: plan, canteens: canteens, couriers: couriers, diners: diners,
                                   parameters: parameters, day: PlanCheckerTests.wednesday)
        }

        func diner(_ id: DinerID) -> Diner { diners.first { $0.id == id }! }
        func canteen(_ id: CanteenID) -> Canteen { canteens.first { $0.id == id }! }
        func courier(_ id: CourierID) -> Courier { couriers.first { $0.id == id }! }
        func mealIndex(_ id: DinerID) -> Int { plan.assignments.firstIndex { $0.dinerID == id }! }
    }

    func district() throws -> District {
        let planned = try PlannedDistrict.wednesday.get()
        return District(plan: planned.result.plan, canteens: planned.canteens, couriers: planned.couriers,
                        diners: planned.diners)
    }

    /// "17 min 20 s", as the checker writes durations.
    func minutes(_ seconds: Int) -> String {
        seconds % 60 == 0 ? "\(seconds / 60) min" : seconds < 60 ? "\(seconds) s" : "\(seconds / 60) min \(seconds % 60) s"
    }

    func clock(_ seconds: Int) -> String {
        let text = String(format: "%02d:%02d", seconds / 3600, seconds % 3600 / 60)
        return seconds % 60 == 0 ? text : text + String(format: ":%02d", seconds % 60)
    }

    func testThePlannersOwnPlanHasNoViolations() throws {
        let planned = try PlannedDistrict.wednesday.get()
        let stored = try planned.database.plan(date: "2026-11-25", version: .number(1))
        let violations = PlanChecker.violations(plan: stored, canteens: planned.canteens, couriers: planned.couriers,
                                                diners: planned.diners, parameters: try PlanChecker.parameters(of: stored),
                                                day: Self.wednesday)
        XCTAssertEqual(violations, [], violations.prefix(20).map(\.description).joined(separator: "\n"))
        XCTAssertGreaterThan(stored.rounds.flatMap(\.trips).flatMap(\.stops).count, 300, "the check replayed real rounds")
    }

    func testDineInAtACanteenThreeKilometresAwayIsOutsideTheCircle() throws {
        var district = try district()
        var seated: [String: Int] = [:], cooked: [CanteenID: Int] = [:]
        for meal in district.plan.assignments {
            cooked[meal.canteenID, default: 0] += 1
            if let sitting = meal.sitting { seated["\(meal.canteenID) \(sitting)", default: 0] += 1 }
        }
        var found: (meal: Int, canteen: Canteen, sitting: Sitting, walk: Int)?
        search: for (index, meal) in district.plan.assignments.enumerated() where meal.mode == .dineIn {
            let diner = district.diner(meal.dinerID)
            guard let speed = PlanVerifier.walk[diner.mobility] else { continue }
            for canteen in district.canteens where canteen.openDays.contains(3) && canteen.makes(diner.diets)
                && (cooked[canteen.id] ?? 0) < canteen.kitchenCapacity
                && diner.location.greatCircleMetres(to: canteen.location) >= 3_000 {
                if let sitting = canteen.sittings.first(where: { (seated["\(canteen.id) \($0.window)"] ?? 0) < canteen.seats }) {
                    found = (index, canteen, sitting, Int(PlanVerifier.seconds(diner.location, canteen.location, speed: speed)))
                    break search
                }
            }
        }
        let (index, far, sitting, walk) = try XCTUnwrap(found)
        district.plan.assignments[index].canteenID = far.id
        district.plan.assignments[index].sitting = sitting.window
        let dinerID = district.plan.assignments[index].dinerID
        let violations = district.violations()
        XCTAssertEqual(violations.map(\.rule), [.outsideCircle], violations.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(violations.first?.dinerID, dinerID)
        XCTAssertEqual(violations.first?.canteenID, far.id)
        let detail = try XCTUnwrap(violations.first?.detail)
        XCTAssertTrue(detail.contains("needs \(minutes(walk)) on foot"), detail)
        XCTAssertTrue(detail.contains(far.name) && detail.contains("the circle is 15 min"), detail)
        XCTAssertGreaterThan(walk, 900)
    }

    func testAnOverfilledSittingNamesItsCountAndSeats() throws {
        var district = try district()
        var seated: [CanteenID: [MealCore.TimeWindow: Int]] = [:]
        for meal in district.plan.assignments { if let sitting = meal.sitting { seated[meal.canteenID, default: [:]][sitting, default: 0] += 1 } }
        let (canteenID, counts) = try XCTUnwrap(seated.sorted { $0.key < $1.key }.first { $0.value.values.contains { $0 >= 5 } })
        let (window, count) = counts.max { $0.value < $1.value }!
        let index = district.canteens.firstIndex { $0.id == canteenID }!
        district.canteens[index].seats = count - 2
        let name = district.canteens[index].name
        let violations = district.violations()
        XCTAssertTrue(violations.allSatisfy { $0.rule == .seatsExceeded && $0.canteenID == canteenID }, "\(violations)")
        XCTAssertTrue(violations.contains(PlanViolation(
            canteenID: canteenID, rule: .seatsExceeded,
            detail: "sitting \(window) of \(name) has \(count) diners for \(count - 2) seats")), "\(violations)")
    }

    func testTwentyMealsInABoxOfTen() throws {
        var district = try district()
        let roundIndex = try XCTUnwrap(district.plan.rounds.firstIndex { $0.trips.count >= 2 })
        var round = district.plan.rounds[roundIndex]
        // Pile the first two trips into one box by reducing the courier's box to ten and padding
        // the first trip with the other stops repeated: the count is what is checked here.
        let courierIndex = district.couriers.firstIndex { $0.id == round.courierID }!
        district.couriers[courierIndex].capacity = 10
        let stops = round.trips[0].stops
        round.trips[0].stops = (0..<20).map { stops[$0 % stops.count] }
        district.plan.rounds[roundIndex] = round
        let name = district.couriers[courierIndex].name
        let box = district.violations().filter { $0.rule == .boxOverCapacity }
        XCTAssertTrue(box.contains(PlanViolation(courierID: round.courierID, canteenID: round.canteenID, rule: .boxOverCapacity,
                                                 detail: "\(name)'s trip 1 carries 20 meals in a box of 10")), "\(box)")
        XCTAssertTrue(box.allSatisfy { $0.courierID == round.courierID }, "\(box)")
    }

    func testAnArrivalPastTheWindowIsReportedWithBothTimes() throws {
        var district = try district()
        // The last stop of a trip, so that no later stop's timing moves with it.
        let (roundIndex, tripIndex) = try XCTUnwrap(district.plan.rounds.indices.lazy.flatMap { r in
            district.plan.rounds[r].trips.indices.map { (r, $0) }
        }.first { district.plan.rounds[$0.0].trips[$0.1].stops.count >= 2 })
        let stop = district.plan.rounds[roundIndex].trips[tripIndex].stops.last!
        let diner = district.diner(stop.dinerID)
        let windowEnd = diner.window?.end.seconds ?? 45_000
        let windowStart = diner.window?.start.seconds ?? 39_600
        let late = windowEnd + 11 * 60
        district.plan.rounds[roundIndex].trips[tripIndex].stops[district.plan.rounds[roundIndex].trips[tripIndex].stops.count - 1]
            .arrivalSeconds = late
        district.plan.assignments[district.mealIndex(diner.id)].arrivalSeconds = late
        let mine = district.violations().filter { $0.dinerID == diner.id }
        XCTAssertEqual(mine.map(\.rule), [.outsideWindow], "\(mine)")
        XCTAssertEqual(mine.first?.detail,
                       "\(diner.name) is served at \(clock(late)), after the window \(clock(windowStart))-\(clock(windowEnd)) ends")
        XCTAssertEqual(mine.first?.courierID, district.plan.rounds[roundIndex].courierID)
    }

    func testACourierWhoDoesNotWorkOnWednesdays() throws {
        var district = try district()
        let round = district.plan.rounds[0]
        let index = district.couriers.firstIndex { $0.id == round.courierID }!
        district.couriers[index].days = try Weekdays([1, 2, 4, 5])
        let violations = district.violations()
        XCTAssertEqual(violations.map(\.rule), [.courierNotWorking], "\(violations)")
        XCTAssertEqual(violations.first?.courierID, round.courierID)
        XCTAssertEqual(violations.first?.detail, "\(district.couriers[index].name) does not work on Wednesdays (days 1245) "
                       + "but has \(round.trips.count) trip\(round.trips.count == 1 ? "" : "s") on 2026-11-25 (a Wednesday)")
    }

    func testTimeInTheBoxIsMeasuredToTheFirstDoor() throws {
        var district = try district()
        district.parameters.maxInBoxSeconds = 60
        func firstRide(_ round: CourierRound) -> Int {
            Int(PlanVerifier.seconds(district.canteen(round.canteenID).location, district.diner(round.trips[0].stops[0].dinerID).location,
                                     speed: PlanVerifier.ride[district.courier(round.courierID).vehicle]!))
        }
        let round = try XCTUnwrap(district.plan.rounds.first { firstRide($0) > 61 }), trip = round.trips[0]
        let first = district.diner(trip.stops[0].dinerID)
        let courier = district.courier(round.courierID)
        let ride = firstRide(round)
        let found = district.violations().first { $0.rule == .tooLongInBox && $0.dinerID == first.id }
        XCTAssertEqual(found?.detail, "\(first.name)'s meal reaches the door \(minutes(ride)) after \(courier.name)'s trip 1 "
                       + "leaves at \(clock(trip.departSeconds)) (limit 1 min)")
    }

    func testOverlappingTripsAndEarlyDeparture() throws {
        var district = try district()
        let roundIndex = try XCTUnwrap(district.plan.rounds.firstIndex { $0.trips.count >= 2 })
        let firstReturn = district.plan.rounds[roundIndex].trips[0].returnSeconds
        district.plan.rounds[roundIndex].trips[1].departSeconds = firstReturn - 600
        district.plan.rounds[roundIndex].trips[0].departSeconds = 38_000
        let name = district.courier(district.plan.rounds[roundIndex].courierID).name
        let violations = district.violations()
        XCTAssertTrue(violations.contains { $0.rule == .tripsOverlap
                && $0.detail == "\(name)'s trip 2 leaves at \(clock(firstReturn - 600)), before trip 1 is back at \(clock(firstReturn))" },
            "\(violations)")
        XCTAssertTrue(violations.contains { $0.rule == .beforeMealsReady
                && $0.detail == "\(name)'s trip 1 leaves at 10:33:20, before meals are ready at 10:45" }, "\(violations)")
    }

    func testWhoEatsRules() throws {
        var district = try district()
        let twice = district.plan.assignments[0]
        district.plan.assignments.append(twice)
        let away = district.plan.assignments.first { $0.mode == .pickup || $0.mode == .dineIn }!
        let awayIndex = district.diners.firstIndex { $0.id == away.dinerID }!
        district.diners[awayIndex].status = .hospitalized
        let dropped = district.plan.assignments.last { $0.mode == .dineIn && $0.dinerID != away.dinerID }!
        district.plan.assignments.removeAll { $0.dinerID == dropped.dinerID }
        let violations = district.violations()
        XCTAssertTrue(Set(violations.map(\.rule)).isSuperset(of: [.plannedTwice, .notEatingToday, .notInPlan]), "\(violations)")
        XCTAssertTrue(violations.contains { $0.rule == .plannedTwice && $0.dinerID == twice.dinerID && $0.detail.contains("2 places") })
        XCTAssertTrue(violations.contains { $0.rule == .notEatingToday && $0.dinerID == away.dinerID && $0.detail.contains("is hospitalized") })
        XCTAssertTrue(violations.contains { $0.rule == .notInPlan && $0.dinerID == dropped.dinerID })
    }

    func testClosedCanteenMissingDietAndAModeTheDinerDidNotAskFor() throws {
        var district = try district()
        let meal = district.plan.assignments.first { $0.mode == .dineIn }!
        let canteenIndex = district.canteens.firstIndex { $0.id == meal.canteenID }!
        district.canteens[canteenIndex].openDays = try Weekdays([1, 2, 4, 5, 6])
        let servedThere = district.plan.assignments.filter { $0.canteenID == meal.canteenID }.count
        let violations = district.violations()
        XCTAssertEqual(violations.filter { $0.rule == .canteenClosed }.count, servedThere)
        XCTAssertEqual(Set(violations.map(\.rule)), [.canteenClosed])

        var other = try self.district()
        let needy = other.plan.assignments.first { !other.diner($0.dinerID).diets.isEmpty }!
        let needyDiner = other.diner(needy.dinerID)
        let kitchen = other.canteens.firstIndex { $0.id == needy.canteenID }!
        other.canteens[kitchen].diets = [.regular]
        let dietFound = other.violations().first { $0.rule == .dietNotOffered && $0.dinerID == needy.dinerID }
        XCTAssertEqual(dietFound?.detail, "\(other.canteens[kitchen].name) does not make "
                       + needyDiner.diets.sorted().map(\.label).joined(separator: ", ") + ", which \(needyDiner.name) needs")

        let deliveryOnly = other.plan.assignments.firstIndex { $0.mode == .delivery && other.diner($0.dinerID).mode == .delivery }!
        other.plan.assignments[deliveryOnly].mode = .pickup
        let moved = other.violations().filter { $0.dinerID == other.plan.assignments[deliveryOnly].dinerID }
        XCTAssertTrue(moved.contains { $0.rule == .modeNotAllowed }, "\(moved)")
        XCTAssertTrue(moved.contains { $0.rule == .routeMismatch }, "still on a courier's trip: \(moved)")
    }

    func testACourierOutOfReachOfTheHome() throws {
        var district = try district()
        func onFoot(_ meal: PlannedMeal) -> Int {
            Int(PlanVerifier.seconds(district.canteen(meal.canteenID).location, district.diner(meal.dinerID).location, speed: 1.2))
        }
        let meal = try XCTUnwrap(district.plan.assignments.first { $0.mode == .delivery && onFoot($0) > 900 })
        let index = district.couriers.firstIndex { $0.id == meal.courierID }!
        district.couriers[index].vehicle = .walk
        let home = district.diner(meal.dinerID), kitchen = district.canteen(meal.canteenID)
        let direct = onFoot(meal)
        let found = district.violations().first { $0.rule == .outsideCircle && $0.dinerID == meal.dinerID }
        XCTAssertEqual(found?.detail, "\(district.couriers[index].name) (walk) needs \(minutes(direct)) from \(kitchen.name) "
                       + "straight to \(home.name)'s home; the circle is 15 min")
    }

    func testACourierFromAnotherCanteen() throws {
        var district = try district()
        let round = district.plan.rounds[0]
        let index = district.couriers.firstIndex { $0.id == round.courierID }!
        let elsewhere = district.canteens.first { $0.id != round.canteenID }!
        district.couriers[index].canteenID = elsewhere.id
        let meals = district.plan.assignments.filter { $0.courierID == round.courierID }.count
        let violations = district.violations()
        XCTAssertEqual(violations.map(\.rule), Array(repeating: .courierWrongCanteen, count: meals + 1), "\(violations)")
        XCTAssertEqual(violations.last?.detail, "\(district.couriers[index].name) rides for \(elsewhere.name) "
                       + "but has rounds from \(district.canteen(round.canteenID).name)")
    }

    func testTheStoredParametersAreTheOnesChecked() throws {
        var district = try district()
        district.plan.parametersJSON = #"{"radius_s": 300, "service_s": 60}"#
        let read = try PlanChecker.parameters(of: district.plan)
        XCTAssertEqual(read.radiusSeconds, 300)
        XCTAssertEqual(read.serviceSeconds, 60)
        XCTAssertEqual(read.maxInBoxSeconds, 2_700, "keys left out keep their defaults")
        district.parameters = read
        XCTAssertTrue(district.violations().contains { $0.rule == .outsideCircle && $0.detail.hasSuffix("the circle is 5 min") })
        district.plan.parametersJSON = #"{"radius_s": "far"}"#
        XCTAssertThrowsError(try PlanChecker.parameters(of: district.plan))
    }
}
