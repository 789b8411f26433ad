/// The `request-termination` plugin's `config`.
enum RequestTerminationDecoder {
    static func decode(_ config: MappingReader) -> RequestTerminationConfig? {
        config.finish()
        config.context.error("\(config.path): the request-termination plugin is not decoded yet", at: config.location)
        return nil
    }
}
