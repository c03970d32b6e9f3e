import MealRoads
import MealRouting

/// What the streets are: class by grid line and place, names, speeds, one-way streets, and the
/// paths, steps and service roads cut through town blocks.
extension StreetBuilder {
    /// Choices made once per street so that its pieces agree (one name along the whole line).
    struct RunStyle {
        var name: String?
        var ref: String?
        /// Picks among the classes a line of its level may have in town.
        var draw: Double
    }

    static let mainRoadNames = YuehuGeography.roadNames + [
        "信江大道", "环城东路", "环城西路", "沿江南路", "月湖大道", "鹰雄大道", "杏园路", "梅园路", "双凤路",
        "工业大道", "鹰东大道", "园林路", "光明路", "新城路", "车站路",
    ]
    static let laneStems = YuehuGeography.neighbourhoodNames + YuehuGeography.villageNames
    static let laneSuffixes = ["巷", "街", "里", "弄", "路"]

    func runStyle(_ run: Run, _ rng: inout SeededGenerator) -> RunStyle {
        var style = RunStyle(draw: rng.unit())
        if run.level >= 800 {
            style.name = rng.pick(Self.mainRoadNames)
        } else if rng.chance(0.45) {
            style.name = rng.pick(Self.laneStems) + rng.pick(Self.laneSuffixes)
        }
        if run.level >= Self.coarseSpacing {
            if run.coordinate == 0 {
                style.ref = run.axis == .horizontal ? "G320" : "G206"
            } else {
                style.ref = (run.level >= 6_400 ? "S" : "X") + String(rng.int(201...499))
            }
        }
        return style
    }

    /// The OSM class of a street on a line of `level` in `zone`.
    static func highwayClass(level: Int, zone: AnchorIndex.Zone, draw: Double) -> String {
        switch (level, zone) {
        case (6_400..., _): return "primary"
        case (3_200, .town): return "primary"
        case (3_200, _): return "secondary"
        case (1_600, .town): return "secondary"
        case (1_600, .village): return "tertiary"
        case (1_600, _): return "unclassified"
        case (800, .town): return "tertiary"
        case (800, .village): return "unclassified"
        case (800, _): return draw < 0.6 ? "unclassified" : "track"
        case (400, .town): return draw < 0.85 ? "residential" : "unclassified"
        case (400, .village): return "residential"
        case (200, .town): return draw < 0.7 ? "residential" : draw < 0.8 ? "living_street" : "service"
        case (200, .village): return draw < 0.6 ? "residential" : "track"
        case (_, .town): return draw < 0.55 ? "residential" : draw < 0.7 ? "living_street"
            : draw < 0.92 ? "service" : "pedestrian"
        case (_, .village): return draw < 0.7 ? "residential" : "service"
        default: return "track"
        }
    }

    /// Splits a piece of street into ways of 5–10 nodes (a bridge is a way of its own) and tags them.
    mutating func emitPiece(_ run: Run, _ style: RunStyle, _ piece: [Int32], _ spans: [BridgeKind?],
                            _ rng: inout SeededGenerator) {
        guard piece.count >= 2,
              plan.points[Int(piece[0])].distance(to: plan.points[Int(piece[piece.count - 1])]) >= 15 else { return }
        var start = 0
        while start < piece.count - 1 {
            var end = start + 1
            let limit = start + rng.int(4...9)
            while end < piece.count - 1 && end < limit && spans[end] == spans[start] { end += 1 }
            let nodes = Array(piece[start...end])
            let middle = plan.points[Int(nodes[0])].toward(plan.points[Int(nodes[nodes.count - 1])], 0.5)
            var tags = wayTags(run, style, zone: anchors.zone(at: middle), bridge: spans[start], &rng)
            if spans[start] == .river { riverBridges += 1 }
            var ordered = nodes
            if tags.contains(OSMTag("oneway", "yes")) && rng.chance(0.5) { ordered.reverse() }
            if tags.isEmpty { tags = [OSMTag("highway", "track")] }
            plan.ways.append(PlannedWay(nodes: ordered, tags: tags))
            start = end
        }
    }

