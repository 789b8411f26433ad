/// The `request-termination` plugin's `config` (kong/plugins/request-termination/schema.lua).
enum RequestTerminationDecoder {
    static func decode(_ config: MappingReader) -> RequestTerminationConfig? {
        let values = config.values
        let status = config.int("status_code", 100...599)
        let message = config.string("message")
        let body = config.string("body")
        let contentType = config.string("content_type")
        // Echoing the request changes only the answer's body.
        let echo = config.bool("echo")
        let trigger = config.read("trigger") { HeaderNames.check($0, $1, values) }
        config.finish()
        // Kong's custom_validator, which counts an empty string as absent.
        let present = { (text: String?) in !(text ?? "").isEmpty }
        var valid = true
        if present(message), present(body) || present(contentType) {
            config.context.error("\(config.path): message cannot be used with content_type or body (Kong answers either {\"message\": …} or the raw body)", at: config.location(of: "message"))
            valid = false
        }
        if present(contentType), !present(body) {
            config.context.error("\(config.path): content_type requires a body", at: config.location(of: "content_type"))
            valid = false
        }
        if echo == true, present(body) || present(contentType) {
            config.context.error("\(config.path): echo cannot be used with content_type and body", at: config.location(of: "echo"))
            valid = false
        }
        guard valid, config.has("status_code") == (status != nil), config.has("trigger") == (trigger != nil) else { return nil }
        return RequestTerminationConfig(
            statusCode: status ?? 503, message: message, body: body, contentType: contentType, trigger: trigger)
    }
}
