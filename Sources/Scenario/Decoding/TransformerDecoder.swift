/// The `request-transformer` and `response-transformer` plugins' `config`.
enum TransformerDecoder {
    static func decode(_ config: MappingReader, latency: Distribution) -> TransformerConfig? {
        config.finish()
        config.context.error("\(config.path): the transformer plugins are not decoded yet", at: config.location)
        return nil
    }
}
