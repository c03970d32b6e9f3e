import Foundation
import MealCore

/// The differences between two versions as the person making the calls reads them: who must
/// be told (marked `TELL`, with the phone number in full, since phoning them is the purpose of
/// the list), as text, CSV (through the formula guard) or JSON. Names and the other diners'
/// text are shown as everywhere else (`PhoneMask`); only the number to call is unmasked.
public struct PlanDiffReport: Sendable {
    public var date: String
    public var fromVersion: Int
    public var toVersion: Int
    public var changes: [DinerChange]
    /// Each must-tell diner's phone numbers as stored (digits, `;`-separated).
    public var phones: [DinerID: String]

    public init(date: String, fromVersion: Int, toVersion: Int, changes: [DinerChange], diners: [DinerID: Diner]) {
        self.date = date
        self.fromVersion = fromVersion
        self.toVersion = toVersion
        self.changes = changes
        phones = Dictionary(uniqueKeysWithValues: changes.filter(\.mustTell).map { ($0.dinerID, diners[$0.dinerID]?.phone ?? "") })
    }

    public var mustTellCount: Int { changes.filter(\.mustTell).count }

    /// The number to call, or "no phone on record".
    func phone(_ change: DinerChange) -> String? {
        guard change.mustTell else { return nil }
        let numbers = phones[change.dinerID].map { $0.split(separator: ";").joined(separator: " / ") } ?? ""
        return numbers.isEmpty ? "no phone on record" : numbers
    }

    /// `TELL 王秀英 (D00012): canteen A → B — tel 13612340001`, or the same line indented
    /// without a phone for a change nobody needs to call about.
    public func line(_ change: DinerChange) -> String {
        let text = "\(PhoneMask.mask(change.dinerName)) (\(change.dinerID)): " + change.items.map(PhoneMask.mask).joined(separator: ", ")
        guard let phone = phone(change) else { return "     " + text }
        return "TELL " + text + " — tel " + phone
    }

    public static let csvHeader = ["diner_id", "name", "must_tell", "phone", "kind", "counted",
                                   "canteen_before", "canteen_after", "courier_before", "courier_after", "changes"]

    public func csv() -> String {
        var rows = [Self.csvHeader]
        for change in changes {
            rows.append([change.dinerID.rawValue, PhoneMask.mask(change.dinerName), change.mustTell ? "yes" : "no",
                         phone(change) ?? "", change.kind.rawValue, change.counted ? "yes" : "no",
                         change.before?.canteenID.rawValue ?? "", change.after?.canteenID.rawValue ?? "",
                         change.before?.courierID?.rawValue ?? "", change.after?.courierID?.rawValue ?? "",
                         change.items.map(PhoneMask.mask).joined(separator: "; ")])
        }
        return CSVWriter(guardsFormulas: true).string(for: rows)
    }

    struct Document: Codable {
        struct Change: Codable {
            var dinerID: String
            var name: String
            var kind: String
            var mustTell: Bool
            var phone: String?
            var counted: Bool
            var canteenBefore: String?
            var canteenAfter: String?
            var courierBefore: String?
            var courierAfter: String?
            var changes: [String]

            enum CodingKeys: String, CodingKey {
                case name, kind, phone, counted, changes
                case dinerID = "diner_id", mustTell = "must_tell", canteenBefore = "canteen_before"
                case canteenAfter = "canteen_after", courierBefore = "courier_before", courierAfter = "courier_after"
            }
        }

        var date: String
        var from: Int
        var to: Int
        var changes: [Change]
    }

    public func json() throws -> String {
        let document = Document(date: date, from: fromVersion, to: toVersion, changes: changes.map { change in
            Document.Change(dinerID: change.dinerID.rawValue, name: PhoneMask.mask(change.dinerName), kind: change.kind.rawValue,
                            mustTell: change.mustTell, phone: phone(change), counted: change.counted,
                            canteenBefore: change.before?.canteenID.rawValue, canteenAfter: change.after?.canteenID.rawValue,
                            courierBefore: change.before?.courierID?.rawValue, courierAfter: change.after?.courierID?.rawValue,
                            changes: change.items.map(PhoneMask.mask))
        })
        return String(decoding: try JSONEncoder.sortedKeys(pretty: true).encode(document), as: UTF8.self) + "\n"
    }
}
