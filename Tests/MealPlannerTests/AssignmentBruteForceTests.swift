import XCTest
import MealCore
import MealRouting
@testable import MealPlanner

/// Compares the flow-based assignment with an exhaustive search over small random districts.
/// The search re-implements the service rules itself (circle, mode, diet, opening days,
/// seats, kitchens, couriers); only the objective weights and the delivery-capacity estimate
/// are shared with the engine, since they define what "optimal" means.
final class AssignmentBruteForceTests: XCTestCase {
    struct Instance {
        var canteens: [Canteen]
        var couriers: [Courier]
        var diners: [Diner]
        var previous: [DinerID: PreviousPlacement]
        var day: ServiceDay
    }

    static let parameters = PlanningParameters.standard
    static let origin = (lat: 28.24, lon: 117.03)

    static func randomInstance(seed: UInt64) throws -> Instance {
        var rng = SeededGenerator(seed: seed)
        func point() throws -> GeoPoint {
            // Within about ±1.2 km: some diners are inside the circle, some outside.
            try GeoPoint(latitude: origin.lat + Double.random(in: -0.008...0.008, using: &rng),
                         longitude: origin.lon + Double.random(in: -0.009...0.009, using: &rng))
        }
        let canteenCount = Int.random(in: 1...3, using: &rng)
        var canteens: [Canteen] = []
        var couriers: [Courier] = []
        for index in 0..<canteenCount {
            let sittingCount = Int.random(in: 0...2, using: &rng)
            let sittings = try Array([Sitting(parsing: "11:00-11:45"), Sitting(parsing: "11:45-12:30")].prefix(sittingCount))
            var diets: Set<DietTag> = []
            for diet in [DietTag.lowSalt, .diabetic, .soft] where Bool.random(using: &rng) { diets.insert(diet) }
            canteens.append(try Canteen(
                id: "C\(index)", name: "食堂\(index)", location: point(),
                seats: sittings.isEmpty ? 0 : Int.random(in: 1...3, using: &rng), sittings: sittings,
                kitchenCapacity: Int.random(in: 1...6, using: &rng), diets: diets,
                openDays: Bool.random(using: &rng) ? .everyDay : Weekdays(parsing: "12356")))
            for courierIndex in 0..<Int.random(in: 0...2, using: &rng) {
                let vehicle = [VehicleKind.walk, .bicycle, .ebike][Int.random(in: 0...2, using: &rng)]
                let shift = [("10:30", "13:00"), ("12:15", "13:00"), ("10:00", "11:10")][Int.random(in: 0...2, using: &rng)]
                couriers.append(try Courier(
                    id: "K\(index)\(courierIndex)", name: "送餐员", canteenID: "C\(index)", vehicle: vehicle,
                    capacity: Int.random(in: 1...3, using: &rng),
                    shift: TimeWindow(start: TimeOfDay(parsing: shift.0), end: TimeOfDay(parsing: shift.1)),
                    days: Bool.random(using: &rng) ? .everyDay : Weekdays(parsing: "135")))
            }
        }
        var diners: [Diner] = []
        var previous: [DinerID: PreviousPlacement] = [:]
        for index in 0..<Int.random(in: 1...8, using: &rng) {
            let mobility = Mobility.allCases[Int.random(in: 0..<4, using: &rng)]
            var modes: [ServicePreference] = [.auto, .auto, .delivery]
            if mobility != .bedridden { modes += [.dineIn, .pickup] }
            var diets: Set<DietTag> = []
            if Int.random(in: 0..<3, using: &rng) == 0 { diets.insert([DietTag.lowSalt, .diabetic, .soft][Int.random(in: 0...2, using: &rng)]) }
            let preferred: CanteenID? = Bool.random(using: &rng) ? "C\(Int.random(in: 0..<canteenCount, using: &rng))" : nil
            let diner = try Diner(
                id: "D\(index)", name: "老人\(index)", location: point(), mobility: mobility,
                mode: modes[Int.random(in: 0..<modes.count, using: &rng)], diets: diets,
                priority: Priority.allCases[Int.random(in: 0...2, using: &rng)],
                days: Int.random(in: 0..<6, using: &rng) == 0 ? Weekdays(parsing: "246") : .everyDay,
                preferredCanteenID: preferred,
                status: Int.random(in: 0..<10, using: &rng) == 0 ? .paused : .active)
            diners.append(diner)
            if Bool.random(using: &rng) {
                previous[diner.id] = PreviousPlacement(canteenID: "C\(Int.random(in: 0..<canteenCount, using: &rng))",
                                                       kind: .dineIn, sitting: try Sitting(parsing: "11:00-11:45"))
            }
        }
        // 2026-11-25 is a Wednesday, 2026-11-29 a Sunday.
        let day = try ServiceDay(date: Bool.random(using: &rng) ? "2026-11-25" : "2026-11-29")
        return Instance(canteens: canteens, couriers: couriers, diners: diners, previous: previous, day: day)
    }

