import Foundation

/// The value kinds of the scenario format's "Values" table, parsed from their text.
///
/// Shared by the decoder and the command line (`--set`), so a value means the same everywhere.
public enum ValueSyntax {
    /// Nanoseconds per duration unit. `µs`/`μs` are Go's spellings of `us`, accepted for pasted Istio values.
    static let durationUnits: [String: Int64] = [
        "ns": 1, "us": 1_000, "µs": 1_000, "μs": 1_000, "ms": 1_000_000,
        "s": 1_000_000_000, "m": 60_000_000_000, "h": 3_600_000_000_000,
    ]

    /// A duration such as `250us`, `20ms`, `1.5s`, `2m`, `1h` or `0s`, in integer nanoseconds.
    ///
    /// A leading `-` is allowed by the syntax (fields decide whether they accept it). Go's compound
    /// form (`1h30m`) is accepted as well, since Istio and Flagger values are Go durations.
    /// A bare number has no unit and is not a duration: it gives nil. Fractions finer than a
    /// nanosecond are rounded to the nearest nanosecond.
    public static func duration(_ text: String) -> Nanoseconds? {
        var rest = Substring(text.trimmedSpaces)
        var negative = false
        if rest.first == "-" || rest.first == "+" {
            negative = rest.first == "-"
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty else { return nil }
        var total: Int64 = 0
        while !rest.isEmpty {
            let whole = rest.prefix(while: isDigit)
            rest = rest.dropFirst(whole.count)
            var fraction = Substring()
            if rest.first == "." {
                rest = rest.dropFirst()
                fraction = rest.prefix(while: isDigit)
                rest = rest.dropFirst(fraction.count)
            }
            guard !whole.isEmpty || !fraction.isEmpty else { return nil }
            let unitText = rest.prefix(while: \.isLetter)
            rest = rest.dropFirst(unitText.count)
            guard let unit = durationUnits[String(unitText)],
                  let part = nanoseconds(whole: whole, fraction: fraction, unit: unit)
            else { return nil }
            let (sum, overflow) = total.addingReportingOverflow(part)
            guard !overflow else { return nil }
            total = sum
        }
        return negative ? -total : total
    }

    /// A rate such as `800/s`, `50/m` or `3600/h`, in requests per second. The sign is allowed by the syntax.
    public static func rate(_ text: String) -> Double? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = decimal(parts[0].trimmedSpaces) else { return nil }
        switch parts[1].trimmedSpaces {
        case "s": return count
        case "m": return count / 60
        case "h": return count / 3_600
        default: return nil
        }
    }

    /// A meshsim percent such as `5%` or `0.1%`, as a fraction (`0.05`, `0.001`). The sign is allowed by the syntax.
    public static func percent(_ text: String) -> Double? {
        let trimmed = text.trimmedSpaces
        guard trimmed.hasSuffix("%"), let value = decimal(trimmed.dropLast()) else { return nil }
        return value / 100
    }

    /// A distribution of durations: `20ms`, `const(20ms)`, `exp(20ms)`, `uniform(10ms, 30ms)`,
    /// `normal(20ms, 5ms)`, `lognormal(20ms, 120ms)` or `mix(90%: DIST, 10%: DIST)` (nested freely).
    /// The error says what is wrong and where.
    public static func distribution(_ text: String) -> Result<Distribution, ValueSyntaxError> {
        DistributionParser.parse(text)
    }

    static func isDigit(_ character: Character) -> Bool {
        ("0"..."9").contains(character)
    }

    /// A plain decimal number (`42`, `-1.5`, `.5`, `1e3`); nil for anything else, including `inf`, `nan`
    /// and hexadecimal (which `Double.init` would accept).
    public static func decimal<S: StringProtocol>(_ text: S) -> Double? {
        var characters = Substring(text)
        if characters.first == "-" || characters.first == "+" { characters = characters.dropFirst() }
        var mantissa = characters
        var exponent = Substring()
        if let e = characters.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = characters[..<e]
            exponent = characters[characters.index(after: e)...]
            if exponent.first == "-" || exponent.first == "+" { exponent = exponent.dropFirst() }
            guard !exponent.isEmpty, exponent.allSatisfy(isDigit) else { return nil }
        }
        let pieces = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard pieces.allSatisfy({ $0.allSatisfy(isDigit) }), pieces.contains(where: { !$0.isEmpty })
        else { return nil }
        // Digits alone can still overflow to infinity (`1e400`), which no field can use.
        guard let value = Double(String(text)), value.isFinite else { return nil }
        return value
    }

    /// `whole.fraction × unit` computed in integers, so that `1.5s` is exactly 1_500_000_000.
    private static func nanoseconds(whole: Substring, fraction: Substring, unit: Int64) -> Int64? {
        let wholeValue: Int64
        if whole.isEmpty {
            wholeValue = 0
        } else {
            guard let parsed = Int64(whole) else { return nil }
            wholeValue = parsed
        }
        let (scaled, overflow) = wholeValue.multipliedReportingOverflow(by: unit)
        guard !overflow else { return nil }
        // 18 digits are far below a nanosecond for every unit; more cannot change the rounded result.
        let digits = fraction.prefix(18)
        guard let numerator = digits.isEmpty ? 0 : Int64(digits) else { return nil }
        var denominator: Int64 = 1
        for _ in digits { denominator *= 10 }
        // numerator < denominator, so the fraction of one unit is below `unit` and fits a Double closely.
        let fractionPart = Int64((Double(numerator) * Double(unit) / Double(denominator)).rounded())
        let (sum, sumOverflow) = scaled.addingReportingOverflow(fractionPart)
        return sumOverflow ? nil : sum
    }
}

/// Why a value's text is not of its kind.
public struct ValueSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmedSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}


extension Double {
    /// `95` rather than `95.0`, for messages that echo a number back to the user.
    var plainText: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int64(self)) }
        return String(self)
    }
}
