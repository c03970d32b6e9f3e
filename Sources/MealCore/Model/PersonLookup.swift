import Foundation

/// Whether a person of the registry is a diner or a courier.
public enum PersonKind: String, Sendable, Codable {
    case diner, courier

    var plural: String { rawValue + "s" }
}

/// One person as a coordinator tells people apart on the phone: id, name, community, where
/// they eat (or deliver from) that day, and the phone masked. Names and phones are personal
/// data: the name and phone are given as `PhoneMask` shows them.
public struct PersonCandidate: Sendable, Equatable, Codable {
    public var kind: PersonKind
    public var id: String
    public var name: String
    public var community: String
    /// The diner's canteen and service in the day's plan ("江边长者食堂 (C1), delivery"),
    /// "unserved: REASON", "not planned", or "no plan"; a courier's own canteen.
    public var canteenToday: String
    /// Masked (`136****0001`).
    public var phone: String

    enum CodingKeys: String, CodingKey {
        case kind, id, name, community, phone
        case canteenToday = "canteen_today"
    }

    /// The row of a candidates listing: id, kind, name, community, canteen today, phone.
    public var row: [String] { [id, kind.rawValue, name, community, canteenToday, phone] }
    public static let headers = ["id", "kind", "name", "community", "canteen today", "phone"]
}

/// Finds the diner or courier an operator means by what they typed: the exact id always wins;
/// otherwise the name (exactly, else as part of a name), or the last digits of the phone number
/// (4 or more digits). Several matches are refused with the candidates listed, so that a
/// coordinator never changes the wrong 王秀英's lunch.
public struct PersonLookup: Sendable {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case noMatch(kind: PersonKind, text: String)
        case ambiguous(kind: PersonKind, text: String, candidates: [PersonCandidate])

        public var description: String {
            switch self {
            case .noMatch(let kind, let text):
                return "no \(kind.rawValue) has the id, name or phone ending '\(text)'"
            case .ambiguous(let kind, let text, let candidates):
                var table = TerminalTable(headers: PersonCandidate.headers)
                for candidate in candidates { table.append(candidate.row) }
                return "\(candidates.count) \(kind.plural) match '\(text)'; name one by its id:\n"
                    + table.render().trimmingCharacters(in: .newlines)
            }
        }
    }

    public let registry: Registry
    /// The day's plan the candidates' canteens are read from, if there is one.
    public let plan: DayPlan?

    public init(registry: Registry, plan: DayPlan?) {
        self.registry = registry
        self.plan = plan
    }

    /// The diner `text` names.
    public func diner(_ text: String) throws -> DinerID {
        if registry.diners.contains(where: { $0.id.rawValue == text }) { return DinerID(text) }
        let matches = Self.matches(text, in: registry.diners, name: \.name, phone: \.phone)
        return DinerID(try single(matches.map(candidate), kind: .diner, text: text).id)
    }

    /// The courier `text` names.
    public func courier(_ text: String) throws -> CourierID {
        if registry.couriers.contains(where: { $0.id.rawValue == text }) { return CourierID(text) }
        let matches = Self.matches(text, in: registry.couriers, name: \.name, phone: \.phone)
        return CourierID(try single(matches.map(candidate), kind: .courier, text: text).id)
    }

    /// Every diner and courier whose id or name contains `text` (letters in any case), or whose
    /// phone ends with it (4 or more digits): diners first, each kind by id.
    public func find(_ text: String) -> [PersonCandidate] {
        let query = text.trimmingSpaces.lowercased()
        guard !query.isEmpty else { return [] }
        func hit(id: String, name: String, phone: String) -> Bool {
            id.lowercased().contains(query) || name.lowercased().contains(query) || Self.phone(phone, endsWith: query)
        }
        return registry.diners.filter { hit(id: $0.id.rawValue, name: $0.name, phone: $0.phone) }.sorted { $0.id < $1.id }.map(candidate)
            + registry.couriers.filter { hit(id: $0.id.rawValue, name: $0.name, phone: $0.phone) }.sorted { $0.id < $1.id }.map(candidate)
    }

    private func single(_ candidates: [PersonCandidate], kind: PersonKind, text: String) throws -> PersonCandidate {
        switch candidates.count {
        case 0: throw Failure.noMatch(kind: kind, text: text)
        case 1: return candidates[0]
        default: throw Failure.ambiguous(kind: kind, text: text, candidates: candidates.sorted { $0.id < $1.id })
        }
    }

    /// People whose phone ends with the typed digits; else whose name is the typed name
    /// (spaces and letter case aside); else whose name contains it.
    static func matches<Person>(_ text: String, in people: [Person], name: KeyPath<Person, String>,
                                phone: KeyPath<Person, String>) -> [Person] {
        let query = text.trimmingSpaces.lowercased()
        guard !query.isEmpty else { return [] }
        let byPhone = people.filter { Self.phone($0[keyPath: phone], endsWith: query) }
        if !byPhone.isEmpty { return byPhone }
        let key = { (name: String) in name.filter { !$0.isWhitespace }.lowercased() }
        let exact = people.filter { key($0[keyPath: name]) == key(query) }
        if !exact.isEmpty { return exact }
        return people.filter { $0[keyPath: name].lowercased().contains(query) }
    }

    /// Whether one of the numbers of a stored phone cell (digits, `;`-separated) ends with
    /// `digits`, typed as 4 or more digits (ASCII or full-width).
    static func phone(_ stored: String, endsWith digits: String) -> Bool {
        guard digits.count >= 4, digits.allSatisfy(PhoneMask.isDigit) else { return false }
        let ascii = String(String.UnicodeScalarView(digits.map(PhoneMask.asciiDigit)))
        return stored.split(separator: ";").contains { $0.hasSuffix(ascii) }
    }

    func candidate(_ diner: Diner) -> PersonCandidate {
        PersonCandidate(kind: .diner, id: diner.id.rawValue, name: PhoneMask.mask(diner.name),
                        community: PhoneMask.mask(diner.community), canteenToday: canteenToday(of: diner.id),
                        phone: PhoneMask.mask(diner.phone))
    }

    func candidate(_ courier: Courier) -> PersonCandidate {
        let canteen = registry.canteens.first { $0.id == courier.canteenID }
        return PersonCandidate(kind: .courier, id: courier.id.rawValue, name: PhoneMask.mask(courier.name),
                               community: PhoneMask.mask(canteen?.community ?? ""),
                               canteenToday: canteenName(courier.canteenID), phone: PhoneMask.mask(courier.phone))
    }

    private func canteenName(_ id: CanteenID) -> String {
        registry.canteens.first { $0.id == id }.map { "\($0.name) (\(id))" } ?? id.rawValue
    }

    private func canteenToday(of id: DinerID) -> String {
        guard let plan else { return "no plan" }
        if let meal = plan.assignment(of: id) { return "\(canteenName(meal.canteenID)), \(meal.mode.rawValue)" }
        if let unserved = plan.unserved.first(where: { $0.dinerID == id }) { return "unserved: \(unserved.reason.rawValue)" }
        return "not planned"
    }
}
