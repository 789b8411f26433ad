/// Reads the keys of one YAML mapping and reports, when finished, every key nobody asked for:
/// a misspelt key gets a "did you mean", a real product field without effect gets a warning.
///
/// Every key a decoder asks about (present or not) becomes a valid key, so the list of valid keys
/// in messages is exactly what the decoder reads.
final class MappingReader {
    let path: String
    let location: SourceLocation
    let values: ValueReader
    private let entries: [YAMLEntry]
    /// Each key's entry index, so that looking keys up stays linear in a mapping of 400,000 keys;
    /// empty for mappings of a few keys, where scanning the entries is cheaper than hashing.
    private let indexByKey: [String: Int]
    private var known: [String] = []
    /// Per entry, whether a decoder has read it.
    private var consumed: [Bool]

    /// Nil (after reporting an error) when `node` is not a mapping. A null node reads as an empty mapping.
    init?(_ node: YAMLNode, path: String, context: DecodeContext) {
        self.path = path
        location = node.location
        values = ValueReader(context: context)
        if ValueReader.isNull(node) {
            entries = []
            indexByKey = [:]
            consumed = []
            return
        }
        guard let entries = values.entries(node, path.isEmpty ? "a scenario" : path) else { return nil }
        self.entries = entries
        consumed = Array(repeating: false, count: entries.count)
        // The parser rejects duplicate keys; were one to come through, the first wins as before.
        indexByKey = entries.count <= Self.scanLimit
            ? [:] : Dictionary(entries.indices.map { (entries[$0].key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Mappings up to this many keys are scanned rather than hashed.
    private static let scanLimit = 16

    /// The index of `key`'s first entry.
    private func index(of key: String) -> Int? {
        entries.count <= Self.scanLimit ? entries.firstIndex { $0.key == key } : indexByKey[key]
    }

    var context: DecodeContext { values.context }

    var keys: [String] { entries.map(\.key) }

    func path(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// True when `key` is written with a value (a null value counts as not written).
    func has(_ key: String) -> Bool {
        remember(key)
        return index(of: key).map { !ValueReader.isNull(entries[$0].value) } ?? false
    }

    /// Where `key` is written, or the mapping itself when it is not.
    func location(of key: String) -> SourceLocation {
        keyLocation(key) ?? location
    }

    func keyLocation(_ key: String) -> SourceLocation? {
        index(of: key).map { entries[$0].keyLocation }
    }

    /// The value of `key`, nil when absent or null. A required key that is missing is reported at
    /// the mapping, a required key written empty at its value.
    func node(_ key: String, required: Bool = false) -> YAMLNode? {
        remember(key)
        guard let index = index(of: key) else {
            if required { context.error("\(path(key)) is required", at: location) }
            return nil
        }
        consumed[index] = true
        let value = entries[index].value
        if ValueReader.isNull(value) {
            if required { context.error("\(path(key)) must not be empty", at: value.location) }
            return nil
        }
        return value
    }

    /// Decodes the value of `key` with `decode(node, path)`; nil when absent, null or wrong.
    func read<T>(_ key: String, required: Bool = false, _ decode: (YAMLNode, String) -> T?) -> T? {
        guard let node = node(key, required: required) else { return nil }
        return decode(node, path(key))
    }

    func string(_ key: String, required: Bool = false) -> String? {
        read(key, required: required, values.string)
    }

    func nonEmptyString(_ key: String, required: Bool = false) -> String? {
        read(key, required: required, values.nonEmptyString)
    }

    func int(_ key: String, _ range: ClosedRange<Int>? = nil, required: Bool = false) -> Int? {
        read(key, required: required) { values.int($0, $1, range) }
    }

    func number(_ key: String, _ range: ClosedRange<Double>? = nil, required: Bool = false) -> Double? {
        read(key, required: required) { values.number($0, $1, range) }
    }

    func bool(_ key: String) -> Bool? {
        read(key, values.bool)
    }

    func duration(_ key: String, _ sign: ValueReader.Sign = .nonNegative, required: Bool = false) -> Nanoseconds? {
        read(key, required: required) { values.duration($0, $1, sign) }
    }

    func percent(_ key: String, required: Bool = false) -> Double? {
        read(key, required: required, values.percent)
    }

    func distribution(_ key: String) -> Distribution? {
        read(key, values.distribution)
    }

    func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type, required: Bool = false) -> E? where E.RawValue == String {
        read(key, required: required) { values.choice($0, $1, type) }
    }

    func choice<E: RawRepresentable>(_ key: String, _ cases: [E], required: Bool = false) -> E? where E.RawValue == String {
        read(key, required: required) { values.choice($0, $1, cases) }
    }

    func stringList(_ key: String) -> [String]? {
        read(key, values.stringList)
    }

    func sequence(_ key: String, required: Bool = false) -> [YAMLNode]? {
        read(key, required: required, values.sequence)
    }

    /// A reader for the nested mapping at `key`; nil when absent, null or not a mapping.
    func mapping(_ key: String, required: Bool = false) -> MappingReader? {
        guard let node = node(key, required: required) else { return nil }
        return MappingReader(node, path: path(key), context: context)
    }

    /// Reports the keys nobody read. `noEffect` lists real fields of the mirrored product that change
    /// nothing in a simulation (a warning); `notSimulated` lists real fields whose effect meshsim
    /// cannot reproduce (an error, since ignoring them would change the outcome silently).
    func finish(noEffect: [String] = [], notSimulated: [String] = [], product: String = "") {
        for (entry, read) in zip(entries, consumed) where !read {
            let name = path(entry.key)
            if noEffect.contains(entry.key) {
                if context.isLenient(entry.keyLocation) {
                    context.lenientWarning("\(name) has no effect in a simulation (said once per field)", field: fieldName(entry.key), at: entry.keyLocation)
                } else {
                    context.warning("\(name) has no effect in a simulation", at: entry.keyLocation)
                }
            } else if notSimulated.contains(entry.key) {
                if context.isLenient(entry.keyLocation) {
                    context.lenientWarning(
                        "\(name) is \(article(product)) \(product) field that meshsim does not simulate; ignored, so the simulation may differ from the cluster (said once per field)",
                        field: fieldName(entry.key), at: entry.keyLocation)
                } else {
                    context.error("\(name) is \(article(product)) \(product) field that meshsim does not simulate", at: entry.keyLocation)
                }
            } else if context.isLenient(entry.keyLocation) {
                context.lenientWarning("ignored: \(name) is not read by meshsim (said once per field)", field: fieldName(entry.key), at: entry.keyLocation)
            } else {
                let place = path.isEmpty ? "at the top level" : "in \(path)"
                let hint = Suggestion.hint(for: entry.key, among: candidates(noEffect), listName: "valid keys are")
                context.error("unknown key '\(Diagnostic.excerpt(entry.key))' \(place); \(hint)", at: entry.keyLocation)
            }
        }
    }

    /// `match.gateways` for a key `gateways` in `services.reviews.http[0].match[1]`: the field
    /// whatever service or index it is written under.
    private func fieldName(_ key: String) -> String {
        let parent = path.split(separator: ".").last.map { String($0.prefix { $0 != "[" }) } ?? ""
        return parent.isEmpty ? key : "\(parent).\(key)"
    }

    /// "an Istio field", "a Kong field".
    private func article(_ product: String) -> String {
        "AEIOU".contains(product.first ?? "K") ? "an" : "a"
    }

    /// The keys asked about, each once in the order first asked, then the keys without effect.
    private func candidates(_ noEffect: [String]) -> [String] {
        var asked: [String] = []
        for key in known where !asked.contains(key) { asked.append(key) }
        return asked + noEffect.filter { !asked.contains($0) }
    }

    /// Kept with repeats: removing them only when a message lists the keys costs nothing on valid input.
    private func remember(_ key: String) {
        known.append(key)
    }
}
