/// One row of locality.csv: the attempts to a service from callers in one zone to hosts in
/// another (or the same), in the counted window. "-" stands for no zone.
public struct LocalityRow: Sendable, Hashable {
    public var service: String
    public var fromZone: String
    public var toZone: String
    public var attempts: Int
    /// Of the service's attempts from `fromZone`, the part that went to `toZone` (0…1).
    public var share: Double

    public init(service: String, fromZone: String, toZone: String, attempts: Int, share: Double) {
        self.service = service
        self.fromZone = fromZone
        self.toZone = toZone
        self.attempts = attempts
        self.share = share
    }
}
