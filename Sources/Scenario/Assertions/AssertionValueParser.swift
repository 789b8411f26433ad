/// Reads the VALUE of an assertion in the kind its metric measures.
enum AssertionValueParser {
    enum Failure: Error, Equatable {
        /// The value is wrong.
        case value(String)
        /// The value is fine but cannot be compared with this operator.
        case `operator`(String)
    }

    static let rolloutResults = ["promoted", "rolled-back", "incomplete"]

    static func value(_ text: String, for metric: Assertion.Metric, op: Assertion.Operator) -> Result<Assertion.Value, Failure> {
        if metric.isLatency {
            return duration(text, metric: metric).map(Assertion.Value.duration)
        }
        switch metric {
        case .errorRate, .successRate:
            return fraction(text, metric: metric).map(Assertion.Value.fraction)
        case .rollout:
            guard op == .equal || op == .notEqual else {
                return .failure(.operator("rollout can only be compared with == or !=, not \(op.rawValue)"))
            }
            guard rolloutResults.contains(text) else {
                return .failure(.value("unknown rollout result \"\(text)\"\(AssertionParser.hint(for: text, among: rolloutResults, kind: "results"))"))
            }
            return .success(.rolloutResult(text))
        default:
            guard let number = decimal(text) else {
                return .failure(.value("\(metric.rawValue) takes a plain number, found \"\(text)\""))
            }
            return .success(.number(number))
        }
    }

    /// The scenario's own duration syntax; the rest only words the error for the common slips.
    private static func duration(_ text: String, metric: Assertion.Metric) -> Result<Nanoseconds, Failure> {
        if text.first?.isNumber == true, let nanoseconds = ValueSyntax.duration(text) {
            return .success(nanoseconds)
        }
        let number = String(text.prefix(while: { $0.isASCII && ($0.isNumber || $0 == ".") }))
        let unit = String(text.dropFirst(number.count))
        guard decimal(number) != nil else {
            return .failure(.value("\(metric.rawValue) takes a duration such as 300ms, found \"\(text)\""))
        }
        if unit.isEmpty {
            return .failure(.value("\(metric.rawValue) takes a duration: write \(number)ms, not a bare number"))
        }
        let trimmed = unit.trimmingLeadingWhitespace
        if unit.first?.isWhitespace == true, ValueSyntax.duration(number + trimmed) != nil {
            return .failure(.value("write \(number)\(trimmed) without a space"))
        }
        guard ValueSyntax.duration("1" + unit) != nil else {
            if let advice = UnitSpelling.durationAdvice(text) { return .failure(.value(advice)) }
            return .failure(.value("unknown duration unit \"\(unit)\" in \(text) (units: ns us ms s m h)"))
        }
        return .failure(.value("duration \(text) is too large"))
    }

    /// `1%` or a fraction from 0 to 1.
    private static func fraction(_ text: String, metric: Assertion.Metric) -> Result<Double, Failure> {
        if text.hasSuffix("%") {
            let digits = String(text.dropLast())
            guard let percent = decimal(digits) else {
                return .failure(.value("\(metric.rawValue) takes a percent such as 1%, found \"\(text)\""))
            }
            guard percent <= 100 else {
                return .failure(.value("\(metric.rawValue) is at most 100%, found \(text)"))
            }
            // Read as one decimal (0.7% is 0.7e-2), which rounds once: 0.7 / 100 rounds twice
            // and lands below 0.007, so that 7 errors in 1000 requests would not be <= 0.7%.
            return .success(Double(digits + "e-2") ?? percent / 100)
        }
        guard let number = decimal(text) else {
            return .failure(.value("\(metric.rawValue) takes a percent (1%) or a fraction from 0 to 1, found \"\(text)\""))
        }
        guard number <= 1 else {
            return .failure(.value("\(metric.rawValue) as a fraction is at most 1: write \(text)% for \(text) percent"))
        }
        return .success(number)
    }

    /// Digits with an optional fractional part; no sign, exponent, `inf` or `nan`, which
    /// `Double.init` would accept.
    private static func decimal(_ text: String) -> Double? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        return Double(text)
    }
}
