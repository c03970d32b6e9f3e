import MealCore

extension PlanGeoJSON {
    /// The pace a canteen's reach is drawn at: a diner walking on their own, as `mealcli reach`
    /// draws it unless asked otherwise.
    public static let reachPace = Traveller.independent

    /// One canteen's 15-minute reach: the stretches of street inside it, or the ruler's circle.
    public enum ReachOutline: Sendable {
        case streets(CircleReach)
        case circle(canteen: Canteen, radiusSeconds: Int, speed: Double, circuity: Double)

        /// The outlines of `canteens` for `plan`: on the streets when the plan was made on the
        /// road network `roads` holds (the same digest), else the circle the straight line
        /// draws with the plan's own parameters.
        public static func outlines(for plan: DayPlan, canteens: [Canteen], roads: (any RoadNetworkSource)?) throws
            -> [ReachOutline] {
            let parameters = try PlanningParameters(storedWith: plan)
            if plan.travel.kind == .network, let roads, roads.digest == plan.travel.networkDigest,
               let model = roads.travelModel(parameters: parameters) as? NetworkTravelModel {
                return canteens.map { canteen in
                    .streets(CircleReach(canteen: canteen, diners: [], as: reachPace, model: model,
                                         radiusSeconds: parameters.radiusSeconds))
                }
            }
            let speed = GreatCircleTravelModel(parameters: parameters).speed(of: reachPace.mode) ?? 0
            return canteens.map { canteen in
                .circle(canteen: canteen, radiusSeconds: parameters.radiusSeconds, speed: speed,
                        circuity: parameters.circuity)
            }
        }

        var feature: Feature {
            switch self {
            case .streets(let reach):
                let lines = reach.streets.map { [GeoJSON.Position($0.from), GeoJSON.Position($0.to)] }
                return Feature(geometry: .multiLineString(lines), properties: .reach(ReachProperties(
                    canteen: reach.canteen.id, pace: reach.traveller, radiusSeconds: reach.radiusSeconds,
                    model: .network, networkDigest: reach.identity.networkDigest, segments: reach.streets.count,
                    streetKm: (reach.streetKilometres * 1000).rounded() / 1000, reason: reach.reason)))
            case let .circle(canteen, radiusSeconds, speed, circuity):
                // The straight line's time is great-circle metres × circuity ÷ speed.
                let metres = speed * Double(radiusSeconds) / circuity
                return Feature(geometry: .circle(around: canteen.location, metres: metres), properties: .reach(ReachProperties(
                    canteen: canteen.id, pace: reachPace, radiusSeconds: radiusSeconds, model: .straight,
                    radiusMetres: (metres * 10).rounded() / 10, speed: speed, circuity: circuity)))
            }
        }
    }
}
