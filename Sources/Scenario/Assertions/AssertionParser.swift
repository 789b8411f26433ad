/// Parses `assertions[*]`: `METRIC{label=value,...} OP VALUE`.
public enum AssertionParser {
    /// `location` is where the string's first character is; errors point at the offending part.
    public static func parse(_ text: String, at location: SourceLocation) throws(Diagnostic) -> Assertion {
        var cursor = AssertionCursor(text: text, location: location)
        cursor.skipWhitespace()
        if cursor.isAtEnd {
            throw cursor.error("empty assertion: write METRIC OP VALUE, for example p99 < 300ms", at: cursor.position)
        }
        let metric = try parseMetric(&cursor)
        cursor.skipWhitespace()
        var labels: [Assertion.LabelValue] = []
        if cursor.peek == "{" {
            if metric == .rollout {
                throw cursor.error("rollout takes no labels: it is the result of the scenario's one rollout", at: cursor.position)
            }
            labels = try parseLabels(&cursor, metric: metric)
            cursor.skipWhitespace()
        }
        let operatorStart = cursor.position
        let op = try parseOperator(&cursor, after: metric)
        cursor.skipWhitespace()
        let valueStart = cursor.position
        let valueText = cursor.rest.trimmingTrailingWhitespace
        if valueText.isEmpty {
            throw cursor.error("missing value after \(op.rawValue)", at: valueStart)
        }
        let value: Assertion.Value
        switch AssertionValueParser.value(valueText, for: metric, op: op) {
        case .success(let parsed): value = parsed
        case .failure(.value(let message)): throw cursor.error(message, at: valueStart)
        case .failure(.operator(let message)): throw cursor.error(message, at: operatorStart)
        }
        let written = text.trimmingLeadingWhitespace.trimmingTrailingWhitespace
        return Assertion(text: written, metric: metric, labels: labels, op: op, value: value, location: location)
    }

    private static func parseMetric(_ cursor: inout AssertionCursor) throws(Diagnostic) -> Assertion.Metric {
        let start = cursor.position
        let name = cursor.readIdentifier()
        if name.isEmpty {
            throw cursor.error("expected a metric name such as p99 or error_rate, found '\(cursor.peek.map(String.init) ?? "")'", at: start)
        }
        guard let metric = Assertion.Metric(rawValue: name) else {
            let names = Assertion.Metric.allCases.map(\.rawValue)
            throw cursor.error("unknown metric \"\(name)\"\(hint(for: name, among: names, kind: "metrics"))", at: start)
        }
        return metric
    }

    /// Reads `{label=value, ...}` starting at the `{`, refusing labels that do not name one
    /// summary row together (see `AssertionLabelRules`).
    private static func parseLabels(_ cursor: inout AssertionCursor, metric: Assertion.Metric) throws(Diagnostic) -> [Assertion.LabelValue] {
        let open = cursor.position
        cursor.advance()
        var labels: [Assertion.LabelValue] = []
        while true {
            cursor.skipWhitespace()
            let labelStart = cursor.position
            let name = cursor.readIdentifier()
            if name.isEmpty {
                if cursor.isAtEnd { throw cursor.error("'{' is never closed with '}'", at: open) }
                throw cursor.error("expected a label (client, route, service, version), found '\(cursor.peek.map(String.init) ?? "")'", at: labelStart)
            }
            guard let label = Assertion.Label(rawValue: name) else {
                let names = Assertion.Label.allCases.map(\.rawValue)
                throw cursor.error("unknown label \"\(name)\"\(hint(for: name, among: names, kind: "labels"))", at: labelStart)
            }
            if labels.contains(where: { $0.label == label }) {
                throw cursor.error("label \(name) is given twice", at: labelStart)
            }
            if let problem = AssertionLabelRules.problem(adding: label, to: labels.map(\.label), metric: metric) {
                throw cursor.error(problem, at: labelStart)
            }
            cursor.skipWhitespace()
            guard cursor.peek == "=" else {
                throw cursor.error("expected '=' after label \(name), as in \(name)=NAME", at: cursor.position)
            }
            cursor.advance()
            cursor.skipWhitespace()
            let valueStart = cursor.position
            let value = cursor.read(while: { $0 != "," && $0 != "}" }).trimmingTrailingWhitespace
            if value.isEmpty {
                throw cursor.error("missing value for label \(name)", at: valueStart)
            }
            labels.append(Assertion.LabelValue(label: label, value: value))
            if let problem = AssertionLabelRules.mismatch(labels) {
                throw cursor.error(problem, at: valueStart)
            }
            switch cursor.peek {
            case ",": cursor.advance()
            case "}":
                cursor.advance()
                return labels
            default:
                throw cursor.error("'{' is never closed with '}'", at: open)
            }
        }
    }

    private static func parseOperator(_ cursor: inout AssertionCursor, after metric: Assertion.Metric) throws(Diagnostic) -> Assertion.Operator {
        let start = cursor.position
        // Two-character operators first, so that `<=` is not read as `<` followed by `=`.
        for length in [2, 1] {
            if let op = Assertion.Operator(rawValue: cursor.peek(length)) {
                cursor.advance(length)
                return op
            }
        }
        if cursor.peek == "=" {
            throw cursor.error("write == to compare for equality", at: start)
        }
        throw cursor.error("expected an operator (< <= > >= == !=) after \(metric.rawValue)", at: start)
    }

    static func hint(for name: String, among names: [String], kind: String) -> String {
        if let suggestion = Suggestion.closest(to: name, among: names) {
            return "; did you mean \"\(suggestion)\"?"
        }
        return " (\(kind): \(names.joined(separator: " ")))"
    }
}

extension String {
    var trimmingTrailingWhitespace: String {
        var result = self
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return result
    }

    var trimmingLeadingWhitespace: String {
        String(drop(while: \.isWhitespace))
    }
}
