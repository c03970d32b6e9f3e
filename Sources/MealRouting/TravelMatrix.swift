/// Square matrix of travel times or distances between locations, stored row-major.
public struct TravelMatrix: Sendable, Equatable {
    public let size: Int
    public private(set) var values: [Double]

    public init(size: Int, value: (_ from: Int, _ to: Int) -> Double) {
        self.size = size
        var values = [Double](repeating: 0, count: size * size)
        for from in 0..<size {
            for to in 0..<size { values[from * size + to] = value(from, to) }
        }
        self.values = values
    }

    public init(rows: [[Double]]) {
        self.init(size: rows.count) { rows[$0][$1] }
    }

    /// Straight-line distances, in double precision as the Solomon benchmark requires.
    public static func euclidean(_ points: [(x: Double, y: Double)], scale: Double = 1) -> TravelMatrix {
        TravelMatrix(size: points.count) { a, b in
            let dx = points[a].x - points[b].x
            let dy = points[a].y - points[b].y
            return (dx * dx + dy * dy).squareRoot() * scale
        }
    }

    public subscript(from: Int, to: Int) -> Double { values[from * size + to] }
}
