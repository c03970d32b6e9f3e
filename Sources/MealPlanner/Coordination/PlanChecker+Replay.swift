import MealCore
import MealRouting

/// The plan checker's replay of a courier's trip, timed with the same rule as the router and the
/// editor (`TripTiming`), so a plan the router made replays to the times it states.
extension Inspection {
    /// Follows one trip door to door from its planned departure with the routing engine's timing
    /// rule, serving each door no earlier than the plan says, and returns when the courier can be
    /// back at the canteen.
    mutating func replay(_ trip: CourierRound.Trip, number: Int, rider: Courier, depot: Canteen) -> Int {
        let slack = PlanChecker.roundingSlack
        var points = [depot.location]
        var doors: [RoutingStop] = []
        var people: [(person: Diner, planned: Int)] = []
        for stop in trip.stops {
            stops[stop.dinerID, default: []].append((rider.id, number, stop.arrivalSeconds))
            guard let person = diner[stop.dinerID] else {
                report(.unknownReference, diner: stop.dinerID, courier: rider.id, canteen: depot.id,
                       "\(rider.name)'s trip \(number) stops at diner \(stop.dinerID), who is not in the registry")
                continue
            }
            var door = parameters.routingStop(for: person, location: points.count)
            // Replayed at the planned times: a courier the plan has wait longer waits longer.
            door.timeWindow.earliest = Seconds(Double(stop.arrivalSeconds))
            doors.append(door)
            points.append(person.location)
            people.append((person, stop.arrivalSeconds))
        }
        let legs = { (from: Int, to: Int) in
            Double(self.model.seconds(from: points[from], to: points[to], by: .courier(rider.vehicle)) ?? 0)
        }
        // The shift and meal times are checked on their own; the replay starts at the planned departure.
        let anyTime = VehicleTiming(depotLocation: 0, shift: RoutingTimeWindow(Seconds(-86_400), Seconds(172_800)),
                                    mealsReadyAt: Seconds(-86_400))
        guard let timed = TripTiming.trips([Array(doors.indices)], stops: doors, vehicle: anyTime,
                                           keptDepartures: [Seconds(Double(trip.departSeconds))],
                                           travelTime: legs, distance: legs).first
        else { return trip.departSeconds }
        for (index, (person, planned)) in people.enumerated() {
            let atDoor = Int(timed.arrivals[index].value.rounded())
            if planned + slack < atDoor {
                report(.arrivalUnreachable, diner: person.id, courier: rider.id, canteen: depot.id,
                       "\(rider.name) cannot be at \(person.name)'s door before \(OperatorText.clock(atDoor)) on trip \(number), "
                           + "but the plan says \(OperatorText.clock(planned))")
            }
            checkBoxAndWindow(person, planned: planned, atDoor: atDoor, trip: trip, number: number, rider: rider, depot: depot)
        }
        return Int(timed.returnTime.value.rounded())
    }

    mutating func checkBoxAndWindow(_ person: Diner, planned: Int, atDoor: Int, trip: CourierRound.Trip, number: Int,
                                    rider: Courier, depot: Canteen) {
        let slack = PlanChecker.roundingSlack
        let inBox = atDoor - trip.departSeconds
        if inBox > parameters.maxInBoxSeconds + slack {
            report(.tooLongInBox, diner: person.id, courier: rider.id, canteen: depot.id,
                   "\(person.name)'s meal reaches the door \(OperatorText.duration(inBox)) after \(rider.name)'s trip \(number) "
                       + "leaves at \(OperatorText.clock(trip.departSeconds)) (limit \(OperatorText.duration(parameters.maxInBoxSeconds)))")
        }
        let window = parameters.deliveryWindow(of: person)
        let windowText = OperatorText.window(window.start, window.end)
        if planned + slack < window.start {
            report(.outsideWindow, diner: person.id, courier: rider.id, canteen: depot.id,
                   "\(person.name) is served at \(OperatorText.clock(planned)), before the window \(windowText) opens")
        } else if planned > window.end + slack {
            report(.outsideWindow, diner: person.id, courier: rider.id, canteen: depot.id,
                   "\(person.name) is served at \(OperatorText.clock(planned)), after the window \(windowText) ends")
        }
    }
}

extension Inspection {
    /// Why the travel model has no time between a home and a canteen: the home or the canteen
    /// off the street network, or no way between them.
    func noWay(_ home: GeoPoint, _ kitchen: GeoPoint, _ mode: TravelMode) -> String {
        if case .offNetwork(let metres) = model.placement(of: home, by: mode) {
            return "no street usable within \(Int(metres.rounded())) m of home"
        }
        if case .offNetwork(let metres) = model.placement(of: kitchen, by: mode) {
            return "no street usable within \(Int(metres.rounded())) m of the canteen"
        }
        return "no way along the streets between them"
    }
}
