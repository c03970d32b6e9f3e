import Foundation
import MealRoads
import MealRouting

/// The Xin River and the railway, and what they do to the streets: a street stops at the bank
/// or beside the track unless it is a main road (it bridges them) or one of the two streets with
/// a level crossing.
extension StreetBuilder {
    /// How far from the river a street ends; how far from the track.
    static let riverClearance = 30.0
    static let railClearance = 12.0
    /// The river keeps clear of canteens by this much where it can.
    static let riverCanteenClearance = 170.0

    // MARK: Laying the barriers

    mutating func layBarriers() {
        var rng = SeededGenerator(seed: seed, stream: 20)
        let half = Double(layout.halfSize)
        // Samples sit off the 50 m lattice, so that no street passes exactly through a vertex.
        let origin = -half - 63
        let xs = (0...(layout.halfSize / 50 + 1)).map { origin + 100 * Double($0) }
        // Two meanders with seeded phases; the river stays between the trunk lines y = 0 and
        // y = 3,200, so those never need a bridge and the bridges are on the cross lines only.
        let phase1 = rng.uniform(0...6.28), phase2 = rng.uniform(0...6.28)
        let meander = xs.map { 380 * sin($0 / 1_150 + phase1) + 170 * sin($0 / 490 + phase2) }
        let base = bestOffset(candidates: Array(stride(from: 700, through: 2_500, by: 100)), preferred: 1_600,
                              clearance: 250) { x, offset in offset + meander[Int(((x - origin) / 100).rounded())] }
        var ys = meander.map { $0 + Double(base) }
        for _ in 0..<8 { pushRiverAway(xs: xs, ys: &ys) }
        river = Barrier(points: zip(xs, ys).map { GridPoint(x: $0, y: min(2_950, max(250, $1))) })
        let slope = -0.1
        let railBase = bestOffset(candidates: Array(stride(from: -2_600, through: -600, by: 100)), preferred: -1_500,
                                  clearance: 60) { x, offset in offset + slope * x }
        // 0.45 m off the whole metre: the track never passes exactly through a street node
        // (nodes are at whole metres, and the slope moves y by tenths), so nothing touches it by accident.
        rail = Barrier(points: stride(from: -half - 129, through: half + 200, by: 200).map {
            GridPoint(x: $0, y: Double(railBase) + 0.45 + slope * $0)
        })
    }

    /// The offset that puts the fewest canteens within `clearance` of the line, nearest `preferred` on ties.
    func bestOffset(candidates: [Int], preferred: Int, clearance: Double,
                    line: (Double, Double) -> Double) -> Int {
        let half = Double(layout.halfSize)
        var best = preferred, bestCount = Int.max
        for offset in candidates.sorted(by: { abs($0 - preferred) < abs($1 - preferred) }) {
            let count = layout.canteens.filter {
                abs($0.x) < half && abs(line($0.x, Double(offset)) - $0.y) < clearance
            }.count
            if count < bestCount { best = offset; bestCount = count }
        }
        return best
    }

    /// Bends the river away from canteens it would pass too close to, with a tent-shaped bump.
    func pushRiverAway(xs: [Double], ys: inout [Double]) {
        let half = Double(layout.halfSize)
        for canteen in layout.canteens where abs(canteen.x) < half - 100 {
            let index = Int(((canteen.x - xs[0]) / 100).rounded())
            let gap = ys[index] - canteen.y
            guard abs(gap) < Self.riverCanteenClearance else { continue }
            let push = (Self.riverCanteenClearance - abs(gap) + 20) * (gap >= 0 ? 1 : -1)
            for offset in -8...8 where xs.indices.contains(index + offset) {
                ys[index + offset] += push * (1 - Double(abs(offset)) / 9)
            }
        }
    }

