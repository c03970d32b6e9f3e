/// Who made a plan version: the day planner, the replanner, or a coordinator's edit (with the
/// edit's action, `move`, `cancel`, `absent`, ...). Replanning keeps the rounds of canteens
/// nobody touched since the planner last made them, so it must know which versions those are;
/// the free-text note is for people and is not read back.
public enum PlanProvenance: Sendable, Equatable, Hashable {
    case planned
    case replanned
    case edited(action: String)

    /// Whether the planner itself made the version (a fresh plan or a replan).
    public var isPlannerMade: Bool {
        switch self {
        case .planned, .replanned: true
        case .edited: false
        }
    }

    /// The text kept in the `plan.provenance` column: `planned`, `replanned`, `edited:ACTION`.
    public var storedValue: String {
        switch self {
        case .planned: "planned"
        case .replanned: "replanned"
        case .edited(let action): "edited:" + action
        }
    }

    /// Reads the column; nil for a value this build does not know.
    public init?(storedValue: String) {
        switch storedValue {
        case "planned": self = .planned
        case "replanned": self = .replanned
        default:
            guard storedValue.hasPrefix("edited:") else { return nil }
            self = .edited(action: String(storedValue.dropFirst("edited:".count)))
        }
    }
}
