/// The `proxy-cache` plugin's `config`.
enum ProxyCacheDecoder {
    static func decode(_ config: MappingReader) -> ProxyCacheConfig? {
        config.finish()
        config.context.error("\(config.path): the proxy-cache plugin is not decoded yet", at: config.location)
        return nil
    }
}