    /// Two town streets cross the railway at grade: the ones nearest the town centre on the
    /// 400–1,600 m lines, at least 600 m apart.
    mutating func chooseLevelCrossings() {
        var candidates: [(coordinate: Int, u: Double)] = []
        for x in vertical.keys.sorted() where (400...1_600).contains(Self.level(of: x)) {
            let u = rail.y(at: Double(x))
            let covered = [u - 50, u, u + 50].allSatisfy { y in
                vertical[x]!.intervals.contains { Double($0.start) <= y && Double($0.end) >= y }
            }
            if covered && anchors.zone(at: GridPoint(x: Double(x), y: u)) == .town { candidates.append((x, u)) }
        }
        candidates.sort { abs($0.coordinate) != abs($1.coordinate) ? abs($0.coordinate) < abs($1.coordinate)
                                                                   : $0.coordinate < $1.coordinate }
        for candidate in candidates where levelCrossings.count < 2 {
            if levelCrossings.allSatisfy({ abs($0.coordinate - candidate.coordinate) >= 600 }) {
                levelCrossings.append(candidate)
            }
        }
    }

    // MARK: Streets meeting the barriers

    enum Crossing { case cut(ClosedRange<Double>), bridge(ClosedRange<Double>, overRiver: Bool), levelCrossing(Double) }

    /// What happens where `run` meets the river and the railway.
    func crossings(of run: Run) -> [Crossing] {
        let a = run.point(at: Double(run.start)), b = run.point(at: Double(run.end))
        let length = Double(run.end - run.start)
        var result: [Crossing] = []
        for (barrier, isRiver) in [(river, true), (rail, false)] {
            for hit in barrier.crossings(from: a, to: b) {
                let u = Double(run.start) + hit.fraction * length
                if !isRiver && run.axis == .vertical
                    && levelCrossings.contains(where: { $0.coordinate == run.coordinate && abs($0.u - u) < 1 }) {
                    result.append(.levelCrossing(u))
                } else if run.level >= 2 * Self.coarseSpacing
                            || (run.level >= Self.coarseSpacing && anchors.zone(at: a.toward(b, hit.fraction)) == .town) {
                    result.append(.bridge(bridgeSpan(run, at: u, halfLength: isRiver ? 60 : 35), overRiver: isRiver))
                } else {
                    let clearance = isRiver ? Self.riverClearance : Self.railClearance
                    let gap = min(150, clearance / max(hit.sine, 0.25))
                    result.append(.cut((u - gap)...(u + gap)))
                }
            }
        }
        return result
    }

    /// A bridge around `u` that stops short of the junctions either side.
    func bridgeSpan(_ run: Run, at u: Double, halfLength: Double) -> ClosedRange<Double> {
        let below = run.stops.last { Double($0) < u }.map(Double.init) ?? Double(run.start)
        let above = run.stops.first { Double($0) > u }.map(Double.init) ?? Double(run.end)
        let low = u - below > halfLength + 5 ? u - halfLength : below
        let high = above - u > halfLength + 5 ? u + halfLength : above
        return low...high
    }

