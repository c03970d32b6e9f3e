import MealRoads
import MealRouting

/// A large city-like extract for the import and network-building benchmark (issue 13, item 3).
extension RoadGenerator {
    /// Streams a deterministic extract of exactly `nodeCount` nodes into `sink`: a grid of
    /// streets 30 m apart (nodes jittered by up to 4 m) around Yuehu, every row a street and
    /// every third column a cross street, so most nodes are shape nodes of one way, as in real
    /// extracts; ways have 7 nodes (the last of a row fewer). Tags vary as in a city: main roads
    /// every 10th/20th/40th line with names and speeds, residential and service streets, living
    /// streets, footways, steps, tracks, one-way streets, `foot=no`/`access=private` roads, and a
    /// few ways that are not roads (streams, railway, buildings) for the reader to skip.
    ///
    /// Nodes are sent in id order and then the ways; nothing is held but the current element.
    public static func syntheticExtract(nodes nodeCount: Int, seed: UInt64,
                                        into sink: inout some OSMElementSink) throws {
        let grid = SyntheticGrid(nodeCount: max(2, nodeCount))
        var rng = SeededGenerator(seed: seed, stream: 31)
        for index in 0..<grid.nodeCount {
            let row = index / grid.columns, column = index % grid.columns
            let east = Double(column - grid.columns / 2) * 30 + rng.uniform(-4...4)
            let north = Double(row - grid.rows / 2) * 30 + rng.uniform(-4...4)
            let latitude = YuehuGeography.centreLatitude + north / YuehuGeography.metresPerDegreeLatitude
            let longitude = YuehuGeography.centreLongitude + east / YuehuGeography.metresPerDegreeLongitude
            var tags: [OSMTag] = []
            let draw = rng.unit()
            if column % 3 == 0 && draw < 0.02 {
                tags = [OSMTag("highway", "traffic_signals")]
            } else if draw > 0.997 {
                tags = [OSMTag("highway", "crossing"), OSMTag("crossing", "zebra")]
            }
            try sink.receive(OSMNode(id: Int64(index + 1), latitude: (latitude * 1e7).rounded() / 1e7,
                                     longitude: (longitude * 1e7).rounded() / 1e7, tags: tags))
        }
        var wayID: Int64 = 0
        for row in 0..<grid.rows {
            let length = grid.length(ofRow: row)
            for start in stride(from: 0, to: length - 1, by: 6) {
                let ids = (start...min(start + 6, length - 1)).map { Int64(row * grid.columns + $0 + 1) }
                wayID += 1
                try sink.receive(OSMWay(id: wayID, nodeIDs: ids, tags: SyntheticGrid.tags(line: row, &rng)))
            }
        }
        for column in stride(from: 0, to: grid.columns, by: 3) {
            let height = grid.height(ofColumn: column)
            for start in stride(from: 0, to: height - 1, by: 6) {
                let ids = (start...min(start + 6, height - 1)).map { Int64($0 * grid.columns + column + 1) }
                wayID += 1
                try sink.receive(OSMWay(id: wayID, nodeIDs: ids, tags: SyntheticGrid.tags(line: column, &rng)))
            }
        }
    }
}

/// The shape of the synthetic grid: full rows of `columns` nodes and a last, shorter row.
struct SyntheticGrid {
    let nodeCount: Int
    let columns: Int
    let rows: Int

    init(nodeCount: Int) {
        self.nodeCount = nodeCount
        columns = max(2, Int(Double(nodeCount).squareRoot()))
        rows = (nodeCount + columns - 1) / columns
    }

    func length(ofRow row: Int) -> Int { min(columns, nodeCount - row * columns) }

    func height(ofColumn column: Int) -> Int { (nodeCount - column + columns - 1) / columns }

    static let names = YuehuGeography.roadNames + StreetBuilder.mainRoadNames
    static let nonRoads: [[OSMTag]] = [
        [OSMTag("waterway", "stream")], [OSMTag("railway", "rail"), OSMTag("name", "鹰厦铁路")],
        [OSMTag("building", "yes")], [OSMTag("barrier", "wall")],
    ]

    /// Tags of one way on grid line `line`: main roads on every 10th line, a mix elsewhere.
    static func tags(line: Int, _ rng: inout SeededGenerator) -> [OSMTag] {
        let draw = rng.unit()
        if line % 10 != 0 && draw < 0.02 { return rng.pick(nonRoads) }
        var tags: [OSMTag]
        if line % 40 == 0 {
            tags = [OSMTag("highway", "primary"), OSMTag("maxspeed", "60"), OSMTag("lanes", "4")]
        } else if line % 20 == 0 {
            tags = [OSMTag("highway", "secondary"), OSMTag("maxspeed", rng.pick(["50", "50 km/h", "40"]))]
        } else if line % 10 == 0 {
            tags = [OSMTag("highway", "tertiary")]
            if rng.chance(0.5) { tags.append(OSMTag("maxspeed", "40")) }
        } else {
            let highway = rng.weighted([("residential", 58.0), ("service", 14.0), ("living_street", 5.0),
                                        ("footway", 9.0), ("unclassified", 6.0), ("track", 4.0), ("steps", 1.0),
                                        ("cycleway", 2.0), ("path", 1.0)])
            tags = [OSMTag("highway", highway)]
            let extra = rng.unit()
            if extra < 0.08 && ["residential", "service", "living_street"].contains(highway) {
                tags.append(OSMTag("oneway", "yes"))
                if rng.chance(0.4) { tags.append(OSMTag("oneway:bicycle", "no")) }
            } else if extra < 0.09 {
                tags.append(OSMTag("foot", "no"))
            } else if extra < 0.10 {
                tags.append(OSMTag("access", "private"))
            } else if extra < 0.11 {
                tags.append(OSMTag("wheelchair", "no"))
            }
        }
        if line % 10 == 0 || rng.chance(0.3) {
            tags.append(OSMTag("name", names[line % names.count]))
        }
        return tags
    }
}
