/// Which labels an assertion may carry together. The labels pick one row of the summary,
/// so they are one of `client`, `route`, `service`, `version`, or `service` with `version`
/// (the row `service/version`). Checked while parsing, so that the error points at the label.
enum AssertionLabelRules {
    /// Why `label` cannot join the `earlier` labels (already valid together), or nil.
    static func problem(adding label: Assertion.Label, to earlier: [Assertion.Label], metric: Assertion.Metric) -> String? {
        if metric == .ejections, label == .client || label == .route {
            // Instances belong to services and versions; a client or route row would always read 0.
            return "ejections counts instances ejected by outlier detection, so it takes service= or version=, or no label for all of them; not \(label.rawValue)="
        }
        guard let other = earlier.first, Set(earlier + [label]) != [.service, .version] else { return nil }
        return "label \(label.rawValue) cannot go with \(other.rawValue): an assertion reads one row of the summary, so it takes one of client, route, service, version, or service with version"
    }

    /// Why `service=` and a qualified `version=` name different services, or nil.
    static func mismatch(_ labels: [Assertion.LabelValue]) -> String? {
        guard let service = labels.first(where: { $0.label == .service })?.value,
              let version = labels.first(where: { $0.label == .version })?.value,
              let slash = version.firstIndex(of: "/"),
              version[..<slash] != service
        else { return nil }
        return "version=\(version) is not a version of service=\(service); next to service= give the version alone, as in version=\(version[version.index(after: slash)...])"
    }
}
