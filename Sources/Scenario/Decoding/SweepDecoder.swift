/// `sweep:`: PATH → [VALUE, …], the parameters a sweep varies. Paths are checked here, where
/// the key is; values are kept as YAML and checked by applying each one as an override
/// (`ScenarioLoader`), so a value is judged exactly as if it had been written at its path.
enum SweepDecoder {
    static func decode(_ node: YAMLNode, path: String, context: DecodeContext) -> [SweepAxis]? {
        let values = ValueReader(context: context)
        guard let entries = values.entries(node, path) else { return nil }
        return entries.compactMap { entry in
            if case .failure(let failure) = OverridePath.parse(entry.key) {
                context.error("\(path) has an invalid path \"\(Diagnostic.excerpt(entry.key))\": \(failure.message)", at: entry.keyLocation)
                return nil
            }
            if let message = SweepGrid.unsweepableMessage(entry.key) {
                context.error(message, at: entry.keyLocation)
                return nil
            }
            let field = "\(path) \(Diagnostic.excerpt(entry.key))"
            if ValueReader.isNull(entry.value) {
                context.error("\(field) must list at least one value", at: entry.value.location)
                return nil
            }
            guard case .sequence(let items) = entry.value.value else {
                // `rate: 200/s` is one value where a sweep needs several: show the list form.
                let example = ValueReader.text(entry.value).isEmpty ? "[…]" : "[\(Diagnostic.excerpt(ValueReader.text(entry.value))), …]"
                values.fail(field, "must be a list of values such as \(example), not \(ValueReader.describe(entry.value))", at: entry.value)
                return nil
            }
            guard !items.isEmpty else {
                context.error("\(field) must list at least one value", at: entry.value.location)
                return nil
            }
            return SweepAxis(path: entry.key, values: items, location: entry.keyLocation)
        }
    }
}
