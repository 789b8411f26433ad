/// `variants:`: NAME → { PATH: VALUE }, compared by `meshsim compare`. Values are kept as YAML and
/// applied (and checked) by the override machinery, like `--set`.
enum VariantDecoder {
    static func decode(_ node: YAMLNode, path: String, context: DecodeContext) -> [Variant]? {
        let values = ValueReader(context: context)
        guard let entries = values.entries(node, path) else { return nil }
        return entries.compactMap { entry in
            let variantPath = "\(path).\(entry.key)"
            guard !entry.key.isEmpty else {
                context.error("\(path) has a variant with an empty name", at: entry.keyLocation)
                return nil
            }
            // compare writes each setup's reports to DIR/<name>/, beside compare.csv.
            if [".", "..", "compare.csv", "compare-ci.csv", "report.html"].contains(entry.key) || entry.key.unicodeScalars.contains(where: { $0 == "/" || $0 == "\0" }) {
                context.error(
                    "variant '\(Diagnostic.excerpt(entry.key))' cannot be a folder name: compare writes its reports to DIR/<variant>/, "
                        + "so a variant is not '.', '..', compare.csv, compare-ci.csv or report.html and has no '/'; rename it, such as mesh-on",
                    at: entry.keyLocation)
                return nil
            }
            // `name: {}` (or `name:`) is a variant without overrides: the scenario as written.
            let overrides = ValueReader.isNull(entry.value) ? [] : values.entries(entry.value, variantPath)
            return overrides.map { overrides in
                Variant(
                    name: entry.key,
                    overrides: overrides.map { Override(path: $0.key, value: $0.value) },
                    location: entry.keyLocation
                )
            }
        }
    }
}
