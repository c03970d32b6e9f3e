import Foundation
import MealCore
import MealPlanner
import MealRoads

/// A day's plan as a map (`mealcli map --date`): streets (or a graticule), each canteen with the
/// outline of its reach, diners by how they are served, and the delivery rounds. With a focus
/// the page opens on that canteen or courier and dims the rest.
public struct DayMap: Sendable {
    public enum Focus: Sendable, Equatable {
        case whole
        case canteen(CanteenID)
        case courier(CourierID)
    }

    public var plan: DayPlan
    public var registry: Registry
    /// The figures the plan was made with (pace and radius of the outlines).
    public var parameters: PlanningParameters
    /// The streets' travel model; nil draws a graticule, circles and straight legs.
    public var roads: NetworkTravelModel?
    public var focus: Focus
    /// The time zone the plan's times of day are in, named in the legend.
    public var timeZone: String

    public init(plan: DayPlan, registry: Registry, parameters: PlanningParameters, roads: NetworkTravelModel?,
                focus: Focus = .whole, timeZone: String = DistrictTime.defaultZoneIdentifier) {
        self.plan = plan
        self.registry = registry
        self.parameters = parameters
        self.roads = roads
        self.focus = focus
        self.timeZone = timeZone
    }

    public var html: String { page.html }

