/// Where a workload runs, as Envoy's `core.Locality` (region, zone, subzone): meshsim's zone
/// `region/zone` or `zone` (one unnamed region), no subzone. The labels Istio adds to every
/// proxy and endpoint for it (`AugmentLabels`, pkg/model) are what `failoverPriority` reads.
public struct Locality: Sendable, Hashable {
    public static let regionLabel = "topology.kubernetes.io/region"
    public static let zoneLabel = "topology.kubernetes.io/zone"

    public var region: String
    public var zone: String

    public init(region: String, zone: String) {
        self.region = region
        self.zone = zone
    }

    /// `region/zone`, or `zone` in the unnamed region.
    public init(_ text: String) {
        if let slash = text.firstIndex(of: "/") {
            self.init(region: String(text[..<slash]), zone: String(text[text.index(after: slash)...]))
        } else {
            self.init(region: "", zone: text)
        }
    }

    /// The workload's labels with the topology labels of its locality (none for a workload
    /// without a zone, as a pod on an unlabelled node has none).
    public static func labels(_ labels: [String: String], at locality: Locality?) -> [String: String] {
        guard let locality else { return labels }
        var all = labels
        if !locality.region.isEmpty { all[regionLabel] = locality.region }
        all[zoneLabel] = locality.zone
        return all
    }
}
