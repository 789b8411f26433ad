import Scenario

/// The header part of Kong's `request-transformer` (transform_headers in
/// kong/plugins/request-transformer/access.lua): what the upstream request carries. Names are
/// compared case-insensitively; a header written twice is two values.
public struct HeaderTransformPolicy: Sendable {
    private let config: TransformerConfig

    public init(_ config: TransformerConfig) {
        self.config = config
    }

    /// Kong's order: remove, rename, replace (only a header present; `host` always), add
    /// (only a header absent; never `host`), append (another value). An entry with nothing
    /// after its colon does nothing, as in Kong.
    public func apply(to headers: [Header]) -> [Header] {
        var headers = headers
        for name in config.remove {
            headers.removeAll { Self.same($0.name, name) }
        }
        for rename in config.rename where headers.contains(where: { Self.same($0.name, rename.name) }) {
            let values = headers.filter { Self.same($0.name, rename.name) }.map(\.value)
            // The renamed header takes the place of one of the new name already there.
            headers.removeAll { Self.same($0.name, rename.name) || Self.same($0.name, rename.value) }
            headers += values.map { Header(name: rename.value, value: $0) }
        }
        for replace in config.replace where !replace.value.isEmpty {
            guard headers.contains(where: { Self.same($0.name, replace.name) }) || Self.same(replace.name, "host") else { continue }
            headers.removeAll { Self.same($0.name, replace.name) }
            headers.append(replace)
        }
        for add in config.add where !add.value.isEmpty && !Self.same(add.name, "host") {
            if !headers.contains(where: { Self.same($0.name, add.name) }) { headers.append(add) }
        }
        for append in config.append where !append.value.isEmpty {
            headers.append(append)
        }
        return headers
    }

    /// The headers the route's upstream call carries: `headers` through the request-transformer
    /// in force on the route, if any.
    public static func upstream(_ headers: [Header], gateway: Gateway, route: GatewayRoute) -> [Header] {
        var headers = headers
        for plugin in PluginChain.effective(global: gateway.plugins, route: route.plugins) {
            if case .requestTransformer(let config) = plugin.config { headers = HeaderTransformPolicy(config).apply(to: headers) }
        }
        return headers
    }

    private static func same(_ left: String, _ right: String) -> Bool {
        left.lowercased() == right.lowercased()
    }
}
