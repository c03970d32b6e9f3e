import MealCore

/// Assigns the day's diners to canteens and service kinds, exactly, as a minimum-cost flow:
///
///     source → diner → (canteen, sitting) ─┐
///                    → (canteen, delivery) ┼→ kitchen → (balance segments) → sink
///                    → kitchen (pickup) ───┘
///                    → sink (unserved, priced by priority)
///
/// Sitting arcs carry the seats, delivery arcs the couriers' estimated capacity, kitchen arcs
/// the kitchen capacity. Every diner's unit reaches the sink, so the min-cost max-flow is the
/// optimum of `AssignmentObjective` over all feasible assignments. The flow is exact and
/// deterministic: the same input always gives the same assignment.
public struct AssignmentSolver: Sendable {
    public let reach: ServiceReach
    /// Last planned day's placement per diner id.
    public let previous: [DinerID: PreviousPlacement]

    public init(reach: ServiceReach, previous: [DinerID: PreviousPlacement] = [:]) {
        self.reach = reach
        self.previous = previous
    }

    /// One way a diner could be served, before capacities.
    struct Option {
        let canteen: Int
        let kind: ServiceMode
        let sitting: Int?
        let travelSeconds: Int
        let cost: Int64
    }

    /// The options for one diner, in a fixed order (canteen, kind, sitting).
    func options(for diner: Diner, links: [ServiceReach.Link], deliveryCapacity: [Int]) -> [Option] {
        let canteens = reach.canteens
        let usable = links.filter { reach.day.isOpen(canteens[$0.canteen]) && canteens[$0.canteen].makes(diner.diets) }
        let allowed = ServiceReach.allowedKinds(for: diner)
        let canDineIn = allowed.contains(.dineIn) && usable.contains { reach.withinCircle($0, .dineIn) }
        let last = previous[diner.id]
        var options: [Option] = []
        for link in usable {
            let canteen = canteens[link.canteen]
            for kind in allowed where reach.withinCircle(link, kind) {
                switch kind {
                case .dineIn:
                    for (index, sitting) in canteen.sittings.enumerated() {
                        let cost = AssignmentObjective.choice(
                            diner: diner, canteenID: canteen.id, kind: .dineIn, sitting: sitting,
                            travelSeconds: link.walkSeconds!, previous: last, fallback: false)
                        options.append(Option(canteen: link.canteen, kind: .dineIn, sitting: index,
                                              travelSeconds: link.walkSeconds!, cost: cost))
                    }
                case .pickup:
                    let cost = AssignmentObjective.choice(
                        diner: diner, canteenID: canteen.id, kind: .pickup, sitting: nil,
                        travelSeconds: link.pickupSeconds, previous: last, fallback: false)
                    options.append(Option(canteen: link.canteen, kind: .pickup, sitting: nil,
                                          travelSeconds: link.pickupSeconds, cost: cost))
                case .delivery:
                    guard deliveryCapacity[link.canteen] > 0 else { continue }
                    let fallback = diner.mode == .auto && canDineIn
                    let cost = AssignmentObjective.choice(
                        diner: diner, canteenID: canteen.id, kind: .delivery, sitting: nil,
                        travelSeconds: link.deliverySeconds!, previous: last, fallback: fallback)
                    options.append(Option(canteen: link.canteen, kind: .delivery, sitting: nil,
                                          travelSeconds: link.deliverySeconds!, cost: cost))
                }
            }
        }
        return options
    }

