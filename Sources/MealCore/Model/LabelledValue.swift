/// A value with a fixed set of cases, each with a code word (the raw value: CSV files, the
/// database, JSON) and the Chinese word that rosters and printouts show (`label`). Import files
/// may hold either, because clerks type what they read on the roster: the one table of labels
/// each enum keeps serves both the printing and the reading.
public protocol LabelledValue: RawRepresentable, CaseIterable where RawValue == String, AllCases: Collection {
    /// The Chinese word printed for the value.
    var label: String { get }
}

extension LabelledValue {
    /// The case whose code word or Chinese label is `text`.
    public init?(codeOrLabel text: String) {
        if let value = Self(rawValue: text) {
            self = value
        } else if let value = Self.allCases.first(where: { $0.label == text }) {
            self = value
        } else {
            return nil
        }
    }

    /// `walk|bicycle|car or 步行|自行车|汽车`, for "expected one of ..." messages.
    public static var codesAndLabels: String {
        allCases.map(\.rawValue).joined(separator: "|") + " or " + allCases.map(\.label).joined(separator: "|")
    }
}

extension Mobility: LabelledValue {}
extension VehicleKind: LabelledValue {}
extension DietTag: LabelledValue {}
extension DinerStatus: LabelledValue {}
extension ServiceMode: LabelledValue {}
extension ServicePreference: LabelledValue {}
