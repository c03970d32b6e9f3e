import Foundation

/// A Solomon VRPTW benchmark instance (one depot, identical vehicles, Euclidean travel times).
public struct SolomonInstance: Sendable {
    public struct Customer: Sendable, Equatable {
        public var number: Int
        public var x: Double
        public var y: Double
        public var demand: Int
        public var readyTime: Double
        public var dueDate: Double
        public var serviceTime: Double

        public init(
            number: Int, x: Double, y: Double, demand: Int, readyTime: Double, dueDate: Double, serviceTime: Double
        ) {
            self.number = number
            self.x = x
            self.y = y
            self.demand = demand
            self.readyTime = readyTime
            self.dueDate = dueDate
            self.serviceTime = serviceTime
        }
    }

    public var name: String
    public var vehicleCount: Int
    public var capacity: Int
    /// The depot is `customers[0]` (customer number 0).
    public var customers: [Customer]

    public init(name: String, vehicleCount: Int, capacity: Int, customers: [Customer]) {
        self.name = name
        self.vehicleCount = vehicleCount
        self.capacity = capacity
        self.customers = customers
    }

    /// The benchmark as a routing problem: location i is customer i, stop i − 1 is customer i,
    /// travel time equals distance, and only distance is minimised.
    public var routingProblem: RoutingProblem {
        let points = customers.map { (x: $0.x, y: $0.y) }
        let matrix = TravelMatrix.euclidean(points)
        let depot = customers[0]
        let stops = customers.dropFirst().map { c in
            RoutingStop(
                name: String(c.number), location: c.number, demand: Load(c.demand),
                serviceTime: Seconds(c.serviceTime),
                timeWindow: RoutingTimeWindow(Seconds(c.readyTime), Seconds(c.dueDate)))
        }
        let vehicles = (0..<vehicleCount).map { v in
            RoutingVehicle(
                name: "vehicle \(v + 1)", depot: 0, kind: 0, capacity: Load(capacity),
                shift: RoutingTimeWindow(Seconds(depot.readyTime), Seconds(depot.dueDate)))
        }
        return RoutingProblem(
            depots: [RoutingDepot(name: "depot", location: 0, mealsReadyAt: Seconds(depot.readyTime))],
            stops: Array(stops),
            vehicleKinds: [RoutingVehicleKind(name: "vehicle", travelTimes: matrix)],
            vehicles: vehicles, maxTimeInBox: nil,
            costs: CostWeights(perDistance: 1))
    }
}

public struct SolomonParseError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var field: String
    public var reason: String

    public var description: String { "\(file):\(line): \(field): \(reason)" }
}

