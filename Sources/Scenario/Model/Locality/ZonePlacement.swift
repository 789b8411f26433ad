/// Where `zones: [z0, z1, ...]` puts instances (or gateway replicas): instance i in
/// `zones[i % count]`, spreading a Deployment across zones as a topology spread constraint
/// with maxSkew 1 would.
public enum ZonePlacement {
    /// The zone of instance `index`, nil without zones.
    public static func zone(ofInstance index: Int, zones: [String]) -> String? {
        zones.isEmpty ? nil : zones[index % zones.count]
    }

    /// How many of `instances` instances land in `zone`.
    public static func count(in zone: String, zones: [String], instances: Int) -> Int {
        (0..<max(0, instances)).count { self.zone(ofInstance: $0, zones: zones) == zone }
    }
}
