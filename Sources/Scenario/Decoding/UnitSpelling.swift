/// Advice for a duration or rate that is almost right: a space before the unit (`300 ms`), a
/// unit spelt another way (`5min`, `2 secs`, `800/sec`) or a number without a unit.
///
/// Used by every place that reads a duration or a rate, so they all explain alike.
enum UnitSpelling {
    /// Other spellings of meshsim's duration units, compared without case.
    private static let durationAliases: [String: String] = {
        var aliases: [String: String] = [:]
        let spellings = [
            "ns": ["nsec", "nsecs", "nano", "nanos", "nanosecond", "nanoseconds"],
            "us": ["usec", "usecs", "micro", "micros", "microsecond", "microseconds"],
            "ms": ["msec", "msecs", "milli", "millis", "millisecond", "milliseconds"],
            "s": ["sec", "secs", "second", "seconds"],
            "m": ["min", "mins", "minute", "minutes"],
            "h": ["hr", "hrs", "hour", "hours"],
        ]
        for (unit, others) in spellings {
            aliases[unit] = unit
            for other in others { aliases[other] = unit }
        }
        return aliases
    }()

    private static let rateAliases: [String: String] = [
        "s": "s", "sec": "s", "second": "s", "m": "m", "min": "m", "minute": "m", "h": "h", "hr": "h", "hour": "h",
    ]

    static let durationUnits = "ns, us, ms, s, m, h"

    /// What to write instead of `text`, which is not a duration; nil when no likely intent shows.
    static func durationAdvice(_ text: String) -> String? {
        let trimmed = text.trimmedSpaces
        let number = String(trimmed.prefix { ValueSyntax.isDigit($0) || $0 == "." || $0 == "-" || $0 == "+" })
        guard ValueSyntax.decimal(number) != nil else { return nil }
        let unitText = trimmed.dropFirst(number.count)
        let unitWord = unitText.trimmedSpaces
        if unitWord.isEmpty {
            return "write \(number)s or \(number)ms, not \(number) (a duration needs a unit: \(durationUnits))"
        }
        guard let unit = durationAliases[unitWord.lowercased()] else { return nil }
        if unit == unitWord {
            return "the unit must follow the number without a space: write \(number)\(unit), not '\(trimmed)'"
        }
        return "write \(number)\(unit), not '\(trimmed)' (the units are \(durationUnits))"
    }

    /// What to write instead of `text`, which is not a rate; nil when no likely intent shows.
    static func rateAdvice(_ text: String) -> String? {
        let trimmed = text.trimmedSpaces
        let count = String(trimmed.prefix { ValueSyntax.isDigit($0) || $0 == "." || $0 == "-" || $0 == "+" })
        guard ValueSyntax.decimal(count) != nil else { return nil }
        let rest = trimmed.dropFirst(count.count).trimmedSpaces.lowercased()
        if rest.isEmpty { return "a rate needs a unit: \(count)/s, \(count)/m or \(count)/h" }
        if rest == "rps" || rest == "qps" { return "write \(count)/s" }
        guard rest.hasPrefix("/") else { return nil }
        let unitWord = rest.dropFirst().trimmedSpaces
        let unit = rateAliases[unitWord] ?? rateAliases[String(unitWord.dropLast())]
        return unit.map { "write \(count)/\($0)" }
    }
}
