import Foundation
import MealRoads

/// A place of the registry the road network must cover: a canteen, or a diner who is active.
public struct RegistryPlace: Equatable, Sendable {
    public enum Kind: String, Sendable {
        case canteen, diner
    }

    public var kind: Kind
    public var id: String
    public var point: RoadPoint

    public init(kind: Kind, id: String, point: RoadPoint) {
        self.kind = kind
        self.id = id
        self.point = point
    }
}

/// How a road network lies over the registry's places.
///
/// A place is *outside* when it lies beyond the network's bounds by more than the snap distance:
/// no way of the file can reach it, so the file is an extract of somewhere else or too small,
/// and it is refused. A place inside whose nearest way is farther than the snap distance (a farm
/// down an unmapped track) is only counted: the planner reports such a home as off the network,
/// and the bundled district has some on purpose. Checking the bounds rather than each place's
/// nearest way keeps a real extract with a few unmapped lanes importable.
public struct RoadCoverage: Equatable, Sendable {
    /// Places checked, per kind.
    public var canteens = 0
    public var diners = 0
    /// Places beyond the network's bounds (by more than the snap distance), in id order.
    public var outside: [RegistryPlace] = []
    /// Places inside the bounds farther than the snap distance from every way anyone may take.
    public var offNetwork: [RegistryPlace] = []

    public var coversRegistry: Bool { outside.isEmpty }

    /// Checks `places` against `network`; `snapLimitMetres` is the planner's snap distance.
    public static func check(_ places: [RegistryPlace], against network: RoadNetwork,
                             snapLimitMetres: Double = RoadImport.snapLimitMetres) -> RoadCoverage {
        var coverage = RoadCoverage()
        guard !places.isEmpty else { return coverage }
        let router = RoadRouter(network: network, snapLimitMetres: snapLimitMetres)
        for place in places {
            switch place.kind {
            case .canteen: coverage.canteens += 1
            case .diner: coverage.diners += 1
            }
            if !within(network.bounds, place.point, marginMetres: snapLimitMetres) {
                coverage.outside.append(place)
            } else if !RoadUser.allCases.contains(where: { router.snap(place.point, for: $0) != nil }) {
                coverage.offNetwork.append(place)
            }
        }
        return coverage
    }

    /// Whether `point` lies inside `bounds` grown by `marginMetres` on every side.
    static func within(_ bounds: RoadBounds, _ point: RoadPoint, marginMetres: Double) -> Bool {
        let metresPerDegree = GeoPoint.earthRadiusMetres * Double.pi / 180
        let latitudeMargin = marginMetres / metresPerDegree
        let widest = max(abs(bounds.minLatitude), abs(bounds.maxLatitude), abs(point.latitude))
        let longitudeMargin = marginMetres / (metresPerDegree * max(cos(widest * Double.pi / 180), 0.01))
        return point.latitude >= bounds.minLatitude - latitudeMargin
            && point.latitude <= bounds.maxLatitude + latitudeMargin
            && point.longitude >= bounds.minLongitude - longitudeMargin
            && point.longitude <= bounds.maxLongitude + longitudeMargin
    }
}

/// What a road import did (or, in a dry run, would do).
public struct RoadImportSummary: Sendable {
    public var file: String
    public var statistics: RoadNetworkStatistics
    public var bounds: RoadBounds
    public var digest: String
    /// Bytes of the network's stored form.
    public var storedBytes: Int
    public var coverage: RoadCoverage
    /// The digest of the network it replaced; nil when none was stored.
    public var replacedDigest: String?
    public var dryRun: Bool
}

/// A road file refused: what is wrong with it, and nothing was written.
public struct RoadImportFailure: Error, CustomStringConvertible {
    public enum Problem: Sendable {
        /// The file cannot be read as an OpenStreetMap extract (its error names file and place).
        case unreadable(OSMReadError)
        /// The extract holds no way any traveller may take (not a road extract).
        case noUsableRoads(osmWays: Int)
        case tooLarge(nodes: Int)
        /// Canteens or active diners lie outside the network.
        case notCovering(RoadCoverage, bounds: RoadBounds)
    }