    /// - Parameter fixed: placements a coordinator locked; they are kept as they are and use up
    ///   their seats, kitchen and courier room before the others are assigned.
    public func assign(_ allDiners: [Diner], fixed: [Assignment.Placement] = []) -> Assignment {
        let canteens = reach.canteens
        let fixedIDs = Set(fixed.map(\.diner.id))
        let diners = allDiners.filter { reach.day.eats($0) && !fixedIDs.contains($0.id) }
        // With a model other than the straight line, everyone's links are worked out in batches first.
        let prepared = reach.prepared(for: diners)
        if prepared.table !== reach.table {
            return AssignmentSolver(reach: prepared, previous: previous).assign(allDiners, fixed: fixed)
        }
        let canteenIndex = Dictionary(uniqueKeysWithValues: canteens.enumerated().map { ($1.id, $0) })
        var usedKitchen = [Int](repeating: 0, count: canteens.count)
        var usedDelivery = [Int](repeating: 0, count: canteens.count)
        var usedSeats = canteens.map { [Int](repeating: 0, count: $0.sittings.count) }
        for placement in fixed {
            guard let index = canteenIndex[placement.canteen.id] else { continue }
            usedKitchen[index] += 1
            if placement.kind == .delivery { usedDelivery[index] += 1 }
            if let sitting = placement.sitting, let s = canteens[index].sittings.firstIndex(of: sitting) { usedSeats[index][s] += 1 }
        }
        let deliveryCapacity = canteens.indices.map {
            max(0, DeliveryCapacity.meals(ofCanteen: $0, reach: reach) - usedDelivery[$0])
        }

        var network = MinCostFlowNetwork()
        let source = network.addNode(), sink = network.addNode()
        let kitchen = Array(network.addNodes(canteens.count))
        let deliveryNode = Array(network.addNodes(canteens.count))
        var sittingNode: [[Int]] = []
        var sittingArcs: [[[MinCostFlowNetwork.ArcID]]] = []
        var deliveryArcs: [MinCostFlowNetwork.ArcID] = []
        var kitchenArcs: [[MinCostFlowNetwork.ArcID]] = []
        for (index, canteen) in canteens.enumerated() {
            let nodes = Array(network.addNodes(canteen.sittings.count))
            sittingNode.append(nodes)
            sittingArcs.append(nodes.enumerated().map { sittingIndex, node in
                AssignmentObjective.sittingSegments(seats: max(0, canteen.seats - usedSeats[index][sittingIndex])).map { segment in
                    network.addArc(from: node, to: kitchen[index], capacity: segment.capacity, cost: segment.cost)
                }
            })
            deliveryArcs.append(network.addArc(from: deliveryNode[index], to: kitchen[index],
                                               capacity: deliveryCapacity[index], cost: 0))
            let segments = AssignmentObjective.balanceSegments(kitchenCapacity: max(0, canteen.kitchenCapacity - usedKitchen[index]))
            kitchenArcs.append(zip(segments, AssignmentObjective.balanceSteps).map { capacity, step in
                network.addArc(from: kitchen[index], to: sink, capacity: capacity, cost: step)
            })
        }

        var dinerOptions: [[Option]] = []
        var optionArcs: [[MinCostFlowNetwork.ArcID]] = []
        var dinerLinks: [[ServiceReach.Link]] = []
        dinerOptions.reserveCapacity(diners.count)
        for diner in diners {
            let links = reach.linksInReach(for: diner)
            let options = options(for: diner, links: links, deliveryCapacity: deliveryCapacity)
            let node = network.addNode()
            network.addArc(from: source, to: node, capacity: 1, cost: 0)
            optionArcs.append(options.map { option in
                let head: Int = switch option.kind {
                case .dineIn: sittingNode[option.canteen][option.sitting!]
                case .pickup: kitchen[option.canteen]
                case .delivery: deliveryNode[option.canteen]
                }
                return network.addArc(from: node, to: head, capacity: 1, cost: option.cost)
            })
            network.addArc(from: node, to: sink, capacity: 1, cost: AssignmentObjective.unserved(diner.priority))
            dinerOptions.append(options)
            dinerLinks.append(links)
        }

        let solution: MinCostFlowSolution
        do {
            solution = try network.solve(source: source, sink: sink)
        } catch {
            // The network is built so that every unit has a path (the unserved arc) and the
            // weights stay within the solver's exact range; anything else is a programming error.
            preconditionFailure("assignment network could not be solved: \(error)")
        }

        var placements: [Assignment.Placement] = []
        var unservedIndices: [Int] = []
        for (dinerIndex, diner) in diners.enumerated() {
            if let chosen = optionArcs[dinerIndex].firstIndex(where: { solution.flow(on: $0) > 0 }) {
                let option = dinerOptions[dinerIndex][chosen]
                let canteen = canteens[option.canteen]
                placements.append(Assignment.Placement(
                    diner: diner, canteen: canteen, kind: option.kind,
                    sitting: option.sitting.map { canteen.sittings[$0] }, travelSeconds: option.travelSeconds))
            } else {
                unservedIndices.append(dinerIndex)
            }
        }

        let saturated = SaturatedCapacities(
            sittings: sittingArcs.map { $0.map { arcs in arcs.allSatisfy { solution.flow(on: $0) >= network.arc($0).capacity } } },
            delivery: deliveryArcs.map { solution.flow(on: $0) >= network.arc($0).capacity },
            kitchen: kitchenArcs.map { arcs in arcs.allSatisfy { solution.flow(on: $0) >= network.arc($0).capacity } })
        let unserved = unservedIndices.map { index in
            explainUnserved(diners[index], links: dinerLinks[index], options: dinerOptions[index], saturated: saturated)
        }
        return Assignment(day: reach.day, placements: fixed + placements, unserved: unserved,
                          deliveryCapacity: Dictionary(uniqueKeysWithValues: zip(canteens.map(\.id), deliveryCapacity)),
                          cost: solution.totalCost)
    }

