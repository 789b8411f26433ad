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

    private static let nanosecondsPerUnit: [String: Int64] = [
        "ns": 1, "us": 1_000, "ms": 1_000_000, "s": 1_000_000_000, "m": 60_000_000_000, "h": 3_600_000_000_000,
    ]

    private static func duration(_ text: String, metric: Assertion.Metric) -> Result<Nanoseconds, Failure> {
        let number = String(text.prefix(while: { $0.isASCII && ($0.isNumber || $0 == ".") }))
        let unit = String(text.dropFirst(number.count))
        guard decimal(number) != nil else {
            return .failure(.value("\(metric.rawValue) takes a duration such as 300ms, found \"\(text)\""))
        }
        if unit.isEmpty {
            return .failure(.value("\(metric.rawValue) takes a duration: write \(number)ms, not a bare number"))
        }
        if let first = unit.first, first.isWhitespace, nanosecondsPerUnit[unit.trimmingLeadingWhitespace] != nil {
            return .failure(.value("write \(number)\(unit.trimmingLeadingWhitespace) without a space"))
        }
        guard let perUnit = nanosecondsPerUnit[unit] else {
            return .failure(.value("unknown duration unit \"\(unit)\" in \(text) (units: ns us ms s m h)"))
        }
        guard let nanoseconds = exactProduct(number, perUnit) else {
            return .failure(.value("duration \(text) is too large"))
        }
        return .success(nanoseconds)
    }

    /// `1%` or a fraction from 0 to 1.
    private static func fraction(_ text: String, metric: Assertion.Metric) -> Result<Double, Failure> {
        if text.hasSuffix("%") {
            guard let percent = decimal(String(text.dropLast())) else {
                return .failure(.value("\(metric.rawValue) takes a percent such as 1%, found \"\(text)\""))
            }
            guard percent <= 100 else {
                return .failure(.value("\(metric.rawValue) is at most 100%, found \(text)"))
            }
            return .success(percent / 100)
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

    /// `number × perUnit` in integer arithmetic, rounded to the nearest nanosecond, so that
    /// `1.1s` is exactly 1_100_000_000 (binary floating point would not give that).
    private static func exactProduct(_ number: String, _ perUnit: Int64) -> Int64? {
        let digits = number.filter { $0 != "." }
        let scale = number.firstIndex(of: ".").map { number.distance(from: $0, to: number.endIndex) - 1 } ?? 0
        guard digits.count <= 18, scale <= 18, let mantissa = Int64(digits) else { return nil }
        var divisor: Int64 = 1
        for _ in 0..<scale { divisor *= 10 }
        let (product, overflow) = mantissa.multipliedReportingOverflow(by: perUnit)
        let (rounded, roundingOverflow) = product.addingReportingOverflow(divisor / 2)
        guard !overflow, !roundingOverflow else { return nil }
        return rounded / divisor
    }
}
