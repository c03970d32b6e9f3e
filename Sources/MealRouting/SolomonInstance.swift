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
        guard let vehicleCount = Int(vehicleFields[0]), vehicleCount > 0 else {
            throw fail(vehicleRow + 1, "NUMBER", "'\(vehicleFields[0])' is not a positive integer")
        }
        guard let capacity = Int(vehicleFields[1]), capacity > 0 else {
            throw fail(vehicleRow + 1, "CAPACITY", "'\(vehicleFields[1])' is not a positive integer")
        }
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
            guard numbers[3] >= 0, numbers[3] == numbers[3].rounded() else {
                throw fail(index + 1, "DEMAND", "'\(fields[3])' is not a non-negative integer")
            }
            guard numbers[4] <= numbers[5] else {
                throw fail(index + 1, "DUE DATE", "due date \(fields[5]) before ready time \(fields[4])")
            }
            guard numbers[6] >= 0 else { throw fail(index + 1, "SERVICE TIME", "negative") }
            customers.append(Customer(
                number: Int(numbers[0]), x: numbers[1], y: numbers[2], demand: Int(numbers[3]),
                readyTime: numbers[4], dueDate: numbers[5], serviceTime: numbers[6]))
        }
        guard customers.count >= 2 else {
            throw fail(lines.count, "CUSTOMER", "need a depot (customer 0) and at least one customer")
        }
        return SolomonInstance(name: name, vehicleCount: vehicleCount, capacity: capacity, customers: customers)
    }
}
