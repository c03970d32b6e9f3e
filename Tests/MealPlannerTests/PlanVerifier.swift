import Foundation
import MealCore

/// Checks a stored plan against the service rules without any of the planner's code: its own
/// haversine, its own speeds, its own counting. Returns one line per violation.
enum PlanVerifier {
    static let walk: [Mobility: Double] = [.independent: 1.0, .walker: 0.7, .wheelchair: 0.8]
    static let ride: [VehicleKind: Double] = [.walk: 1.2, .bicycle: 3.5, .ebike: 4.5, .tricycle: 3.0, .car: 6.5]

    static func seconds(_ a: GeoPoint, _ b: GeoPoint, speed: Double) -> Double {
        let r = 6_371_008.8, rad = Double.pi / 180
        let dPhi = (b.latitude - a.latitude) * rad, dLambda = (b.longitude - a.longitude) * rad
        let h = sin(dPhi / 2) * sin(dPhi / 2) + cos(a.latitude * rad) * cos(b.latitude * rad) * sin(dLambda / 2) * sin(dLambda / 2)
        return (2 * r * asin(min(1, h.squareRoot())) * 1.3 / speed).rounded()
    }

    static func violations(_ plan: DayPlan, canteens: [Canteen], couriers: [Courier], diners: [Diner],
                           isoWeekday: Int) -> [String] {
        var problems: [String] = []
        let canteen = Dictionary(uniqueKeysWithValues: canteens.map { ($0.id, $0) })
        let courier = Dictionary(uniqueKeysWithValues: couriers.map { ($0.id, $0) })
        let diner = Dictionary(uniqueKeysWithValues: diners.map { ($0.id, $0) })

        let eaters = Set(diners.filter { $0.status == .active && $0.days.contains(isoWeekday) }.map(\.id))
        let planned = plan.assignments.map(\.dinerID), unserved = plan.unserved.map(\.dinerID)
        if Set(planned).count != planned.count { problems.append("a diner is planned twice") }
        if Set(planned + unserved) != eaters || planned.count + unserved.count != eaters.count {
            problems.append("planned + unserved (\(planned.count) + \(unserved.count)) is not exactly the \(eaters.count) eaters")
        }
        for entry in plan.unserved where entry.reason.rawValue.isEmpty || entry.detail.isEmpty {
            problems.append("\(entry.dinerID) unserved without a reason")
        }

        var perKitchen: [CanteenID: Int] = [:], perSitting: [String: Int] = [:]
        for meal in plan.assignments {
            guard let d = diner[meal.dinerID], let c = canteen[meal.canteenID] else {
                problems.append("\(meal.dinerID): unknown diner or canteen"); continue
            }
            perKitchen[c.id, default: 0] += 1
            if !c.openDays.contains(isoWeekday) { problems.append("\(d.id): \(c.id) is closed that day") }
            if !d.diets.isSubset(of: c.diets) { problems.append("\(d.id): \(c.id) does not make the diet") }
            switch meal.mode {
            case .dineIn:
                guard let speed = walk[d.mobility], d.mode == .dineIn || d.mode == .auto else {
                    problems.append("\(d.id): may not dine in"); continue
                }
                if seconds(d.location, c.location, speed: speed) > 900 { problems.append("\(d.id): dine-in outside the circle") }
                guard let sitting = meal.sitting, c.sittings.contains(where: { $0.window == sitting }) else {
                    problems.append("\(d.id): no valid sitting"); continue
                }
                perSitting["\(c.id) \(sitting)", default: 0] += 1
            case .pickup:
                if d.mode != .pickup { problems.append("\(d.id): pickup not requested") }
                if seconds(d.location, c.location, speed: 1.0) > 900 { problems.append("\(d.id): pickup outside the circle") }
            case .delivery:
                if d.mode != .delivery && d.mode != .auto { problems.append("\(d.id): delivery not allowed") }
                guard let k = meal.courierID.flatMap({ courier[$0] }), meal.arrivalSeconds != nil else {
                    problems.append("\(d.id): delivery without courier or arrival"); continue
                }
                if k.canteenID != c.id { problems.append("\(d.id): courier \(k.id) is not from \(c.id)") }
                if seconds(c.location, d.location, speed: ride[k.vehicle]!) > 900 {
                    problems.append("\(d.id): courier \(k.id) cannot reach the home within the circle")
                }
            }
        }
        for c in canteens {
            if (perKitchen[c.id] ?? 0) > c.kitchenCapacity { problems.append("\(c.id): kitchen over capacity") }
            for s in c.sittings where (perSitting["\(c.id) \(s.window)"] ?? 0) > c.seats {
                problems.append("\(c.id) \(s): more diners than seats")
            }
        }

        var routedDiners = Set<DinerID>()
        for round in plan.rounds {
            guard let k = courier[round.courierID], let c = canteen[round.canteenID] else {
                problems.append("round of unknown courier \(round.courierID)"); continue
            }
            if !k.days.contains(isoWeekday) { problems.append("\(k.id) does not work that day") }
            var previousReturn = -1
            for (index, trip) in round.trips.enumerated() {
                let label = "\(k.id) trip \(index + 1)"
                if trip.stops.count > k.capacity { problems.append("\(label): \(trip.stops.count) meals in a box of \(k.capacity)") }
                if trip.departSeconds < 38_700 { problems.append("\(label): leaves before the meals are ready") }
                if trip.departSeconds < k.shift.start.seconds || trip.returnSeconds > k.shift.end.seconds {
                    problems.append("\(label): outside the shift \(k.shift)")
                }
                if trip.departSeconds < previousReturn { problems.append("\(label): leaves before the previous trip is back") }
                previousReturn = trip.returnSeconds
                var clock = Double(trip.departSeconds)
                var here = c.location
                for stop in trip.stops {
                    guard let d = diner[stop.dinerID] else { problems.append("\(label): unknown diner"); continue }
                    routedDiners.insert(d.id)
                    clock += seconds(here, d.location, speed: ride[k.vehicle]!)
                    // The meal reaches the door at `clock`; the planned time is the start of
                    // service, later when the courier waits for the diner's window.
                    if Double(stop.arrivalSeconds) + 1 < clock { problems.append("\(label): \(d.id) arrives before the courier can be there") }
                    if clock - Double(trip.departSeconds) > 2_700 + 1 {
                        problems.append("\(label): \(d.id) spends \(Int(clock) - trip.departSeconds) s in the box")
                    }
                    clock = max(clock, Double(stop.arrivalSeconds))
                    let window = d.window.map { ($0.start.seconds, $0.end.seconds) } ?? (39_600, 45_000)
                    if stop.arrivalSeconds < window.0 - 1 || stop.arrivalSeconds > window.1 + 1 {
                        problems.append("\(label): \(d.id) at \(stop.arrivalSeconds) is outside the window \(window)")
                    }
                    clock += 120
                    here = d.location
                }
                clock += seconds(here, c.location, speed: ride[k.vehicle]!)
                if Double(trip.returnSeconds) + 1 < clock { problems.append("\(label): back before the courier can be") }
            }
        }
        let deliveries = Set(plan.assignments.filter { $0.mode == .delivery }.map(\.dinerID))
        if routedDiners != deliveries { problems.append("delivery diners and route stops differ") }
        return problems
    }
}
