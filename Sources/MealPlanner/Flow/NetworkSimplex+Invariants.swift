#if DEBUG
extension NetworkSimplex {
    /// Checks, in O(nodes + arcs), everything that makes the final basis a
    /// proof of optimality: flows within bounds, supplies conserved, basic
    /// arcs with zero reduced cost, and complementary slackness on the rest
    /// (an arc below capacity is not profitable, an arc with flow not costly).
    func verifyOptimalBasis() {
        var netOutflow = [Int](repeating: 0, count: nodeCount + 1)
        for arc in 0..<tail.count {
            precondition(flow[arc] >= 0 && flow[arc] <= capacity[arc], "arc \(arc) flow out of bounds")
            netOutflow[tail[arc]] += flow[arc]
            netOutflow[head[arc]] -= flow[arc]
        }
        for node in 0..<nodeCount {
            precondition(netOutflow[node] == supplies[node], "flow not conserved at node \(node)")
        }
        precondition(netOutflow[root] == 0, "flow not conserved at the artificial root")

        for node in 0..<nodeCount {
            let arc = parentArc[node]
            precondition(reducedCostForCheck(arc) == 0, "basic arc \(arc) has non-zero reduced cost")
            precondition(depth[node] == depth[parent[node]] + 1, "stale depth at node \(node)")
        }
        for arc in 0..<tail.count {
            let reduced = reducedCostForCheck(arc)
            if flow[arc] < capacity[arc] {
                precondition(reduced >= 0 || isBasic(arc), "arc \(arc) still profitable")
            }
            if flow[arc] > 0 {
                precondition(reduced <= 0 || isBasic(arc), "arc \(arc) carries flow at a loss")
            }
        }
    }

    private func reducedCostForCheck(_ arc: Int) -> Int64 {
        cost[arc] + potential[tail[arc]] - potential[head[arc]]
    }

    private func isBasic(_ arc: Int) -> Bool {
        let up = tail[arc], down = head[arc]
        return (parent[up] == down && parentArc[up] == arc) || (parent[down] == up && parentArc[down] == arc)
    }
}
#endif
