import MealRoads
import MealRouting

/// The street grid: a quadtree of blocks, split finer the nearer a town centre, canteen or
/// village it lies; every block edge is a street, and collinear edges join into long streets.
struct StreetBuilder {
    /// Open country has a road every 3.2 km; the main roads follow these lines everywhere.
    static let coarseSpacing = 3_200
    /// The smallest town block.
    static let finestSpacing = 100

    enum Axis: Sendable { case horizontal, vertical }

    /// The block edges found on one grid line: where the street runs and where others meet it.
    struct LineCells {
        var intervals: [(start: Int, end: Int)] = []
        var stops: [Int] = []
    }

    /// A maximal street along one grid line.
    struct Run {
        var axis: Axis
        var coordinate: Int
        var start: Int
        var end: Int
        var stops: [Int]
        /// The spacing of the coarsest grid the line belongs to: 6,400 and up for trunk lines,
        /// 100 for the finest alleys.
        var level: Int

        func point(at u: Double) -> GridPoint {
            axis == .horizontal ? GridPoint(x: u, y: Double(coordinate)) : GridPoint(x: Double(coordinate), y: u)
        }
    }

    /// A path cut through a town block between the middles of two opposite sides.
    struct BlockPath {
        enum Kind { case steps, footway, vehicleOnly, privateDrive }
        var kind: Kind
        var from: (x: Int, y: Int)
        var to: (x: Int, y: Int)
    }

    let layout: RoadLayout
    let seed: UInt64
    let anchors: AnchorIndex
    var plan = RoadPlan()
    var horizontal: [Int: LineCells] = [:]
    var vertical: [Int: LineCells] = [:]
    var blockPaths: [BlockPath] = []
    var river = Barrier(points: [])
    var rail = Barrier(points: [])
    /// Nodes to thread into the railway: level crossings and the ends of its river bridge.
    var railStops: [(x: Double, point: Int32)] = []
    var levelCrossings: [(coordinate: Int, u: Double)] = []
    var riverBridges = 0

    init(layout: RoadLayout, seed: UInt64) {
        self.layout = layout
        self.seed = seed
        self.anchors = AnchorIndex(urban: layout.urbanAnchors, rural: layout.ruralAnchors)
    }

    mutating func build() {
        layBarriers()
        var rng = SeededGenerator(seed: seed, stream: 21)
        let half = layout.halfSize
        for x0 in stride(from: -half, to: half, by: Self.coarseSpacing) {
            for y0 in stride(from: -half, to: half, by: Self.coarseSpacing) {
                subdivide(x0: x0, y0: y0, size: Self.coarseSpacing, &rng)
            }
        }
        chooseLevelCrossings()
        var style = SeededGenerator(seed: seed, stream: 22)
        for run in runs() { layOut(run, &style) }
        layRailway()
        layRiver()
        layBlockPaths(&style)
        var access = SeededGenerator(seed: seed, stream: 23)
        connectHomes(&access)
    }

    // MARK: Quadtree

    /// Spacing the grid should have in a block: the finest any anchor near it asks for.
    func targetSpacing(x0: Int, y0: Int, size: Int) -> Int {
        let low = GridPoint(x: Double(x0), y: Double(y0))
        let high = GridPoint(x: Double(x0 + size), y: Double(y0 + size))
        let urban = anchors.nearestUrban(inBoxFrom: low, to: high)
        let rural = anchors.nearestRural(inBoxFrom: low, to: high)
        return min(Self.urbanSpacing(urban), Self.ruralSpacing(rural))
    }

    static func urbanSpacing(_ distance: Double) -> Int {
        distance < 800 ? 100 : distance < 1_500 ? 200 : distance < 2_200 ? 400
            : distance < 3_000 ? 800 : distance < 3_600 ? 1_600 : 3_200
    }

    static func ruralSpacing(_ distance: Double) -> Int {
        distance < 300 ? 100 : distance < 600 ? 200 : distance < 1_000 ? 400
            : distance < 1_800 ? 800 : distance < 2_600 ? 1_600 : 3_200
    }

    mutating func subdivide(x0: Int, y0: Int, size: Int, _ rng: inout SeededGenerator) {
        let target = targetSpacing(x0: x0, y0: y0, size: size)
        // Some town blocks stay whole: a park, a school, a compound behind one wall.
        let keepWhole = size <= 400 && rng.chance(0.07)
        if size > target && size > Self.finestSpacing && !keepWhole {
            let half = size / 2
            subdivide(x0: x0, y0: y0, size: half, &rng)
            subdivide(x0: x0 + half, y0: y0, size: half, &rng)
            subdivide(x0: x0, y0: y0 + half, size: half, &rng)
            subdivide(x0: x0 + half, y0: y0 + half, size: half, &rng)
            return
        }
        addEdges(x0: x0, y0: y0, size: size)
        if size <= 200 && target <= 200 { planBlockPath(x0: x0, y0: y0, size: size, &rng) }
    }

    mutating func addEdges(x0: Int, y0: Int, size: Int) {
        for y in [y0, y0 + size] {
            horizontal[y, default: LineCells()].intervals.append((x0, x0 + size))
            horizontal[y, default: LineCells()].stops.append(contentsOf: [x0, x0 + size])
        }
        for x in [x0, x0 + size] {
            vertical[x, default: LineCells()].intervals.append((y0, y0 + size))
            vertical[x, default: LineCells()].stops.append(contentsOf: [y0, y0 + size])
        }
    }