    public var page: MapPage {
        let canteens = Dictionary(registry.canteens.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let diners = Dictionary(registry.diners.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let couriers = Dictionary(registry.couriers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let places = registry.canteens.map(\.location) + (plan.assignments.map(\.dinerID) + plan.unserved.map(\.dinerID))
            .compactMap { diners[$0]?.location }
        let projection = MapLayout.projection(places: places, network: roads?.router.network)
        func at(_ point: GeoPoint) -> MapPoint { projection.point(latitude: point.latitude, longitude: point.longitude) }

        let dots = dinerDots(diners: diners, canteens: canteens, at: at)
        let trips = tripLines(couriers: couriers, canteens: canteens, diners: diners, at: at)
        let basis = ReachOutline.basis(parameters: parameters, onStreets: roads != nil)
        let meals = Dictionary(plan.assignments.map { ($0.canteenID, 1) }, uniquingKeysWith: +)
        let marks = registry.canteens.map { canteen in
            CanteenLayer.Mark(canteen: canteen, at: at(canteen.location),
                              outline: ReachOutline.outline(of: canteen, basis: basis, router: roads?.router, projection: projection),
                              meals: meals[canteen.id] ?? 0, dimmed: !isFocused(canteen: canteen.id))
        }
        let everything = MapBox(around: marks.map(\.at) + dots.map(\.at)) ?? MapBox(minX: -500, minY: -500, maxX: 500, maxY: 500)
        let full = everything.padded(everything.width * 0.04 + 10)
        let focused = marks.filter { !$0.dimmed }.map(\.at) + dots.filter { !$0.dimmed }.map(\.at)
            + trips.filter { !$0.dimmed }.flatMap(\.line)
        let fit = focus == .whole ? full : (MapBox(around: focused)?.padded(15, minimum: 60) ?? full)

        let base = roads.map { StreetLayer(network: $0.router.network, projection: projection).markup }
            ?? Graticule.markup(box: full, projection: projection)
        let legend = DayLegend(plan: plan, focus: focusWords(canteens: canteens, couriers: couriers), dots: dots, trips: trips,
                               basis: basis, hasStreets: roads != nil, timeZone: timeZone)
        return MapPage(title: "配餐地图 \(plan.date) 第\(plan.version)版", layers: [
            base, CanteenLayer.outlines(marks), RoundLayer.markup(trips), DinerLayer.markup(dots), CanteenLayer.markers(marks),
        ], legend: legend.markup, full: full, fit: fit, metresPerUnit: projection.metresPerUnit)
    }

    private func isFocused(canteen: CanteenID) -> Bool {
        switch focus {
        case .whole: true
        case .canteen(let id): id == canteen
        case .courier(let id): plan.rounds.contains { $0.courierID == id && $0.canteenID == canteen }
        }
    }

    private func isFocused(_ meal: PlannedMeal?) -> Bool {
        switch focus {
        case .whole: true
        case .canteen(let id): meal?.canteenID == id
        case .courier(let id): meal?.courierID == id
        }
    }

    private func dinerDots(diners: [DinerID: Diner], canteens: [CanteenID: Canteen], at: (GeoPoint) -> MapPoint) -> [DinerLayer.Dot] {
        let served = plan.assignments.compactMap { meal -> DinerLayer.Dot? in
            guard let diner = diners[meal.dinerID] else { return nil }
            let service = DinerLayer.Service(meal.mode)
            var details = [canteens[meal.canteenID]?.name ?? meal.canteenID.rawValue, service.label]
            if let arrival = meal.arrivalSeconds { details.append("\(RoundLayer.clock(arrival)) 送达") }
            if let sitting = meal.sitting { details.append("\(RoundLayer.clock(sitting.start.seconds))–\(RoundLayer.clock(sitting.end.seconds))") }
            if let courier = meal.courierID, let trip = meal.trip, let position = meal.position {
                details.append("送餐员 \(courier.rawValue) 第\(trip)趟第\(position)站")
            }
            return DinerLayer.Dot(diner: diner, at: at(diner.location), service: service, details: details, dimmed: !isFocused(meal))
        }
        let unserved = plan.unserved.compactMap { entry -> DinerLayer.Dot? in
            guard let diner = diners[entry.dinerID] else { return nil }
            return DinerLayer.Dot(diner: diner, at: at(diner.location), service: .unserved,
                                  details: ["未安排", DinerLayer.reason(entry.reason)], dimmed: focus != .whole)
        }
        return served + unserved
    }

    private func tripLines(couriers: [CourierID: Courier], canteens: [CanteenID: Canteen], diners: [DinerID: Diner],
                           at: (GeoPoint) -> MapPoint) -> [RoundLayer.Trip] {
        let rounds = plan.rounds.sorted { $0.courierID.rawValue < $1.courierID.rawValue }
        var trips: [RoundLayer.Trip] = [], legs: [RoundPaths.Leg] = []
        for (index, round) in rounds.enumerated() {
            guard let courier = couriers[round.courierID], let kitchen = canteens[round.canteenID]?.location else { continue }
            let dimmed = !(focus == .whole || focus == .canteen(round.canteenID) || focus == .courier(round.courierID))
            for (number, trip) in round.trips.enumerated() {
                let stops = trip.stops.compactMap { diners[$0.dinerID]?.location }
                legs.append(RoundPaths.Leg(places: [kitchen] + stops + [kitchen], vehicle: courier.vehicle))
                trips.append(RoundLayer.Trip(courier: courier, number: number + 1, departSeconds: trip.departSeconds,
                                             returnSeconds: trip.returnSeconds, line: [], stops: stops.map(at),
                                             colour: RoundLayer.colour(index), dimmed: dimmed))
            }
        }
        for (index, line) in RoundPaths.lines(legs, model: roads).enumerated() { trips[index].line = line.map(at) }
        return trips
    }

    private func focusWords(canteens: [CanteenID: Canteen], couriers: [CourierID: Courier]) -> String? {
        switch focus {
        case .whole: nil
        case .canteen(let id): "只看食堂：\(canteens[id]?.name ?? "")（\(id.rawValue)）"
        case .courier(let id): "只看送餐员：\(couriers[id]?.name ?? "")（\(id.rawValue)）"
        }
    }
}

/// How a map's projection is chosen.
enum MapLayout {
    /// Fitted to the places drawn and the streets' box, 1,000 units along the longer side.
    static func projection(places: [GeoPoint], network: RoadNetwork?) -> MapProjection {
        var latitudes = places.map(\.latitude), longitudes = places.map(\.longitude)
        if let bounds = network?.bounds {
            latitudes += [bounds.minLatitude, bounds.maxLatitude]
            longitudes += [bounds.minLongitude, bounds.maxLongitude]
        }
        return MapProjection(minLatitude: latitudes.min() ?? 0, maxLatitude: latitudes.max() ?? 0,
                             minLongitude: longitudes.min() ?? 0, maxLongitude: longitudes.max() ?? 0)
    }
}