    public var file: String
    public var problem: Problem
    /// How many outside places are named before the rest are only counted.
    public static let shownPlaces = 5

    public var description: String {
        let what: String
        switch problem {
        case .unreadable(let error):
            return "\(error.localizedDescription); nothing was imported"
        case .noUsableRoads(let ways):
            what = "no road any traveller may use (\(ways) way\(ways == 1 ? "" : "s") read, none with a usable highway tag)"
        case .tooLarge(let nodes):
            what = "too large for a road network (\(nodes) nodes)"
        case .notCovering(let coverage, let bounds):
            what = Self.notCovering(coverage, bounds: bounds)
        }
        return "\(file): \(what); nothing was imported"
    }

    private static func notCovering(_ coverage: RoadCoverage, bounds: RoadBounds) -> String {
        let canteens = coverage.outside.filter { $0.kind == .canteen }.count
        let diners = coverage.outside.count - canteens
        var parts: [String] = []
        if canteens > 0 { parts.append("\(canteens) of \(coverage.canteens) canteen\(coverage.canteens == 1 ? "" : "s")") }
        if diners > 0 { parts.append("\(diners) of \(coverage.diners) active diner\(coverage.diners == 1 ? "" : "s")") }
        let named = coverage.outside.prefix(shownPlaces).map(\.id).joined(separator: ", ")
            + (coverage.outside.count > shownPlaces ? ", ..." : "")
        return "the roads do not cover the registry: \(parts.joined(separator: " and ")) lie outside the network "
            + "(\(named)); the file's roads span latitude \(RoadImport.degrees(bounds.minLatitude))..."
            + "\(RoadImport.degrees(bounds.maxLatitude)), longitude \(RoadImport.degrees(bounds.minLongitude))..."
            + "\(RoadImport.degrees(bounds.maxLongitude)); an extract of the district is needed"
    }
}

/// Imports an OpenStreetMap extract (`.osm.pbf` or `.osm` XML) as the routable road network.
public enum RoadImport {
    /// The planner's snap distance: a place farther than this from every usable way is off the network.
    public static let snapLimitMetres = 300.0

    /// Reads `path` (streamed) into a network, checks that it covers the registry and stores it in
    /// place of any earlier one, in one transaction; a dry run checks and writes nothing.
    public static func importFile(path: String, into database: AppDatabase, dryRun: Bool = false,
                                  by user: String = ChangeClock.loginUser) throws -> RoadImportSummary {
        let network = try network(fromFile: path)
        return try database.importRoadNetwork(network, sourceFile: path, dryRun: dryRun, by: user)
    }

    /// The network of the extract at `path`; errors are `RoadImportFailure`s naming the file.
    public static func network(fromFile path: String) throws -> RoadNetwork {
        var builder = RoadNetworkBuilder()
        do {
            try OSMFileReader.read(contentsOf: URL(fileURLWithPath: path), into: &builder)
            return try builder.build()
        } catch let error as OSMReadError {
            // The reader names the file by the URL's path; name it as the operator typed it.
            var named = error
            named.file = path
            throw RoadImportFailure(file: path, problem: .unreadable(named))
        } catch RoadNetworkError.noUsableRoads(let ways) {
            throw RoadImportFailure(file: path, problem: .noUsableRoads(osmWays: ways))
        } catch RoadNetworkError.tooLarge(let nodes) {
            throw RoadImportFailure(file: path, problem: .tooLarge(nodes: nodes))
        }
    }

    /// Checks the network against the registry's `places`: refused when any lies outside.
    static func checkedCoverage(of network: RoadNetwork, places: [RegistryPlace], file: String) throws -> RoadCoverage {
        let coverage = RoadCoverage.check(places, against: network)
        guard coverage.coversRegistry else {
            throw RoadImportFailure(file: file, problem: .notCovering(coverage, bounds: network.bounds))
        }
        return coverage
    }

    /// A coordinate as operators read it: five decimals (about a metre).
    public static func degrees(_ value: Double) -> String { String(format: "%.5f", value) }
}
