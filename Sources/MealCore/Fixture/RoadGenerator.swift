import MealRoads
import MealRouting

/// Builds the street network of a generated district as an OpenStreetMap extract, made to
/// resemble Yuehu (月湖区) of Yingtan: the bundled fixture's roads.
///
/// The same configuration always yields the same extract, element for element: all randomness
/// comes from `SeededGenerator` streams of the configuration's seed, and every list is built in
/// a fixed order. Only the canteens and the subscribed diners shape the streets, so `.registry`
/// gets exactly the roads of `.yuehu`.
///
/// What the network holds, so that travel on it differs from the ruler in the ways it does in
/// a real town:
/// - A street grid (turned 14° from north) of uneven density: 100 m blocks around town centres
///   and canteens, coarser between them, 3.2 km county roads in open country, small grids in
///   villages; main roads (primary/secondary/tertiary) carry Chinese names and most a `maxspeed`.
/// - The Xin River (信江, `waterway=river`) crosses the whole district; streets stop at its banks
///   and only main roads cross it, on bridges (`bridge=yes`): those on the 6.4 km lines, and in
///   town those on the 3.2 km lines, so a bridge every 3 km in town and every 6 km outside.
/// - A railway (`railway=rail`) crosses it too; streets stop beside it except the same main
///   roads, which pass over it, and exactly two streets that cross it at grade on
///   `railway=level_crossing` nodes.
/// - Stepped footpaths (`highway=steps`) and footways cut through some town blocks; some
///   service roads through blocks are `foot=no` or `access=private`; some streets are one-way
///   (`oneway=yes`, some with `oneway:bicycle=no`).
/// - Every canteen gets a driveway if no street passes within 30 m; homes farther than 150 m
///   from a street get a lane or track, except most homes out past the district's edge
///   (5 km and more from every canteen), which the planner must report as beyond the snap distance.
public struct RoadGenerator: Sendable {
    public var configuration: DistrictGenerator.Configuration

    public init(_ configuration: DistrictGenerator.Configuration = .yuehu) {
        self.configuration = configuration
    }

    /// The district's roads, sorted as extracts are: nodes by increasing id, then ways.
    public func generate() -> OSMExtract {
        let layout = RoadLayout(configuration: configuration)
        var builder = StreetBuilder(layout: layout, seed: configuration.seed)
        builder.build()
        return builder.plan.extract()
    }
}

/// Where the district's people and places are, in the street frame.
struct RoadLayout: Sendable {
    /// Town centres and the canteens of street offices: the grid is densest around them.
    var urbanAnchors: [GridPoint] = []
    /// Township seats and village canteens: small grids around them.
    var ruralAnchors: [GridPoint] = []
    var canteens: [GridPoint] = []
    /// The subscribed diners' homes, in id order.
    var diners: [GridPoint] = []
    /// The street grid covers the square of this half-width (a multiple of the 3.2 km grid).
    var halfSize: Int = 0

    init(configuration: DistrictGenerator.Configuration) {
        let bounded = DistrictGenerator.Configuration(
            seed: configuration.seed, diners: configuration.diners, canteens: configuration.canteens,
            registrants: 0, districts: configuration.districts, idDigits: configuration.idDigits)
        var builder = Builder(configuration: bounded)
        builder.planCommunities()
        builder.planCanteens()
        let people = builder.makeDiners(count: bounded.diners, firstNumber: 1, subscribed: true, stream: 3)
        for community in builder.communities {
            let centre = RoadFrame.grid(community.centre)
            if community.kind == .urban { urbanAnchors.append(centre) } else { ruralAnchors.append(centre) }
        }
        for canteen in builder.canteens {
            let point = RoadFrame.grid(canteen.canteen.location)
            canteens.append(point)
            if builder.communities[canteen.community].kind == .urban {
                urbanAnchors.append(point)
            } else {
                ruralAnchors.append(point)
            }
        }
        diners = people.map { RoadFrame.grid($0.diner.location) }
        var extent = 0.0
        for point in urbanAnchors + ruralAnchors { extent = max(extent, abs(point.x), abs(point.y)) }
        let coarse = StreetBuilder.coarseSpacing
        halfSize = Int(((extent + 1_500) / Double(coarse)).rounded(.up)) * coarse
    }
}

/// One planned way: node indices into `RoadPlan.points` and its tags.
struct PlannedWay: Sendable {
    var nodes: [Int32]
    var tags: [OSMTag]

    func has(_ key: String, _ value: String) -> Bool { tags.contains { $0.key == key && $0.value == value } }
    func tag(_ key: String) -> String? { tags.first { $0.key == key }?.value }
}

/// The network as it is built: points in the street frame, shared lattice points found by their
/// integer coordinates, ways referring to points by index.
struct RoadPlan: Sendable {
    var points: [GridPoint] = []
    var nodeTags: [Int32: [OSMTag]] = [:]
    var ways: [PlannedWay] = []
    private var lattice: [Int64: Int32] = [:]

    /// The one point at whole-metre street-frame coordinates `x`, `y`, shared by every street through it.
    mutating func latticePoint(x: Int, y: Int) -> Int32 {
        let key = Int64(x) << 32 | Int64(UInt32(bitPattern: Int32(y)))
        if let index = lattice[key] { return index }
        let index = add(GridPoint(x: Double(x), y: Double(y)))
        lattice[key] = index
        return index
    }

    /// A point of its own (a bank where a street stops, a bridge end, a bend of a lane).
    mutating func add(_ point: GridPoint) -> Int32 {
        points.append(point)
        return Int32(points.count - 1)
    }

    /// The extract: points no way uses and that carry no tag are left out; ids follow creation
    /// order, so nodes come out sorted by id, then ways.
    func extract() -> OSMExtract {
        var used = [Bool](repeating: false, count: points.count)
        for way in ways { for node in way.nodes { used[Int(node)] = true } }
        for index in nodeTags.keys { used[Int(index)] = true }
        var ids = [Int64](repeating: 0, count: points.count)
        var extract = OSMExtract()
        var next: Int64 = 1
        for index in points.indices where used[index] {
            ids[index] = next
            let degrees = RoadFrame.degrees(points[index])
            extract.nodes.append(OSMNode(id: next, latitude: degrees.latitude, longitude: degrees.longitude,
                                         tags: nodeTags[Int32(index)] ?? []))
            next += 1
        }
        extract.ways = ways.enumerated().map { offset, way in
            OSMWay(id: Int64(offset + 1), nodeIDs: way.nodes.map { ids[Int($0)] }, tags: way.tags)
        }
        return extract
    }
}
