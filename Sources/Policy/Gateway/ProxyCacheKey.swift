import Scenario

/// Kong's proxy-cache key (kong/plugins/proxy-cache/cache_key.lua) before Kong hashes it:
/// `consumer:route|method|uri|params|headers`. The uri is the path without its query; params
/// are the query arguments named in `vary_query_params` (all of them, sorted, when none are
/// named); headers are those named in `vary_headers` (none by default).
public enum ProxyCacheKey {
    public static func text(
        _ config: ProxyCacheConfig, route: String, consumer: String?, method: String, path: String, headers: [Header]
    ) -> String {
        let parts = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let uri = config.ignoreURICase ? parts[0].lowercased() : String(parts[0])
        let query = parts.count > 1 ? arguments(parts[1]) : []
        let queryNames = config.varyQueryParams.flatMap { $0.isEmpty ? nil : $0 } ?? Array(Set(query.map(\.name))).sorted()
        let params = varyKey(queryNames) { name in query.filter { $0.name == name }.map(\.value) }
        let headerKey = varyKey(config.varyHeaders ?? []) { name in
            headers.filter { $0.name.lowercased() == name.lowercased() }.map { Optional($0.value) }
        }
        let prefix = consumer.map { "\($0):\(route)" } ?? route
        return "\(prefix)|\(method)|\(uri)|\(params)|\(headerKey)"
    }

    /// Query arguments in order; a bare `name` has no value (Kong reads it as `true`).
    private static func arguments(_ query: Substring) -> [(name: String, value: String?)] {
        query.split(separator: "&").map { pair in
            let halves = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(halves[0]), halves.count > 1 ? String(halves[1]) : nil)
        }
    }

    /// cache_key.lua's `generate_key_from`: `field=value` per present field in the given order,
    /// a repeated field's values sorted and joined by commas, a valueless one as its name alone.
    private static func varyKey(_ fields: [String], _ values: (String) -> [String?]) -> String {
        fields.compactMap { field -> String? in
            let found = values(field)
            guard !found.isEmpty else { return nil }
            if found.count > 1 { return "\(field)=\(found.map { $0 ?? "" }.sorted().joined(separator: ","))" }
            return found[0].map { "\(field)=\($0)" } ?? field
        }.joined(separator: ":")
    }
}