extension SolomonInstance {
    public static func load(path: String) throws -> SolomonInstance {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw SolomonParseError(file: path, line: 0, field: "file", reason: "cannot read: \(error.localizedDescription)")
        }
        return try parse(text, file: path)
    }

    /// Parses the classic layout: a name line, a `VEHICLE` block with number and capacity, then a
    /// `CUSTOMER` block with seven numeric columns per row.
    public static func parse(_ text: String, file: String = "<input>") throws -> SolomonInstance {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        func fail(_ line: Int, _ field: String, _ reason: String) -> SolomonParseError {
            SolomonParseError(file: file, line: line, field: field, reason: reason)
        }
        guard let nameIndex = lines.firstIndex(where: { !$0.isEmpty }) else {
            throw fail(1, "name", "empty file")
        }
        let name = lines[nameIndex]
        guard let vehicleHeader = lines.firstIndex(where: { $0.uppercased().hasPrefix("NUMBER") }) else {
            throw fail(nameIndex + 1, "VEHICLE", "missing 'NUMBER CAPACITY' header")
        }
        guard let vehicleRow = lines[(vehicleHeader + 1)...].firstIndex(where: { !$0.isEmpty }) else {
            throw fail(vehicleHeader + 2, "NUMBER", "missing vehicle number and capacity")
        }
        let vehicleFields = lines[vehicleRow].split(whereSeparator: \.isWhitespace)
        guard vehicleFields.count >= 2 else {
            throw fail(vehicleRow + 1, vehicleFields.isEmpty ? "NUMBER" : "CAPACITY", "expected two integers")
        }
        let vehicleCount = try Ranges.whole(vehicleFields[0], Ranges.vehicleCount, line: vehicleRow + 1, "NUMBER", fail)
        let capacity = try Ranges.whole(vehicleFields[1], Ranges.capacity, line: vehicleRow + 1, "CAPACITY", fail)
        guard let customerHeader = lines.firstIndex(where: { $0.uppercased().hasPrefix("CUST NO") }) else {
            throw fail(vehicleRow + 2, "CUSTOMER", "missing 'CUST NO.' header")
        }
        let columns = ["CUST NO.", "XCOORD.", "YCOORD.", "DEMAND", "READY TIME", "DUE DATE", "SERVICE TIME"]
        var customers: [Customer] = []
        for index in (customerHeader + 1)..<lines.count where !lines[index].isEmpty {
            let fields = lines[index].split(whereSeparator: \.isWhitespace)
            guard fields.count == columns.count else {
                throw fail(index + 1, fields.count < columns.count ? columns[fields.count] : "row",
                           "expected \(columns.count) columns, found \(fields.count)")
            }
            var numbers: [Double] = []
            for (column, field) in zip(columns, fields) {
                guard let value = Double(field), value.isFinite else {
                    throw fail(index + 1, column, "'\(field)' is not a number")
                }
                numbers.append(value)
            }
            guard numbers[0] == Double(customers.count) else {
                throw fail(index + 1, "CUST NO.", "expected customer \(customers.count), found \(fields[0])")
            }
            try Ranges.number(numbers[1], fields[1], Ranges.coordinate, line: index + 1, "XCOORD.", fail)
            try Ranges.number(numbers[2], fields[2], Ranges.coordinate, line: index + 1, "YCOORD.", fail)
            let demand = try Ranges.whole(fields[3], Ranges.demand, line: index + 1, "DEMAND", fail)
            try Ranges.number(numbers[4], fields[4], Ranges.time, line: index + 1, "READY TIME", fail)
            try Ranges.number(numbers[5], fields[5], Ranges.time, line: index + 1, "DUE DATE", fail)
            guard numbers[4] <= numbers[5] else {
                throw fail(index + 1, "DUE DATE", "due date \(fields[5]) before ready time \(fields[4])")
            }
            try Ranges.number(numbers[6], fields[6], Ranges.serviceTime, line: index + 1, "SERVICE TIME", fail)
            customers.append(Customer(
                number: customers.count, x: numbers[1], y: numbers[2], demand: demand,
                readyTime: numbers[4], dueDate: numbers[5], serviceTime: numbers[6]))
        }
        guard customers.count >= 2 else {
            throw fail(lines.count, "CUSTOMER", "need a depot (customer 0) and at least one customer")
        }
        return SolomonInstance(name: name, vehicleCount: vehicleCount, capacity: capacity, customers: customers)
    }
}

extension SolomonInstance {
    /// The range of every number in a Solomon file (docs/routing.md): generous for the classic
    /// and the extended (Gehring–Homberger) sets, small enough that sums of demands, distances
    /// and times over the largest instances stay exact in the solver's arithmetic.
    public enum Ranges {
        public static let vehicleCount = 1...10_000
        public static let capacity = 1...1_000_000
        public static let demand = 0...1_000_000
        public static let coordinate = -1_000_000.0...1_000_000.0
        /// Ready times and due dates.
        public static let time = 0.0...10_000_000.0
        public static let serviceTime = 0.0...1_000_000.0

        /// A whole number in `range`; `1e3` and `20.0` are whole numbers written as decimals.
        static func whole(_ field: Substring, _ range: ClosedRange<Int>, line: Int, _ column: String,
                          _ fail: (Int, String, String) -> SolomonParseError) throws -> Int {
            let outside = fail(line, column, "must be a whole number from \(range.lowerBound) to \(range.upperBound) (got '\(field)')")
            guard let value = Double(field) else { throw fail(line, column, "'\(field)' is not a number") }
            guard value.isFinite, value == value.rounded(), value >= Double(range.lowerBound),
                  value <= Double(range.upperBound) else { throw outside }
            return Int(value)
        }

        static func number(_ value: Double, _ field: Substring, _ range: ClosedRange<Double>, line: Int, _ column: String,
                           _ fail: (Int, String, String) -> SolomonParseError) throws {
            guard range.contains(value) else {
                throw fail(line, column, "must be a number from \(Int(range.lowerBound)) to \(Int(range.upperBound)) (got '\(field)')")
            }
        }
    }
}
