/// Selective route exchange crossover (SREX, Nagata & Kobayashi 2010, as used in PyVRP): a group
/// of neighbouring routes of the first parent is replaced by the routes of the second parent that
/// cover the same stops best; stops left without a route are reinserted at their cheapest place.
///
/// Routes are grouped by neighbourhood overlap rather than by polar angle, because the model has
/// no coordinates (only travel matrices).
struct RouteExchangeCrossover {
    let model: SearchModel

    func offspring(
        _ first: [[Int]], _ second: [[Int]], scratch state: SearchState, rng: inout SeededGenerator
    ) -> [[Int]] {
        let routesA = first.indices.filter { !first[$0].isEmpty }
        let routesB = second.indices.filter { !second[$0].isEmpty }
        guard !routesA.isEmpty, !routesB.isEmpty else { return first }
        let moved = 1 + rng.below(max(1, min(routesA.count, routesB.count) - 1))

        var routeInA = [Int](repeating: -1, count: model.stopCount)
        for r in routesA { for s in first[r] { routeInA[s] = r } }

        // A seed route of A and its closest routes by how many near neighbours they share.
        let seed = routesA[rng.below(routesA.count)]
        var overlap = [Int](repeating: 0, count: first.count)
        for s in first[seed] {
            for t in model.neighbours[s].prefix(10) where routeInA[t] >= 0 && routeInA[t] != seed {
                overlap[routeInA[t]] += 1
            }
        }
        let others = routesA.filter { $0 != seed }.sorted { overlap[$0] != overlap[$1] ? overlap[$0] > overlap[$1] : $0 < $1 }
        let selectedA = [seed] + others.prefix(moved - 1)

        var inSelectedA = [Bool](repeating: false, count: model.stopCount)
        for r in selectedA { for s in first[r] { inSelectedA[s] = true } }
        let coverage = routesB.map { r in second[r].reduce(0) { $0 + (inSelectedA[$1] ? 1 : 0) } }
        let selectedB = routesB.indices
            .sorted { coverage[$0] != coverage[$1] ? coverage[$0] > coverage[$1] : routesB[$0] < routesB[$1] }
            .prefix(moved).map { routesB[$0] }

        var locked = [Bool](repeating: false, count: model.stopCount)
        for prefix in model.lockedPrefix { for s in prefix { locked[s] = true } }

        let lockedSlots = SearchState.lockedStart(model)
        var child = first
        var inSelectedB = [Bool](repeating: false, count: model.stopCount)
        for r in selectedB { for s in second[r] where !locked[s] { inSelectedB[s] = true } }
        var unplaced: [Int] = []
        for r in selectedA {
            for s in first[r] where !inSelectedB[s] && !locked[s] { unplaced.append(s) }
            child[r] = lockedSlots[r]
        }
        for r in child.indices where !selectedA.contains(r) {
            child[r].removeAll { inSelectedB[$0] }
        }
        func isFree(_ r: Int) -> Bool { child[r].count == lockedSlots[r].count }
        for r in selectedB {
            let stops = second[r].filter { !locked[$0] }
            let vehicle = model.routeVehicle[r]
            var slot: Int? = isFree(r) ? r : nil
            if slot == nil {
                // Another free slot that can take the route as it is.
                slot = child.indices.first { candidate in
                    isFree(candidate) && lockedSlots[candidate].isEmpty
                        && model.vehicleProfile[model.routeVehicle[candidate]] == model.vehicleProfile[vehicle]
                        && stops.allSatisfy { model.canServe($0, model.routeVehicle[candidate]) }
                }
            }
            if let slot {
                child[slot] += stops
            } else {
                unplaced += stops
            }
        }
        rng.shuffle(&unplaced)
        state.load(child)
        state.insertCheapest(unplaced)
        return state.export()
    }
}