    /// A choice for one diner in the exhaustive search.
    struct Choice {
        let canteen: Int
        let kind: ServiceMode
        let sitting: Int?
        let cost: Int64
    }

    /// Seconds by the documented default model, computed here without the engine's model.
    static func seconds(_ a: GeoPoint, _ b: GeoPoint, speed: Double) -> Int {
        let r = 6_371_008.8, rad = Double.pi / 180
        let dPhi = (b.latitude - a.latitude) * rad, dLambda = (b.longitude - a.longitude) * rad
        let h = sin(dPhi / 2) * sin(dPhi / 2) + cos(a.latitude * rad) * cos(b.latitude * rad) * sin(dLambda / 2) * sin(dLambda / 2)
        return Int((2 * r * asin(min(1, h.squareRoot())) * 1.3 / speed).rounded())
    }

    static func choices(for diner: Diner, in instance: Instance) -> [Choice] {
        let walkSpeed: [Mobility: Double] = [.independent: 1.0, .walker: 0.7, .wheelchair: 0.8]
        let courierSpeed: [VehicleKind: Double] = [.walk: 1.2, .bicycle: 3.5, .ebike: 4.5, .tricycle: 3.0, .car: 6.5]
        let weekday = instance.day.isoWeekday!
        var walkable: [(canteen: Int, seconds: Int)] = []
        var pickupable: [(canteen: Int, seconds: Int)] = []
        var deliverable: [(canteen: Int, seconds: Int)] = []
        for (index, canteen) in instance.canteens.enumerated()
        where canteen.openDays.contains(weekday) && diner.diets.isSubset(of: canteen.diets) {
            if let speed = walkSpeed[diner.mobility], !canteen.sittings.isEmpty {
                let t = seconds(diner.location, canteen.location, speed: speed)
                if t <= 900 { walkable.append((index, t)) }
            }
            let pickup = seconds(diner.location, canteen.location, speed: 1.0)
            if pickup <= 900 { pickupable.append((index, pickup)) }
            let working = instance.couriers.filter { $0.canteenID == canteen.id && $0.days.contains(weekday) }
            let capacity = working.reduce(0) { $0 + DeliveryCapacity.meals(of: $1, parameters: parameters) }
            if let fastest = working.map({ seconds(canteen.location, diner.location, speed: courierSpeed[$0.vehicle]!) }).min(),
               fastest <= 900, capacity > 0 {
                deliverable.append((index, fastest))
            }
        }
        let canDineIn = diner.mode == .dineIn || (diner.mode == .auto && diner.mobility != .bedridden)
        let canDeliver = diner.mode == .delivery || diner.mode == .auto
        var result: [Choice] = []
        func cost(_ canteen: Int, _ kind: ServiceMode, _ sitting: Sitting?, _ t: Int, fallback: Bool) -> Int64 {
            AssignmentObjective.choice(diner: diner, canteenID: instance.canteens[canteen].id, kind: kind, sitting: sitting,
                                       travelSeconds: t, previous: instance.previous[diner.id], fallback: fallback)
        }
        if canDineIn {
            for (canteen, t) in walkable {
                for (index, sitting) in instance.canteens[canteen].sittings.enumerated() {
                    result.append(Choice(canteen: canteen, kind: .dineIn, sitting: index, cost: cost(canteen, .dineIn, sitting, t, fallback: false)))
                }
            }
        }
        if diner.mode == .pickup {
            for (canteen, t) in pickupable {
                result.append(Choice(canteen: canteen, kind: .pickup, sitting: nil, cost: cost(canteen, .pickup, nil, t, fallback: false)))
            }
        }
        if canDeliver {
            let fallback = diner.mode == .auto && diner.mobility != .bedridden && !walkable.isEmpty
            for (canteen, t) in deliverable {
                result.append(Choice(canteen: canteen, kind: .delivery, sitting: nil, cost: cost(canteen, .delivery, nil, t, fallback: fallback)))
            }
        }
        return result
    }