    /// About one town block in twelve gets a path through its middle; the path's ends become
    /// junctions on the streets either side.
    mutating func planBlockPath(x0: Int, y0: Int, size: Int, _ rng: inout SeededGenerator) {
        let draw = rng.unit()
        let kind: BlockPath.Kind
        switch draw {
        case ..<0.025: kind = .steps
        case ..<0.06: kind = .footway
        case ..<0.075: kind = .vehicleOnly
        case ..<0.10 where size == 200: kind = .privateDrive
        default: return
        }
        let half = size / 2
        if rng.chance(0.5) {
            blockPaths.append(BlockPath(kind: kind, from: (x0, y0 + half), to: (x0 + size, y0 + half)))
            vertical[x0, default: LineCells()].stops.append(y0 + half)
            vertical[x0 + size, default: LineCells()].stops.append(y0 + half)
        } else {
            blockPaths.append(BlockPath(kind: kind, from: (x0 + half, y0), to: (x0 + half, y0 + size)))
            horizontal[y0, default: LineCells()].stops.append(x0 + half)
            horizontal[y0 + size, default: LineCells()].stops.append(x0 + half)
        }
    }

    // MARK: Runs

    /// Every maximal street along the grid lines, horizontal lines first, in coordinate order.
    func runs() -> [Run] {
        var result: [Run] = []
        for (axis, lines) in [(Axis.horizontal, horizontal), (.vertical, vertical)] {
            for coordinate in lines.keys.sorted() {
                let cells = lines[coordinate]!
                let stops = Array(Set(cells.stops)).sorted()
                var merged: [(start: Int, end: Int)] = []
                for interval in cells.intervals.sorted(by: { $0.start < $1.start }) {
                    if let last = merged.last, interval.start <= last.end {
                        merged[merged.count - 1].end = max(last.end, interval.end)
                    } else {
                        merged.append(interval)
                    }
                }
                for interval in merged {
                    let inside = Self.withShapeNodes(stops.filter { $0 >= interval.start && $0 <= interval.end })
                    result.append(Run(axis: axis, coordinate: coordinate, start: interval.start, end: interval.end,
                                      stops: inside, level: Self.level(of: coordinate)))
                }
            }
        }
        return result
    }

    /// Long stretches between junctions get a node every 80 m or so, as mapped roads have.
    static func withShapeNodes(_ stops: [Int]) -> [Int] {
        var result: [Int] = []
        for (from, to) in zip(stops, stops.dropFirst()) {
            result.append(from)
            let pieces = (to - from + 79) / 80
            if to - from > 160 {
                for piece in 1..<pieces { result.append(from + (to - from) * piece / pieces) }
            }
        }
        if let last = stops.last { result.append(last) }
        return result
    }

    /// The spacing of the coarsest grid a line at `coordinate` belongs to (the centre lines: 102,400).
    static func level(of coordinate: Int) -> Int {
        var level = finestSpacing
        while level < 102_400 && coordinate % (level * 2) == 0 { level *= 2 }
        return level
    }
}

/// Town centres, canteens and villages, bucketed so that the distance from a block to the
/// nearest of them is found without a scan.
struct AnchorIndex: Sendable {
    private static let bucket = 4_000.0
    private static let reach = 3_600.0
    private var urban: [Int64: [GridPoint]] = [:]
    private var rural: [Int64: [GridPoint]] = [:]

    init(urban urbanPoints: [GridPoint], rural ruralPoints: [GridPoint]) {
        for point in urbanPoints { urban[Self.key(point), default: []].append(point) }
        for point in ruralPoints { rural[Self.key(point), default: []].append(point) }
    }

    private static func key(_ point: GridPoint) -> Int64 {
        key(Int((point.x / bucket).rounded(.down)), Int((point.y / bucket).rounded(.down)))
    }

    private static func key(_ column: Int, _ row: Int) -> Int64 { Int64(column) << 32 | Int64(UInt32(bitPattern: Int32(row))) }

    /// Distance from the box to the nearest town anchor (infinity beyond 3.6 km).
    func nearestUrban(inBoxFrom low: GridPoint, to high: GridPoint) -> Double { nearest(urban, low, high) }

    func nearestRural(inBoxFrom low: GridPoint, to high: GridPoint) -> Double { nearest(rural, low, high) }

    private func nearest(_ buckets: [Int64: [GridPoint]], _ low: GridPoint, _ high: GridPoint) -> Double {
        let b = Self.bucket, reach = Self.reach
        var best = Double.infinity
        for column in Int(((low.x - reach) / b).rounded(.down))...Int(((high.x + reach) / b).rounded(.down)) {
            for row in Int(((low.y - reach) / b).rounded(.down))...Int(((high.y + reach) / b).rounded(.down)) {
                for point in buckets[Self.key(column, row)] ?? [] {
                    let dx = max(0, low.x - point.x, point.x - high.x)
                    let dy = max(0, low.y - point.y, point.y - high.y)
                    best = min(best, (dx * dx + dy * dy).squareRoot())
                }
            }
        }
        return best
    }

    enum Zone: Sendable { case town, village, country }

    /// What kind of place a point is: it decides a street's class along a line.
    func zone(at point: GridPoint) -> Zone {
        if StreetBuilder.urbanSpacing(nearestUrban(inBoxFrom: point, to: point)) <= 800 { return .town }
        if StreetBuilder.ruralSpacing(nearestRural(inBoxFrom: point, to: point)) <= 400 { return .village }
        return .country
    }
}
