extension Assertion {
    /// The row of the summary an assertion reads: `label` nil for the `total` row (named
    /// `all`), otherwise that scope and the row's name. `service=S, version=V` reads the
    /// version row `S/V`, as does `version=S/V`.
    public struct Row: Sendable, Hashable {
        public var label: Label?
        public var name: String

        public init(label: Label?, name: String) {
            self.label = label
            self.name = name
        }
    }

    /// The row the labels pick. Combinations the parser refuses (client with route, say)
    /// never reach a run, so which row they would read does not matter.
    public var row: Row {
        func value(_ label: Label) -> String? { labels.first { $0.label == label }?.value }
        if let version = value(.version) {
            if let service = value(.service), !version.contains("/") {
                return Row(label: .version, name: "\(service)/\(version)")
            }
            return Row(label: .version, name: version)
        }
        guard let first = labels.first else { return Row(label: nil, name: "all") }
        return Row(label: first.label, name: first.value)
    }
}