    /// The optimum by depth-first search with a simple bound.
    static func bruteForceOptimum(_ instance: Instance) -> Int64 {
        let weekday = instance.day.isoWeekday!
        let eaters = instance.diners.filter { $0.status == .active && $0.days.contains(weekday) }
        let options = eaters.map { choices(for: $0, in: instance) }
        let unserved = eaters.map { AssignmentObjective.unserved($0.priority) }
        let delivery = instance.canteens.map { canteen in
            instance.couriers.filter { $0.canteenID == canteen.id && $0.days.contains(weekday) }
                .reduce(0) { $0 + DeliveryCapacity.meals(of: $1, parameters: parameters) }
        }
        var seats = instance.canteens.map { canteen in canteen.sittings.map { _ in canteen.seats } }
        var kitchen = instance.canteens.map(\.kitchenCapacity)
        var courierRoom = delivery
        var meals = [Int](repeating: 0, count: instance.canteens.count)
        let cheapest = zip(options, unserved).map { opts, u in min(u, opts.map(\.cost).min() ?? u) }
        var suffix = [Int64](repeating: 0, count: eaters.count + 1)
        for index in stride(from: eaters.count - 1, through: 0, by: -1) { suffix[index] = suffix[index + 1] + cheapest[index] }
        var best = Int64.max

        func search(_ index: Int, _ cost: Int64) {
            if cost + suffix[index] >= best { return }
            if index == eaters.count {
                var total = cost
                for (canteen, count) in meals.enumerated() {
                    let seatsPerSitting = instance.canteens[canteen].seats
                    total += AssignmentObjective.balanceCost(meals: count, kitchenCapacity: instance.canteens[canteen].kitchenCapacity)
                    for free in seats[canteen] {
                        total += AssignmentObjective.sittingCost(used: seatsPerSitting - free, seats: seatsPerSitting)
                    }
                }
                best = min(best, total)
                return
            }
            search(index + 1, cost + unserved[index])
            for choice in options[index] where kitchen[choice.canteen] > 0 {
                switch choice.kind {
                case .dineIn:
                    guard seats[choice.canteen][choice.sitting!] > 0 else { continue }
                    seats[choice.canteen][choice.sitting!] -= 1
                case .delivery:
                    guard courierRoom[choice.canteen] > 0 else { continue }
                    courierRoom[choice.canteen] -= 1
                case .pickup: break
                }
                kitchen[choice.canteen] -= 1
                meals[choice.canteen] += 1
                search(index + 1, cost + choice.cost)
                meals[choice.canteen] -= 1
                kitchen[choice.canteen] += 1
                switch choice.kind {
                case .dineIn: seats[choice.canteen][choice.sitting!] += 1
                case .delivery: courierRoom[choice.canteen] += 1
                case .pickup: break
                }
            }
        }
        search(0, 0)
        return best
    }

    func solve(_ instance: Instance) -> Assignment {
        let reach = ServiceReach(canteens: instance.canteens, couriers: instance.couriers,
                                 parameters: Self.parameters, day: instance.day)
        return AssignmentSolver(reach: reach, previous: instance.previous).assign(instance.diners)
    }

    func testFlowMatchesBruteForceOn300RandomDistricts() throws {
        var servedSomewhere = 0, leftSomeUnserved = 0
        for seed in UInt64(1)...300 {
            let instance = try Self.randomInstance(seed: seed)
            let assignment = solve(instance)
            XCTAssertEqual(assignment.cost, Self.bruteForceOptimum(instance), "seed \(seed)")
            if !assignment.placements.isEmpty { servedSomewhere += 1 }
            if !assignment.unserved.isEmpty { leftSomeUnserved += 1 }
        }
        // The generator must exercise both outcomes, or the comparison proves little.
        XCTAssertGreaterThan(servedSomewhere, 150)
        XCTAssertGreaterThan(leftSomeUnserved, 50)
    }

    func testAssignmentsNeverBreakTheRulesAndAreDeterministic() throws {
        for seed in UInt64(1000)...1150 {
            let instance = try Self.randomInstance(seed: seed)
            let assignment = solve(instance)
            let again = solve(instance)
            XCTAssertEqual(assignment.placements, again.placements, "seed \(seed)")
            XCTAssertEqual(assignment.unserved, again.unserved, "seed \(seed)")
            let weekday = instance.day.isoWeekday!
            var perSitting: [String: Int] = [:], perKitchen: [CanteenID: Int] = [:], perDelivery: [CanteenID: Int] = [:]
            for placement in assignment.placements {
                let options = Self.choices(for: placement.diner, in: instance)
                XCTAssertTrue(options.contains { instance.canteens[$0.canteen].id == placement.canteen.id && $0.kind == placement.kind },
                              "seed \(seed): \(placement.diner.id) placed outside its rules")
                perKitchen[placement.canteen.id, default: 0] += 1
                if let sitting = placement.sitting { perSitting["\(placement.canteen.id) \(sitting)", default: 0] += 1 }
                if placement.kind == .delivery { perDelivery[placement.canteen.id, default: 0] += 1 }
            }
            for canteen in instance.canteens {
                XCTAssertLessThanOrEqual(perKitchen[canteen.id] ?? 0, canteen.kitchenCapacity)
                for sitting in canteen.sittings { XCTAssertLessThanOrEqual(perSitting["\(canteen.id) \(sitting)"] ?? 0, canteen.seats) }
                XCTAssertLessThanOrEqual(perDelivery[canteen.id] ?? 0, assignment.deliveryCapacity[canteen.id] ?? 0)
            }
            let eaters = instance.diners.filter { $0.status == .active && $0.days.contains(weekday) }
            XCTAssertEqual(assignment.placements.count + assignment.unserved.count, eaters.count)
            for unserved in assignment.unserved { XCTAssertFalse(unserved.detail.isEmpty) }
        }
    }
}
