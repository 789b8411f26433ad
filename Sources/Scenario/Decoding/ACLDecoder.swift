/// The `acl` plugin's `config`.
enum ACLDecoder {
    static func decode(_ config: MappingReader) -> ACLConfig? {
        config.finish()
        config.context.error("\(config.path): the acl plugin is not decoded yet", at: config.location)
        return nil
    }
}
