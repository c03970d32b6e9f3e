import Foundation
import MealCore

extension PlanningParameters {
    /// The range of every figure, as docs/planning.md lists them: wide enough for any district an
    /// operator would plan, narrow enough that every sum of seconds or meals the planner makes
    /// (trips of a 200-meal box at 1,800 s a door, flow costs of a whole city) stays far inside
    /// the integers.
    public enum Ranges {
        /// Road distance ÷ great-circle distance.
        public static let circuity = 1.0...5.0
        /// The service circle: one minute to one hour.
        public static let radiusSeconds = 60...3_600
        /// m/s on foot, from a very slow walker to a brisk one.
        public static let walkSpeed = 0.1...3.0
        /// m/s, from a courier on foot to a car in town.
        public static let courierSpeed = 0.5...40.0
        /// At each door: up to half an hour.
        public static let serviceSeconds = 0...1_800
        /// From one minute to two hours in the box.
        public static let maxInBoxSeconds = 60...7_200
        /// Times of day (meals ready, the default window): seconds since midnight, 24:00 included.
        public static let clockSeconds = 0...86_400
        /// The assignment's estimate of one way out to the diners: up to an hour.
        public static let tripLegSeconds = 0...3_600
        /// The assignment's estimate of the way between two doors: up to an hour.
        public static let stopGapSeconds = 0...3_600

        static func check(_ value: Int, _ range: ClosedRange<Int>, key: CodingKeys,
                          _ what: String = "a whole number of seconds") throws {
            guard range.contains(value) else { throw outOfRange(key.rawValue, what, range, value: "\(value)") }
        }

        static func check(_ value: Double, _ range: ClosedRange<Double>, key: CodingKeys, _ what: String) throws {
            try check(value, range, field: key.rawValue, what)
        }

        static func check(_ value: Double, _ range: ClosedRange<Double>, field: String, _ what: String) throws {
            guard value.isFinite, range.contains(value) else {
                throw DomainError(field: field, "must be \(what) from \(plain(range.lowerBound)) to \(plain(range.upperBound))",
                                  value: plain(value))
            }
        }

        static func outOfRange(_ field: String, _ what: String, _ range: ClosedRange<Int>, value: String?) -> DomainError {
            DomainError(field: field, "must be \(what) from \(range.lowerBound) to \(range.upperBound)", value: value)
        }

        /// What a key must hold, for a value the JSON reader could not even turn into a number.
        static func expected(_ field: String) -> String {
            func seconds(_ range: ClosedRange<Int>) -> String {
                "must be a whole number of seconds from \(range.lowerBound) to \(range.upperBound)"
            }
            switch CodingKeys(stringValue: field) {
            case .circuity: return "must be a road-distance factor from \(plain(circuity.lowerBound)) to \(plain(circuity.upperBound))"
            case .walkSpeed, .courierSpeed: return "must be an object of speeds in m/s"
            case .readySeconds, .defaultWindowStart, .defaultWindowEnd:
                return "must be a time of day in seconds from \(clockSeconds.lowerBound) to \(clockSeconds.upperBound)"
            case .radiusSeconds: return seconds(radiusSeconds)
            case .serviceSeconds: return seconds(serviceSeconds)
            case .maxInBoxSeconds: return seconds(maxInBoxSeconds)
            case .tripLegSeconds: return seconds(tripLegSeconds)
            case .stopGapSeconds: return seconds(stopGapSeconds)
            case nil: return field.hasPrefix("walk_speed.") || field.hasPrefix("courier_speed.") ? "must be a speed in m/s" : "unreadable"
            }
        }

        static func plain(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        }
    }

    /// Reads a parameters file: a JSON object whose keys are those of docs/planning.md. Every
    /// problem is a `DomainError` whose field is the key that is wrong (`walk_speed.walker` for
    /// one speed), or `parameters` when the text is not a JSON object at all.
    public static func reading(json data: Data) throws -> PlanningParameters {
        do {
            return try JSONDecoder().decode(PlanningParameters.self, from: data)
        } catch let error as DomainError {
            throw error
        } catch {
            throw DomainError(field: "parameters", "not a JSON object of planning parameters")
        }
    }

    /// The parameters a stored version was made with; an empty text means the defaults. The
    /// planner, the editor and the checker all read a stored version through this one reader.
    public init(storedWith plan: DayPlan) throws {
        let text = plan.parametersJSON.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { self = .standard; return }
        do {
            self = try PlanningParameters.reading(json: Data(text.utf8))
        } catch {
            throw DomainError(field: "parameters", "version \(plan.version) of \(plan.date) has unreadable planning parameters: \(error)")
        }
    }
}

/// Any key of a parameters file, so that keys the planner does not know can be named.
struct ParameterKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer where Key == PlanningParameters.CodingKeys {
    /// The value of `key` if present; a value of the wrong kind is reported against the key (the
    /// JSON reader reports a number too large for its type with an error of its own, not a
    /// `DecodingError`, so every error is caught).
    func value<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
        do {
            return try decodeIfPresent(type, forKey: key)
        } catch {
            throw DomainError(field: key.rawValue, PlanningParameters.Ranges.expected(key.rawValue))
        }
    }

    /// A speed table (`walk_speed`, `courier_speed`); a name it does not know is refused.
    func speeds<Name: RawRepresentable>(_ key: Key, known: [Name]) throws -> [String: Double] where Name.RawValue == String {
        guard contains(key) else { return [:] }
        let table: KeyedDecodingContainer<ParameterKey>
        do {
            table = try nestedContainer(keyedBy: ParameterKey.self, forKey: key)
        } catch {
            throw DomainError(field: key.rawValue, PlanningParameters.Ranges.expected(key.rawValue))
        }
        var speeds: [String: Double] = [:]
        for name in table.allKeys {
            let field = "\(key.rawValue).\(name.stringValue)"
            guard known.contains(where: { $0.rawValue == name.stringValue }) else {
                throw DomainError(field: field, "unknown name; expected " + known.map(\.rawValue).joined(separator: ", "))
            }
            do {
                speeds[name.stringValue] = try table.decode(Double.self, forKey: name)
            } catch {
                throw DomainError(field: field, PlanningParameters.Ranges.expected(field))
            }
        }
        return speeds
    }
}
