import XCTest
import MealCore
@testable import MealPlanner

/// Which travel model a command gets: the one asked for, else the network when roads are
/// imported, else the straight line; the network asked for without roads is refused, and an
/// edit of a plan made on the network without roads changes nothing.
final class TravelSelectionTests: XCTestCase {
    struct ImportedRoads: RoadNetworkSource {
        var digest: String { "5e884898da280471" }
        func travelModel(parameters: PlanningParameters) -> any TravelModel {
            RiverTravelModel(straight: GreatCircleTravelModel(parameters: parameters), riverLatitude: 90,
                             bridge: try! GeoPoint(latitude: 0, longitude: 0), offNetwork: [])
        }
    }

    func testTheChoiceFollowsTheRequestThenWhetherRoadsAreImported() throws {
        XCTAssertEqual(try TravelSelection.choose(nil, roads: nil).identity, .straight)
        XCTAssertEqual(try TravelSelection.choose(.straight, roads: ImportedRoads()).identity, .straight)
        let network = try TravelSelection.choose(nil, roads: ImportedRoads())
        XCTAssertEqual(network.identity, .network(digest: "5e884898da280471"))
        XCTAssertTrue(network.model(for: .standard) is RiverTravelModel, "the stored network's model")
        XCTAssertThrowsError(try TravelSelection.choose(.network, roads: nil)) { error in
            XCTAssertEqual(error as? TravelSelection.Failure, .noRoadNetwork)
            XCTAssertEqual("\(error)", "no road network imported", "the library names no command")
        }
    }

    func testAnEditOfANetworkPlanWithoutRoadsIsRefusedAndWritesNothing() throws {
        let database = try AppDatabase.inMemory()
        _ = try RegistryImport.importBytes(Canteen.self, bytes: Array("""
            id,name,lat,lon,seats,sittings,kitchen_capacity
            C1,江边食堂,28.24,117.03,10,11:00-12:00,20
            """.utf8), fileName: "c.csv", into: database)
        _ = try RegistryImport.importBytes(Diner.self, bytes: Array("""
            id,name,lat,lon,mobility,mode
            D1,王秀英,28.2401,117.0301,independent,pickup
            """.utf8), fileName: "d.csv", into: database)
        let plan = DayPlan(date: "2026-11-25", parametersJSON: "{}", seed: 1, timeLimitSeconds: 1,
                           createdAt: "2026-11-24T20:00:00Z", createdBy: "t",
                           assignments: [PlannedMeal(dinerID: "D1", canteenID: "C1", mode: .pickup)], rounds: [], unserved: [],
                           travel: .network(digest: "5e884898da280471"))
        try database.savePlan(plan, note: PlanChangeNote(by: "t", action: "plan", subject: "2026-11-25", summary: ""))
        XCTAssertThrowsError(try PlanEditing.apply(date: "2026-11-25", in: database, by: "王协调", baseVersion: nil,
                                                   action: "lock", subject: "D1") { try $0.setLock("D1", locked: true) }) { error in
            XCTAssertEqual(error as? TravelSelection.Failure, .noRoadNetwork)
        }
        XCTAssertEqual(try database.planVersions(date: "2026-11-25").count, 1)
    }
}
