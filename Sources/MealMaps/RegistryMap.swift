import Foundation
import MealCore
import MealPlanner

/// The distribution map of the registry (老年人分布图, `mealcli map --registry`): per grid (网格)
/// a circle sized by how many elderly eat there and shaded by the share inside the 15-minute
/// circle, each community as a ring sized by its elderly, the diners outside the circle, the canteens, and the new
/// sites `coverage` suggests.
public struct RegistryMap: Sendable {
    public var registry: Registry
    public var coverage: CoverageReport
    public var parameters: PlanningParameters
    public var roads: NetworkTravelModel?

    public init(registry: Registry, coverage: CoverageReport, parameters: PlanningParameters, roads: NetworkTravelModel?) {
        self.registry = registry
        self.coverage = coverage
        self.parameters = parameters
        self.roads = roads
    }

    public var html: String { page.html }

    public var page: MapPage {
        let eating = registry.diners.filter(coverage.day.eats)
        let projection = MapLayout.projection(places: registry.canteens.map(\.location) + eating.map(\.location),
                                              network: roads?.router.network)
        func at(_ point: GeoPoint) -> MapPoint { projection.point(latitude: point.latitude, longitude: point.longitude) }
        let outsideIDs = Set(coverage.outside.map(\.diner.id))
        let grids = DistributionLayer.areas(eating, outside: outsideIDs, key: { $0.grid.isEmpty ? "（未填网格）" : $0.grid }, at: at)
        let communities = DistributionLayer.areas(eating, outside: outsideIDs,
                                                  key: { $0.community.isEmpty ? "（未填社区）" : $0.community }, at: at)
        let basis = ReachOutline.basis(parameters: parameters, onStreets: roads != nil)
        let marks = registry.canteens.map { canteen in
            CanteenLayer.Mark(canteen: canteen, at: at(canteen.location),
                              outline: ReachOutline.outline(of: canteen, basis: basis, router: roads?.router, projection: projection),
                              meals: 0, dimmed: false)
        }
        let outside = coverage.outside.map { (entry: $0, at: at($0.diner.location)) }
        let sites = coverage.suggestions.map { (site: $0, at: at($0.location)) }
        let everything = MapBox(around: marks.map(\.at) + eating.map { at($0.location) })
            ?? MapBox(minX: -500, minY: -500, maxX: 500, maxY: 500)
        let full = everything.padded(everything.width * 0.04 + 10)
        let base = roads.map { StreetLayer(network: $0.router.network, projection: projection).markup }
            ?? Graticule.markup(box: full, projection: projection)
        let legend = RegistryLegend(coverage: coverage, grids: grids, basis: basis, hasStreets: roads != nil)
        return MapPage(title: "老年人分布图", layers: [
            // The largest community 80 units across, the largest grid 30 (the map is 1,000 across).
            base, CanteenLayer.outlines(marks), DistributionLayer.communities(communities, maxRadius: 40),
            DistributionLayer.grids(grids, maxRadius: 15),
            DistributionLayer.outside(outside), CanteenLayer.markers(marks), DistributionLayer.sites(sites),
        ], legend: legend.markup, full: full, fit: full, metresPerUnit: projection.metresPerUnit)
    }
}
