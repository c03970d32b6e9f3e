import Foundation

extension RoadNetwork {
    /// Whether `user` may travel every segment it may use in both directions (pedestrians under
    /// the standard profiles): then a trip and its return take the same time, and many origins
    /// to one destination may be answered by one search from the destination.
    public func goesBothWays(_ user: RoadUser) -> Bool {
        let bit = user.bit
        for index in 0..<segments.count where segments.forward[index] & bit != segments.backward[index] & bit {
            return false
        }
        return true
    }
}
