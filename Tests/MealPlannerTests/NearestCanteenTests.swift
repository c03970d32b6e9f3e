import XCTest
import MealCore
@testable import MealPlanner

/// "Nearest canteen … is N min away", said of every diner outside the circle, is found by
/// searches bounded at growing multiples of the circle rather than by timing every canteen.
/// The answer must be the one timing every canteen gives: the same canteen (the first in
/// registry order among equals), the same seconds, the same means.
final class NearestCanteenTests: XCTestCase {
    func assertSameNearest(_ reach: ServiceReach, _ diners: [Diner], file: StaticString = #filePath,
                           line: UInt = #line) {
        for diner in diners {
            let everyCanteen = reach.nearest(diner, reach.links(for: diner))
            // Timing every canteen names an unreachable pickup "Int.max seconds" away; the
            // widening search says there is none. Only reachable answers are compared.
            guard (everyCanteen.nearestSeconds ?? 0) < Int.max / 2 else { continue }
            let widening = reach.nearest(diner)
            XCTAssertEqual(widening.nearestCanteen?.id, everyCanteen.nearestCanteen?.id, "\(diner.id)", file: file, line: line)
            XCTAssertEqual(widening.nearestSeconds, everyCanteen.nearestSeconds, "\(diner.id)", file: file, line: line)
            XCTAssertEqual(widening.byCourier, everyCanteen.byCourier, "\(diner.id)", file: file, line: line)
        }
    }

    /// A sample of the bundled district's diners of every means (every 15th eater), and every
    /// diner of the registry's edges, on its generated streets and by the ruler.
    func testTheWideningSearchNamesTheCanteenThatTimingEveryCanteenNames() throws {
        let database = try PlannedDistrict.loadedDistrict()
        let registry = try database.registry()
        let day = try ServiceDay(date: "2026-11-25")
        let eating = registry.diners.filter(day.eats)
        let sample = stride(from: 0, to: eating.count, by: 15).map { eating[$0] }
        let roads = NetworkRoads(network: try XCTUnwrap(try database.storedRoadNetwork()))
        for travel in [roads.travelModel(parameters: .standard), GreatCircleTravelModel()] as [any TravelModel] {
            let context = DayContext(day: day, parameters: .standard, travel: travel)
            let reach = context.reach(canteens: registry.canteens, couriers: registry.couriers).prepared(for: eating)
            // Those the circle leaves out are the ones the sentence is written for.
            let outside = eating.filter { diner in
                !reach.linksInReach(for: diner).contains { link in
                    ServiceReach.allowedKinds(for: diner).contains { reach.withinCircle(link, $0) }
                }
            }
            XCTAssertFalse(outside.isEmpty)
            XCTAssertTrue(Set(sample.map(\.mobility)).count == Mobility.allCases.count)
            assertSameNearest(reach, sample + outside)
            assertSameCircle(reach, sample)
        }
    }

    /// The batched circle, which asks each canteen only about the diners near enough as the
    /// crow flies, lists the canteens and the times inside the circle that timing every canteen
    /// without limit finds.
    func assertSameCircle(_ reach: ServiceReach, _ diners: [Diner], file: StaticString = #filePath, line: UInt = #line) {
        let radius = reach.radius
        func inside(_ links: [ServiceReach.Link]) -> [[Int?]] {
            links.map { link in
                [link.canteen, link.walkSeconds.flatMap { $0 <= radius ? $0 : nil },
                 link.pickupSeconds <= radius ? link.pickupSeconds : nil,
                 link.deliverySeconds.flatMap { $0 <= radius ? $0 : nil }]
            }.filter { $0.dropFirst().contains { $0 != nil } }
        }
        var insideSomewhere = 0
        for diner in diners {
            let batched = inside(reach.linksInReach(for: diner))
            XCTAssertEqual(batched, inside(reach.links(for: diner)), "\(diner.id)", file: file, line: line)
            if !batched.isEmpty { insideSomewhere += 1 }
        }
        XCTAssertGreaterThan(insideSomewhere, diners.count / 2, file: file, line: line)
    }

    /// Canteens far beyond the circle, at equal and unequal distances: the widening search must
    /// go past several bounds and pick the first canteen in registry order among equals.
    func testAFarHomeGetsTheFirstOfTheEquallyNearCanteensInRegistryOrder() throws {
        let day = try ServiceDay(date: "2026-11-25")
        let home = try GeoPoint(latitude: 28.2, longitude: 117.0)
        // 0.1° of latitude is about 11 km: far beyond any circle.
        let offsets = [0.3, 0.1, -0.1, 0.2]
        let canteens = try offsets.enumerated().map { index, offset in
            try Canteen(id: CanteenID("C\(index)"), name: "食堂\(index)", community: "远郊",
                        location: GeoPoint(latitude: 28.2 + offset, longitude: 117.0), seats: 10,
                        sittings: [Sitting(parsing: "11:00-12:00")], kitchenCapacity: 20, diets: [],
                        openDays: Weekdays(parsing: "1234567"))
        }
        let diners = try [Mobility.independent, .walker, .bedridden].map { mobility in
            try Diner(id: DinerID("D-\(mobility.rawValue)"), name: "老人", community: "远郊", location: home,
                      mobility: mobility, mode: .auto, diets: [], priority: .normal)
        }
        let couriers = try canteens.map { canteen in
            try Courier(id: CourierID("K-\(canteen.id.rawValue)"), name: "骑手", canteenID: canteen.id,
                        vehicle: .ebike, capacity: 6, shift: TimeWindow(parsing: "10:00-13:00"))
        }
        let context = DayContext(day: day, parameters: .standard, travel: GreatCircleTravelModel())
        let reach = context.reach(canteens: canteens, couriers: couriers)
        assertSameNearest(reach, diners)
        XCTAssertEqual(reach.nearest(diners[0]).nearestCanteen?.id, canteens[1].id, "north and south tie: C1 comes first")
    }
}

extension NetworkTravelModelTests {
    /// The river with no bridge at all: the home across it reaches no canteen on foot, and the
    /// coordinator is told so, not that no courier can reach the diner.
    func testAHomeNoWalkJoinsToAnyCanteenIsToldSoInWordsAboutWalking() throws {
        var map = Self.riverWithFarBridge()
        map.extract.ways.removeAll { $0.id == 3 }
        let roads = try map.roads()
        let kitchen = try canteen(at: Self.point(east: 0, north: 40))
        let across = try diner("D1", Self.point(east: 0, north: -60))
        let plan = try self.plan([kitchen], [], [across], .network(roads))
        XCTAssertEqual(plan.unserved.map(\.reason), [.outsideRadius])
        XCTAssertEqual(plan.unserved.first?.detail, "no canteen can be reached on foot from this home")
    }
}
