import MealCore

/// The road network the store holds, as the planner needs it: which one (its digest) and a
/// travel model on it for given planning parameters (the paces and speeds come from them).
public protocol RoadNetworkSource: Sendable {
    var digest: String { get }
    func travelModel(parameters: PlanningParameters) -> any TravelModel
}

/// The travel model a command plans, checks or reports with: what plans record, and how to make
/// the model once the parameters are known.
public struct TravelChoice: Sendable {
    public let identity: TravelModelIdentity
    private let make: @Sendable (PlanningParameters) -> any TravelModel

    public init(identity: TravelModelIdentity, model make: @escaping @Sendable (PlanningParameters) -> any TravelModel) {
        self.identity = identity
        self.make = make
    }

    /// Great-circle distance × circuity: the ruler.
    public static let straight = TravelChoice(identity: .straight) { GreatCircleTravelModel(parameters: $0) }

    /// A model already made (tests, and callers that built one): used whatever the parameters.
    public static func fixed(_ model: any TravelModel) -> TravelChoice {
        TravelChoice(identity: model.identity) { _ in model }
    }

    /// The road network's model.
    public static func network(_ roads: any RoadNetworkSource) -> TravelChoice {
        TravelChoice(identity: .network(digest: roads.digest)) { roads.travelModel(parameters: $0) }
    }

    public func model(for parameters: PlanningParameters) -> any TravelModel { make(parameters) }
}

/// Chooses the travel model from what the operator asked for and whether roads are imported.
public enum TravelSelection {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The road network was asked for but none is imported.
        case noRoadNetwork

        public var description: String {
            switch self {
            case .noRoadNetwork: "no road network imported"
            }
        }
    }

    /// `requested`, or when nothing was asked the network if roads are imported, else the
    /// straight line. Asking for the network without roads is an error, never a quiet fallback.
    public static func choose(_ requested: TravelModelKind?, roads: (any RoadNetworkSource)?) throws -> TravelChoice {
        switch requested ?? (roads == nil ? .straight : .network) {
        case .straight: return .straight
        case .network:
            guard let roads else { throw Failure.noRoadNetwork }
            return .network(roads)
        }
    }

    /// The choice for a command working on `database`.
    public static func choose(_ requested: TravelModelKind?, in database: AppDatabase) throws -> TravelChoice {
        try choose(requested, roads: storedRoads(in: database))
    }
}