    func wayTags(_ run: Run, _ style: RunStyle, zone: AnchorIndex.Zone, bridge: BridgeKind?,
                 _ rng: inout SeededGenerator) -> [OSMTag] {
        let highway = Self.highwayClass(level: run.level, zone: zone, draw: style.draw)
        var tags = [OSMTag("highway", highway)]
        switch bridge {
        case .river?:
            riverBridgeName().map { tags.append(OSMTag("name", $0)) }
        case .railway?, nil:
            if let name = style.name, !["track", "service"].contains(highway) { tags.append(OSMTag("name", name)) }
        }
        if let ref = style.ref, zone != .town { tags.append(OSMTag("ref", ref)) }
        if let speed = maxspeed(highway, zone: zone, &rng) { tags.append(OSMTag("maxspeed", speed)) }
        switch highway {
        case "primary": tags.append(OSMTag("lanes", zone == .town ? "4" : "2"))
        case "secondary": tags.append(OSMTag("lanes", "2"))
        case "track":
            tags.append(OSMTag("tracktype", rng.pick(["grade2", "grade3", "grade4"])))
            tags.append(OSMTag("surface", rng.pick(["gravel", "ground", "compacted"])))
        default: break
        }
        if bridge != nil {
            tags.append(contentsOf: Self.bridgeTags)
        } else if zone == .town, ["residential", "tertiary", "service", "living_street"].contains(highway),
                  rng.chance(0.1) {
            tags.append(OSMTag("oneway", "yes"))
            if rng.chance(0.4) { tags.append(OSMTag("oneway:bicycle", "no")) }
        }
        return tags
    }

    /// 信江大桥, 信江二桥, ... in the order the streets are laid (west to east along the grid).
    func riverBridgeName() -> String? {
        let numerals = ["大", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        return riverBridges < numerals.count ? "信江" + numerals[riverBridges] + "桥" : "信江\(riverBridges + 1)号桥"
    }

    func maxspeed(_ highway: String, zone: AnchorIndex.Zone, _ rng: inout SeededGenerator) -> String? {
        switch highway {
        case "primary": zone == .town ? "60" : "80"
        case "secondary": rng.chance(0.7) ? (zone == .town ? "50" : "60") : nil
        case "tertiary": rng.chance(0.5) ? "40" : nil
        case "unclassified": rng.chance(0.2) ? "40" : nil
        case "residential": rng.chance(0.15) ? "30" : nil
        default: nil
        }
    }

    // MARK: Paths through blocks

    /// Steps, footways and service roads through the blocks chosen while splitting the grid;
    /// one that would cross the river or the railway, or end at the track, is not laid.
    mutating func layBlockPaths(_ rng: inout SeededGenerator) {
        for path in blockPaths {
            let from = plan.latticePoint(x: path.from.x, y: path.from.y)
            let to = plan.latticePoint(x: path.to.x, y: path.to.y)
            let a = plan.points[Int(from)], b = plan.points[Int(to)]
            guard !river.crosses(a, b), !rail.crosses(a, b),
                  river.distance(to: a.toward(b, 0.5), reach: 200) > 60,
                  rail.distance(to: a, reach: 300) > Self.railClearance,
                  rail.distance(to: b, reach: 300) > Self.railClearance else { continue }
            let middle = plan.add(a.toward(b, 0.5))
            var tags: [OSMTag]
            switch path.kind {
            case .steps:
                tags = [OSMTag("highway", "steps"), OSMTag("step_count", String(rng.int(12...48)))]
                if rng.chance(0.5) { tags.append(OSMTag("handrail", "yes")) }
            case .footway:
                tags = [OSMTag("highway", "footway")]
                if rng.chance(0.2) { tags.append(OSMTag("wheelchair", "no")) }
            case .vehicleOnly:
                tags = [OSMTag("highway", "service"), OSMTag("foot", "no")]
            case .privateDrive:
                tags = [OSMTag("highway", "service"), OSMTag("access", "private")]
            }
            plan.ways.append(PlannedWay(nodes: [from, middle, to], tags: tags))
        }
    }
}
