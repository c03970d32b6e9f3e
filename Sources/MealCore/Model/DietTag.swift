/// A kitchen variant of the lunch. `regular` is what every kitchen makes.
public enum DietTag: String, CaseIterable, Codable, Sendable, Comparable {
    case regular
    case lowSalt = "low_salt"
    case diabetic
    case soft
    case halal
    case vegetarian

    public static func < (lhs: DietTag, rhs: DietTag) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The label printed on rosters and boxes.
    public var label: String {
        switch self {
        case .regular: "普通"
        case .lowSalt: "低盐"
        case .diabetic: "糖尿病餐"
        case .soft: "软食"
        case .halal: "清真"
        case .vegetarian: "素食"
        }
    }

    /// Parses a `;`-separated list of code words or labels (`low_salt;软食`); `field` names the
    /// column for the error.
    public static func parseList(_ text: String, field: String) throws -> Set<DietTag> {
        var tags = Set<DietTag>()
        for part in text.split(separator: ";") {
            let name = part.trimmingSpaces
            if name.isEmpty { continue }
            guard let tag = DietTag(codeOrLabel: name) else {
                throw DomainError(field: field, "unknown diet '\(name)' (expected \(DietTag.codesAndLabels))", value: text)
            }
            tags.insert(tag)
        }
        return tags
    }

    public static func format(_ tags: Set<DietTag>) -> String {
        tags.sorted().map(\.rawValue).joined(separator: ";")
    }
}
