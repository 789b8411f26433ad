import Scenario

/// Kong's configuration → the scenario's `gateway` (routes, plugins, consumers, upstreams,
/// service settings): decK / DB-less declarative files first, then what the Kong Ingress
/// Controller builds from Ingress and HTTPRoute objects with their KongPlugins,
/// KongConsumers and KongUpstreamPolicies. Settings that no
/// Kong object holds (replicas, workers, latency) stay in the scenario.
enum KongTranslator {
    static func translate(_ translation: inout ManifestTranslation) {
        var kong = KongContext(translation: translation)
        for object in translation.objects where object.kind == "decK" {
            DeckTranslator(file: object).translate(&kong)
        }
        let plugins = KongPluginObjects(translation.objects, context: &kong)
        KongConsumerTranslator.translate(&kong, plugins: plugins)
        let policies = KongUpstreamPolicies(translation.objects, context: &kong)
        KongIngressTranslator.translate(&kong, plugins: plugins, policies: policies)
        KongHTTPRouteTranslator.translate(&kong, plugins: plugins, policies: policies)
        kong.gateway.write(into: &translation.fragment)
        translation.fragment.diagnostics += kong.diagnostics
    }
}
