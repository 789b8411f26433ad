/// Decodes single YAML values into the value kinds of the format. Every method reports its own
/// error (at the value's location, naming the field by `path`) and returns nil when the value is wrong.
struct ValueReader {
    let context: DecodeContext

    /// `key:`, `key: ~` and `key: null` mean "not given".
    static func isNull(_ node: YAMLNode) -> Bool {
        guard case .scalar(let text, quoted: false) = node.value else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(text)
    }

    /// A scalar's text as written, for messages; empty for collections.
    static func text(_ node: YAMLNode) -> String {
        if case .scalar(let text, _) = node.value { return text }
        return ""
    }

    static func describe(_ node: YAMLNode) -> String {
        switch node.value {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let text, _): return "'\(Diagnostic.excerpt(text))'"
        }
    }

    func fail(_ path: String, _ message: String, at node: YAMLNode) {
        context.error("\(path) \(message)", at: node.location)
    }

    /// The text of a scalar; a mapping or list is an error that names `expected`.
    func scalar(_ node: YAMLNode, _ path: String, expected: String) -> String? {
        guard case .scalar(let text, _) = node.value else {
            fail(path, "must be \(expected), not \(Self.describe(node))", at: node)
            return nil
        }
        return text
    }

    func string(_ node: YAMLNode, _ path: String) -> String? {
        scalar(node, path, expected: "a string")
    }

    func nonEmptyString(_ node: YAMLNode, _ path: String) -> String? {
        guard let text = string(node, path) else { return nil }
        guard !text.isEmpty else {
            fail(path, "must not be empty", at: node)
            return nil
        }
        return text
    }

    /// A whole number in `range`. `5.0` and `1e3` are whole; `2.5` and `50%` are not.
    func int(_ node: YAMLNode, _ path: String, _ range: ClosedRange<Int>? = nil) -> Int? {
        guard let text = scalar(node, path, expected: "a whole number") else { return nil }
        let value: Int
        if let exact = Int(text) {
            value = exact
        } else if let number = ValueSyntax.decimal(text), number == number.rounded(), abs(number) < 9e15 {
            value = Int(number)
        } else {
            var message = "must be a whole number, not '\(text)'"
            if text.hasSuffix("%"), ValueSyntax.decimal(text.dropLast()) != nil {
                message = "must be a plain number: write \(text.dropLast()), not \(text)"
            }
            fail(path, message, at: node)
            return nil
        }
        guard check(value, in: range, path, node) else { return nil }
        return value
    }

    /// A decimal number in `range` (weights, Istio and Flagger percentages).
    func number(_ node: YAMLNode, _ path: String, _ range: ClosedRange<Double>? = nil) -> Double? {
        guard let text = scalar(node, path, expected: "a number") else { return nil }
        guard let value = ValueSyntax.decimal(text) else {
            var message = "must be a number, not '\(text)'"
            if text.hasSuffix("%"), ValueSyntax.decimal(text.dropLast()) != nil {
                message = "is written as a plain number here: write \(text.dropLast()), not \(text)"
            }
            fail(path, message, at: node)
            return nil
        }
        if let range, !range.contains(value) {
            fail(path, "must be between \(range.lowerBound.plainText) and \(range.upperBound.plainText), not \(text)", at: node)
            return nil
        }
        return value
    }

    func bool(_ node: YAMLNode, _ path: String) -> Bool? {
        guard let text = scalar(node, path, expected: "true or false") else { return nil }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            fail(path, "must be true or false, not '\(text)'", at: node)
            return nil
        }
    }

    enum Sign {
        case any, nonNegative, positive
        /// A timer period: shorter ones would tick without end (Istio refuses outlier intervals
        /// under 1 ms).
        case atLeast(Nanoseconds)
    }

    func duration(_ node: YAMLNode, _ path: String, _ sign: Sign = .nonNegative) -> Nanoseconds? {
        guard let text = scalar(node, path, expected: "a duration such as 5s or 250ms") else { return nil }
        guard let value = ValueSyntax.duration(text) else {
            if let advice = UnitSpelling.durationAdvice(text) {
                fail(path, "must be a duration: \(advice)", at: node)
            } else {
                fail(path, "must be a duration such as 5s or 250ms, not '\(text)'", at: node)
            }
            return nil
        }
        switch sign {
        case .nonNegative where value < 0:
            fail(path, "must not be negative, not \(text)", at: node)
            return nil
        case .positive where value <= 0:
            fail(path, "must be greater than 0s, not \(text)", at: node)
            return nil
        case .atLeast(let minimum) where value < minimum:
            fail(path, "must be at least \(DurationText.format(minimum)), not \(text)", at: node)
            return nil
        default:
            return value
        }
    }

    /// Requests per second.
    func rate(_ node: YAMLNode, _ path: String, positive: Bool) -> Double? {
        guard let text = scalar(node, path, expected: "a rate such as 800/s") else { return nil }
        guard let value = ValueSyntax.rate(text) else {
            let hint = UnitSpelling.rateAdvice(text).map { " (\($0))" } ?? ""
            fail(path, "must be a rate such as 800/s, 50/m or 3600/h, not '\(text)'\(hint)", at: node)
            return nil
        }
        if value < 0 || (positive && value == 0) {
            fail(path, "must be \(positive ? "greater than 0/s" : "at least 0/s"), not \(text)", at: node)
            return nil
        }
        return value
    }

    /// A meshsim percent `0%…100%`, as a fraction.
    func percent(_ node: YAMLNode, _ path: String) -> Double? {
        guard let text = scalar(node, path, expected: "a percent such as 5%") else { return nil }
        guard let value = ValueSyntax.percent(text) else {
            let got = ValueSyntax.decimal(text) != nil ? text : "'\(text)'"
            fail(path, "must be a percent: write 5% for five percent, not \(got)", at: node)
            return nil
        }
        guard (0...1).contains(value) else {
            fail(path, "must be between 0% and 100%, not \(text)", at: node)
            return nil
        }
        return value
    }

    func distribution(_ node: YAMLNode, _ path: String) -> Distribution? {
        guard let text = scalar(node, path, expected: "a distribution such as 20ms or exp(20ms)") else { return nil }
        switch ValueSyntax.distribution(text) {
        case .success(let distribution): return distribution
        case .failure(let error):
            fail(path, "is not a valid distribution: \(error.message)", at: node)
            return nil
        }
    }

    /// One of `choices`, spelt exactly; a near miss gets a suggestion.
    func choice(_ node: YAMLNode, _ path: String, _ choices: [String]) -> String? {
        guard let text = scalar(node, path, expected: "one of \(choices.joined(separator: ", "))") else { return nil }
        guard choices.contains(text) else {
            fail(path, "must be one of \(choices.joined(separator: ", ")), not '\(text)'\(suggestionSuffix(text, choices))", at: node)
            return nil
        }
        return text
    }

    func choice<E: RawRepresentable>(_ node: YAMLNode, _ path: String, _ cases: [E]) -> E? where E.RawValue == String {
        choice(node, path, cases.map(\.rawValue)).flatMap(E.init(rawValue:))
    }

    func choice<E: RawRepresentable & CaseIterable>(_ node: YAMLNode, _ path: String, _: E.Type) -> E? where E.RawValue == String {
        choice(node, path, Array(E.allCases))
    }

    func sequence(_ node: YAMLNode, _ path: String) -> [YAMLNode]? {
        guard case .sequence(let items) = node.value else {
            fail(path, "must be a list, not \(Self.describe(node))", at: node)
            return nil
        }
        return items
    }

    func entries(_ node: YAMLNode, _ path: String) -> [YAMLEntry]? {
        guard case .mapping(let entries) = node.value else {
            fail(path, "must be a mapping, not \(Self.describe(node))", at: node)
            return nil
        }
        return entries
    }

    /// A list of strings; nil when the node or any item is wrong (each wrong item is reported).
    func stringList(_ node: YAMLNode, _ path: String) -> [String]? {
        guard let items = sequence(node, path) else { return nil }
        let strings = items.enumerated().map { string($1, "\(path)[\($0)]") }
        return strings.contains(nil) ? nil : strings.compactMap { $0 }
    }

    /// A mapping of strings to strings, in file order.
    func stringMap(_ node: YAMLNode, _ path: String) -> [(key: String, value: String)]? {
        guard let entries = entries(node, path) else { return nil }
        var pairs: [(key: String, value: String)] = []
        for entry in entries {
            if let value = string(entry.value, "\(path).\(entry.key)") { pairs.append((entry.key, value)) }
        }
        return pairs.count == entries.count ? pairs : nil
    }

    func suggestionSuffix(_ word: String, _ choices: [String]) -> String {
        Suggestion.closest(to: word, among: choices).map { "; did you mean '\($0)'?" } ?? ""
    }

    private func check(_ value: Int, in range: ClosedRange<Int>?, _ path: String, _ node: YAMLNode) -> Bool {
        guard let range, !range.contains(value) else { return true }
        if range.upperBound == Int.max {
            fail(path, "must be at least \(range.lowerBound), not \(value)", at: node)
        } else {
            fail(path, "must be between \(range.lowerBound) and \(range.upperBound), not \(value)", at: node)
        }
        return false
    }
}
