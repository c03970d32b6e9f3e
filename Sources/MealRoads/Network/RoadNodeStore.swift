import Foundation

/// Node coordinates kept while an extract streams past: 16 bytes a node (id and two fixed-point
/// coordinates), so a million nodes take 16 MB however many tags they carried. Coordinates are
/// kept in OSM's own unit, 1e-7 degree (about a centimetre), so nothing is lost from a PBF file.
struct RoadNodeStore {
    static let unitsPerDegree = 10_000_000.0

    private(set) var ids: [Int64] = []
    private(set) var latitudes: [Int32] = []
    private(set) var longitudes: [Int32] = []
    /// Extracts as distributed list nodes by ascending id; hand-made ones may not.
    private var isSorted = true

    var count: Int { ids.count }

    init() {}

    /// A store of nodes already in ascending id order (a network read back).
    init(ids: [Int64], latitudes: [Int32], longitudes: [Int32]) {
        self.ids = ids
        self.latitudes = latitudes
        self.longitudes = longitudes
    }

    mutating func appendFixed(id: Int64, latitude: Int32, longitude: Int32) {
        if let last = ids.last, id <= last { isSorted = false }
        ids.append(id)
        latitudes.append(latitude)
        longitudes.append(longitude)
    }

    mutating func append(_ node: OSMNode) {
        if let last = ids.last, node.id <= last { isSorted = false }
        ids.append(node.id)
        latitudes.append(Int32((node.latitude * Self.unitsPerDegree).rounded()))
        longitudes.append(Int32((node.longitude * Self.unitsPerDegree).rounded()))
    }

    /// Sorts by id once ways start to need lookups; of repeated ids the first one counts.
    mutating func prepareForLookups() {
        guard !isSorted else { return }
        let order = ids.indices.sorted { ids[$0] != ids[$1] ? ids[$0] < ids[$1] : $0 < $1 }
        var newIDs: [Int64] = [], newLatitudes: [Int32] = [], newLongitudes: [Int32] = []
        newIDs.reserveCapacity(order.count)
        newLatitudes.reserveCapacity(order.count)
        newLongitudes.reserveCapacity(order.count)
        for index in order where newIDs.last != ids[index] {
            newIDs.append(ids[index])
            newLatitudes.append(latitudes[index])
            newLongitudes.append(longitudes[index])
        }
        ids = newIDs
        latitudes = newLatitudes
        longitudes = newLongitudes
        isSorted = true
    }

    /// Position of node `id`, nil when the extract does not have it (a way clipped at its edge).
    func index(of id: Int64) -> Int? {
        var low = 0, high = ids.count
        while low < high {
            let middle = (low + high) >> 1
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < ids.count && ids[low] == id ? low : nil
    }

    func point(_ index: Int) -> RoadPoint {
        RoadPoint(
            latitude: Double(latitudes[index]) / Self.unitsPerDegree,
            longitude: Double(longitudes[index]) / Self.unitsPerDegree)
    }
}
