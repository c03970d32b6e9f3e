import Foundation
import MealCore

/// Renders an assignment for coordinators: the load of every canteen and who is left out, why.
public enum AssignmentFormatter {
    public static func text(_ assignment: Assignment, canteens: [Canteen]) -> String {
        var out = "Assignment for \(assignment.day.date ?? "any day"): \(assignment.servedCount) served, "
            + "\(assignment.unserved.count) unserved\n\n"
        let byCanteen = Dictionary(grouping: assignment.placements, by: { $0.canteen.id })
        var table = TerminalTable(headers: ["id", "canteen", "sittings (used/seats)", "pickup", "delivery (est. cap)", "kitchen"],
                                  rightAligned: [3])
        for canteen in canteens {
            let placements = byCanteen[canteen.id] ?? []
            if placements.isEmpty && !(assignment.day.isoWeekday.map(canteen.openDays.contains) ?? true) {
                table.append([canteen.id.rawValue, canteen.name, "closed", "", "", ""])
                continue
            }
            let sittings = canteen.sittings.map { sitting in
                "\(placements.filter { $0.sitting == sitting }.count)/\(canteen.seats)"
            }.joined(separator: " ")
            let delivery = placements.filter { $0.kind == .delivery }.count
            table.append([canteen.id.rawValue, canteen.name, sittings.isEmpty ? "-" : sittings,
                          "\(placements.filter { $0.kind == .pickup }.count)",
                          "\(delivery) (\(assignment.deliveryCapacity[canteen.id] ?? 0))",
                          "\(placements.count)/\(canteen.kitchenCapacity)"])
        }
        out += table.render()
        if !assignment.unserved.isEmpty {
            out += "\nUnserved:\n"
            var unserved = TerminalTable(headers: ["id", "name", "community", "reason", "detail"])
            for entry in assignment.unserved {
                unserved.append([entry.diner.id.rawValue, entry.diner.name, entry.diner.community, entry.reason.rawValue, entry.detail])
            }
            out += unserved.render()
        }
        return out
    }

    /// Counts of unserved diners by reason code, in code order.
    public static func unservedSummary(_ assignment: Assignment) -> String {
        let counts = Dictionary(grouping: assignment.unserved, by: \.reason).mapValues(\.count)
        let parts = UnservedReason.allCases.compactMap { reason in counts[reason].map { "\(reason.rawValue) \($0)" } }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }
}
