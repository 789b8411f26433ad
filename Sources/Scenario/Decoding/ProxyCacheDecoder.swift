/// The `proxy-cache` plugin's `config`, checked as Kong's schema checks it
/// (kong/plugins/proxy-cache/schema.lua).
enum ProxyCacheDecoder {
    /// Kong's `request_method` choices.
    static let methods = ["HEAD", "GET", "POST", "PATCH", "PUT"]

    static func decode(_ config: MappingReader) -> ProxyCacheConfig? {
        let context = config.context
        let values = config.values
        let strategy = config.read("strategy", required: true) { node, path -> String? in
            guard let text = values.nonEmptyString(node, path) else { return nil }
            guard text == "memory" else {
                values.fail(path, "must be memory, not '\(text)': meshsim models the memory strategy (one cache per gateway replica)", at: node)
                return nil
            }
            return text
        }
        let ttl = config.int("cache_ttl", 1...SizeLimits.cacheTTLSeconds)
        let storageTTL = config.int("storage_ttl", 0...SizeLimits.cacheTTLSeconds)
        let methods = config.read("request_method") { node, path in
            ScenarioDecoder.list(node, path, values) { item, itemPath, _ in values.choice(item, itemPath, Self.methods) }
        }
        let codes = config.read("response_code") { node, path in
            ScenarioDecoder.nonEmptyList(node, path, values) { item, itemPath in values.int(item, itemPath, 100...900) }
        }
        let contentTypes = config.stringList("content_type")
        let varyHeaders = config.stringList("vary_headers")
        let varyQuery = config.stringList("vary_query_params")
        let dictionary = config.mapping("memory").flatMap { memory -> String? in
            let name = memory.nonEmptyString("dictionary_name")
            memory.finish()
            return name
        }
        let cacheControl = config.bool("cache_control")
        let ignoreCase = config.bool("ignore_uri_case")
        config.finish(noEffect: ProductFields.proxyCacheNoEffect)
        if cacheControl == true {
            context.warning(
                "\(config.path("cache_control")): true stores nothing in a simulation: Kong then caches an answer only for the max-age or Expires it carries, and simulated services send neither",
                at: config.location(of: "cache_control"))
        }
        // A wrong field is reported where it is written; the scenario then fails to load.
        guard strategy != nil else { return nil }
        let defaults = ProxyCacheConfig()
        var result = ProxyCacheConfig(
            cacheTTL: ttl.map { Nanoseconds($0) * 1_000_000_000 } ?? defaults.cacheTTL,
            requestMethods: methods ?? defaults.requestMethods, responseCodes: codes ?? defaults.responseCodes,
            contentTypes: contentTypes ?? defaults.contentTypes, varyHeaders: varyHeaders, varyQueryParams: varyQuery,
            dictionaryName: dictionary ?? defaults.dictionaryName, cacheControl: cacheControl ?? false, ignoreURICase: ignoreCase ?? false)
        result.storageTTL = storageTTL.map { Nanoseconds($0) * 1_000_000_000 }
        // Legal in Kong and surprising: a cache that never stores.
        if contentTypes != nil, !result.storesJSON {
            context.warning(
                "\(config.path("content_type")) matches no application/json answer, which every simulated service sends, so the cache stores nothing",
                at: config.location(of: "content_type"))
        }
        if methods?.isEmpty == true {
            context.warning("\(config.path("request_method")) is empty, so Kong bypasses the cache for every request", at: config.location(of: "request_method"))
        }
        return result
    }
}