    struct SaturatedCapacities {
        let sittings: [[Bool]]
        let delivery: [Bool]
        let kitchen: [Bool]
    }

    /// Finds the first rule, in the order a coordinator checks them, that keeps the diner out.
    func explainUnserved(_ diner: Diner, links: [ServiceReach.Link], options: [Option],
                         saturated: SaturatedCapacities) -> Assignment.Unserved {
        let canteens = reach.canteens
        let minutes = (reach.radius + 30) / 60
        let allowed = ServiceReach.allowedKinds(for: diner)
        let inCircle = links.filter { link in allowed.contains { reach.withinCircle(link, $0) } }
        if inCircle.isEmpty {
            if let offNetwork = reach.offNetworkExplanation(for: diner) {
                return .init(diner: diner, reason: .homeOffNetwork, detail: offNetwork)
            }
            let nearest = reach.nearest(diner)
            return .init(diner: diner, reason: .outsideRadius, detail: nearest.explanation)
        }
        let open = inCircle.filter { reach.day.isOpen(canteens[$0.canteen]) }
        if open.isEmpty {
            let names = inCircle.map { canteens[$0.canteen].name }
            let detail = names.count == 1
                ? "\(names[0]), the only canteen within \(minutes) min, is closed that day"
                : "all \(names.count) canteens within \(minutes) min are closed that day"
            return .init(diner: diner, reason: .closed, detail: detail)
        }
        if !open.contains(where: { canteens[$0.canteen].makes(diner.diets) }) {
            let missing = diner.diets.filter { diet in !open.contains { canteens[$0.canteen].diets.contains(diet) } }
            let labels = (missing.isEmpty ? diner.diets : Set(missing)).sorted().map(\.rawValue)
            return .init(diner: diner, reason: .noDiet,
                         detail: "no canteen within \(minutes) min makes \(labels.joined(separator: " + ")) food")
        }
        // Capacity: the options existed but were full. Name the courier limit only when every
        // option was a delivery blocked by courier capacity rather than by the kitchen.
        let courierBound = options.isEmpty || options.allSatisfy { option in
            option.kind == .delivery && saturated.delivery[option.canteen] && !saturated.kitchen[option.canteen]
        }
        let deliveryOnly = allowed == [.delivery]
        if courierBound && (deliveryOnly || options.allSatisfy { $0.kind == .delivery }) {
            let names = Set(open.map { canteens[$0.canteen].name }).sorted()
            return .init(diner: diner, reason: .noCourierCapacity,
                         detail: "the couriers of \(names.prefix(3).joined(separator: ", ")) have no room left")
        }
        let full = Set(options.map { canteens[$0.canteen].name }).sorted()
        return .init(diner: diner, reason: .canteenFull,
                     detail: "\(full.prefix(3).joined(separator: ", ")) \(full.count == 1 ? "is" : "are") full (seats or kitchen)")
    }
}
