import Foundation
import MealCore

/// A day's plan as GeoJSON for GIS programs (QGIS, the civil-affairs platform): the canteens
/// and the plan's diners as Points, each courier trip as a LineString (straight legs from the
/// canteen through the stops in order and back), and each canteen's 15-minute reach. Positions
/// `[longitude, latitude]` (WGS-84, RFC 7946); properties in `PlanGeoJSON+Properties`,
/// documented in docs/plan-format.md ("GeoJSON").
public enum PlanGeoJSON {
    public typealias Feature = GeoJSON.Feature<Properties>
    public typealias Collection = GeoJSON.FeatureCollection<Properties>

    /// Canteens in registry order, then the plan's diners (placed, then unserved), the trips
    /// courier by courier, and the reach outlines in the order given.
    public static func collection(_ plan: DayPlan, registry: Registry, reach: [ReachOutline], clock: DistrictTime) throws
        -> Collection {
        let places = try Places(plan: plan, registry: registry, clock: clock)
        var features = registry.canteens.map { canteen in
            Feature(geometry: .point(at: canteen.location), properties: .canteen(CanteenProperties(
                id: canteen.id, name: PlainText.visible(canteen.name), community: PlainText.visible(canteen.community),
                seats: canteen.seats, kitchenCapacity: canteen.kitchenCapacity, sittings: canteen.sittings.map(\.description),
                served: plan.assignments.filter { $0.canteenID == canteen.id }.count)))
        }
        features += try plan.assignments.map { try places.diner($0) }
        features += try plan.unserved.map { try places.unserved($0) }
        for round in plan.rounds {
            features += try round.trips.enumerated().map { try places.trip($1, number: $0 + 1, of: round) }
        }
        features += reach.map(\.feature)
        return Collection(features: features)
    }

    /// Where the plan's people are, and the day's clock.
    struct Places {
        let plan: DayPlan
        let day: CalendarDate
        let clock: DistrictTime
        let canteens: [CanteenID: Canteen]
        let diners: [DinerID: Diner]
        let couriers: [CourierID: Courier]

        init(plan: DayPlan, registry: Registry, clock: DistrictTime) throws {
            self.plan = plan
            day = try CalendarDate(parsing: plan.date)
            self.clock = clock
            canteens = Dictionary(registry.canteens.map { ($0.id, $0) }) { first, _ in first }
            diners = Dictionary(registry.diners.map { ($0.id, $0) }) { first, _ in first }
            couriers = Dictionary(registry.couriers.map { ($0.id, $0) }) { first, _ in first }
        }

        func diner(_ meal: PlannedMeal) throws -> Feature {
            let diner = try home(of: meal.dinerID)
            return Feature(geometry: .point(at: diner.location), properties: .diner(DinerProperties(
                id: meal.dinerID, mobility: diner.mobility, mode: DinerMode(meal.mode), canteen: meal.canteenID,
                sitting: meal.sitting?.description, courier: meal.courierID, trip: meal.trip, stop: meal.position,
                arrival: meal.arrivalSeconds.map(OperatorText.minuteClock),
                arrivalISO: meal.arrivalSeconds.map { clock.iso(day, secondsAfterMidnight: $0) },
                locked: meal.locked ? true : nil)))
        }

        func unserved(_ unserved: UnservedDiner) throws -> Feature {
            let diner = try home(of: unserved.dinerID)
            return Feature(geometry: .point(at: diner.location), properties: .diner(DinerProperties(
                id: unserved.dinerID, mobility: diner.mobility, mode: .unserved, reason: unserved.reason,
                detail: unserved.detail)))
        }

        func trip(_ trip: CourierRound.Trip, number: Int, of round: CourierRound) throws -> Feature {
            let kitchen = GeoJSON.Position(try canteen(round.canteenID).location)
            let stops = try trip.stops.map { GeoJSON.Position(try home(of: $0.dinerID).location) }
            return Feature(geometry: .lineString([kitchen] + stops + [kitchen]), properties: .round(RoundProperties(
                courier: round.courierID, vehicle: couriers[round.courierID]?.vehicle, canteen: round.canteenID,
                trip: number, stops: trip.stops.count,
                depart: OperatorText.minuteClock(trip.departSeconds),
                departISO: clock.iso(day, secondsAfterMidnight: trip.departSeconds),
                returnTime: OperatorText.minuteClock(trip.returnSeconds),
                returnISO: clock.iso(day, secondsAfterMidnight: trip.returnSeconds))))
        }

        /// A plan names only people the registry keeps (diners are made inactive, never removed);
        /// one it does not know is an error rather than a point quietly left off the map.
        private func home(of id: DinerID) throws -> Diner {
            guard let diner = diners[id] else { throw missing("diner", id.rawValue) }
            return diner
        }

        private func canteen(_ id: CanteenID) throws -> Canteen {
            guard let canteen = canteens[id] else { throw missing("canteen", id.rawValue) }
            return canteen
        }

        private func missing(_ kind: String, _ id: String) -> DomainError {
            DomainError(field: kind, "version \(plan.version) of \(plan.date) names a \(kind) the registry does not have", value: id)
        }
    }
}
