/// `calls:`: downstream calls in order; a `parallel:` step runs its calls at once.
enum CallDecoder {
    static func decodeList(_ node: YAMLNode, path: String, context: DecodeContext) -> [CallStep]? {
        ScenarioDecoder.list(node, path, ValueReader(context: context)) { item, itemPath, _ in
            step(item, path: itemPath, context: context)
        }
    }

    private static func step(_ node: YAMLNode, path: String, context: DecodeContext) -> CallStep? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        guard reader.keys.contains("parallel") else {
            return call(reader).map(CallStep.call)
        }
        // A parallel step holds only its list; its entries are single calls (no nesting).
        let calls = reader.read("parallel", required: true) { node, path in
            ScenarioDecoder.nonEmptyList(node, path, reader.values) { item, itemPath in
                MappingReader(item, path: itemPath, context: context).flatMap(call)
            }
        }
        reader.finish()
        return calls.map(CallStep.parallel)
    }

    private static func call(_ reader: MappingReader) -> DownstreamCall? {
        let service = reader.nonEmptyString("service", required: true)
        let percent = reader.percent("percent")
        let path = reader.read("path") { node, path -> String? in
            guard let text = HTTPPaths.check(node, path, reader.values) else { return nil }
            // Keys are drawn per client request; here `{1..N}` would be literal text.
            guard !text.contains("{") && !text.contains("}") else {
                reader.values.fail(path, "cannot hold {1..N}: keys are drawn only in a client's requests[].path, not in '\(text)'", at: node)
                return nil
            }
            return text
        }
        reader.finish()
        return service.map { DownstreamCall(service: $0, percent: percent ?? 1, path: path, location: reader.location) }
    }
}