    /// Lays one street: lattice junctions, ends at the banks, bridge ends and level crossings,
    /// then the pieces left between the gaps.
    mutating func layOut(_ run: Run, _ rng: inout SeededGenerator) {
        var gaps: [ClosedRange<Double>] = [], bridges: [(ClosedRange<Double>, Bool)] = []
        var levelCrossingsHere: [Double] = []
        for crossing in crossings(of: run) {
            switch crossing {
            case .cut(let gap): gaps.append(gap)
            case .bridge(let span, let overRiver): bridges.append((span, overRiver))
            case .levelCrossing(let u): levelCrossingsHere.append(u)
            }
        }
        var stations: [(u: Double, point: Int32)] = []
        for stop in run.stops where !gaps.contains(where: { $0.contains(Double(stop)) }) {
            stations.append((Double(stop), lattice(run, stop)))
        }
        let ends = gaps.flatMap { [$0.lowerBound, $0.upperBound] } + bridges.flatMap { [$0.0.lowerBound, $0.0.upperBound] }
        for u in ends where u > Double(run.start) && u < Double(run.end)
            && !stations.contains(where: { abs($0.u - u) < 0.5 }) {
            stations.append((u, plan.add(run.point(at: u))))
        }
        for u in levelCrossingsHere {
            let point = plan.add(run.point(at: u))
            plan.nodeTags[point] = [OSMTag("railway", "level_crossing")]
            railStops.append((Double(run.coordinate), point))
            stations.append((u, point))
        }
        stations.sort { $0.u < $1.u }
        let style = runStyle(run, &rng)
        var piece: [Int32] = [], spans: [BridgeKind?] = []
        for index in stations.indices {
            piece.append(stations[index].point)
            guard index + 1 < stations.count else { break }
            let middle = (stations[index].u + stations[index + 1].u) / 2
            if gaps.contains(where: { $0.contains(middle) }) {
                emitPiece(run, style, piece, spans, &rng)
                piece = []; spans = []
            } else {
                spans.append(bridges.first { $0.0.contains(middle) }.map { $0.1 ? .river : .railway })
            }
        }
        emitPiece(run, style, piece, spans, &rng)
    }

    enum BridgeKind { case river, railway }

    mutating func lattice(_ run: Run, _ u: Int) -> Int32 {
        run.axis == .horizontal ? plan.latticePoint(x: u, y: run.coordinate) : plan.latticePoint(x: run.coordinate, y: u)
    }

    // MARK: The railway and the river themselves

    /// The railway with its level-crossing nodes threaded in, on a bridge where it crosses the river.
    mutating func layRailway() {
        let first = rail.points[0], last = rail.points[rail.points.count - 1]
        var spans: [ClosedRange<Double>] = []
        for hit in river.crossings(from: first, to: last) {
            let x = first.x + hit.fraction * (last.x - first.x)
            spans.append((x - 60)...(x + 60))
        }
        var stations: [(x: Double, point: Int32)] = railStops
        let slope = (last.y - first.y) / (last.x - first.x)
        for x in spans.flatMap({ [$0.lowerBound, $0.upperBound] }) {
            stations.append((x, plan.add(GridPoint(x: x, y: first.y + slope * (x - first.x)))))
        }
        for point in rail.points where !stations.contains(where: { abs($0.x - point.x) < 1 }) {
            stations.append((point.x, plan.add(point)))
        }
        stations.sort { $0.x < $1.x }
        let tags = [OSMTag("railway", "rail"), OSMTag("name", "沪昆铁路"), OSMTag("usage", "main"),
                    OSMTag("gauge", "1435"), OSMTag("electrified", "contact_line")]
        var way: [Int32] = [stations[0].point]
        var onBridge = false
        for index in 1..<stations.count {
            let middle = (stations[index - 1].x + stations[index].x) / 2
            let bridge = spans.contains { $0.contains(middle) }
            if bridge != onBridge || way.count >= 30 {
                if way.count >= 2 {
                    plan.ways.append(PlannedWay(nodes: way, tags: tags + (onBridge ? Self.bridgeTags : [])))
                }
                way = [stations[index - 1].point]
                onBridge = bridge
            }
            way.append(stations[index].point)
        }
        plan.ways.append(PlannedWay(nodes: way, tags: tags + (onBridge ? Self.bridgeTags : [])))
    }

    static let bridgeTags = [OSMTag("bridge", "yes"), OSMTag("layer", "1")]

    /// The river's centre line, in ways of 50 nodes that share their ends.
    mutating func layRiver() {
        let nodes = river.points.map { plan.add($0) }
        var start = 0
        while start < nodes.count - 1 {
            let end = min(nodes.count - 1, start + 49)
            plan.ways.append(PlannedWay(nodes: Array(nodes[start...end]),
                                        tags: [OSMTag("waterway", "river"), OSMTag("name", "信江")]))
            start = end
        }
    }
}
