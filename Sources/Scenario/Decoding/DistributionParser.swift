/// Recursive-descent parser for distribution text: a duration, or `NAME(ARGS)` where `mix` takes
/// `SHARE%: DISTRIBUTION` pairs and the other functions take durations.
struct DistributionParser {
    private static let functions = ["const", "exp", "uniform", "normal", "lognormal", "mix"]
    /// Characters that end a word (a duration, a share or a function name).
    private static let delimiters: Set<Character> = ["(", ")", ",", ":", " ", "\t"]

    private let characters: [Character]
    private var position = 0
    private var mixDepth = 0
    private static let maximumMixDepth = 16

    private init(_ text: String) {
        characters = Array(text)
    }

    static func parse(_ text: String) -> Result<Distribution, ValueSyntaxError> {
        var parser = DistributionParser(text)
        do throws(ValueSyntaxError) {
            let distribution = try parser.distribution()
            parser.skipSpaces()
            if !parser.atEnd {
                throw ValueSyntaxError("unexpected '\(String(parser.characters[parser.position...]))' after the distribution")
            }
            return .success(distribution)
        } catch {
            return .failure(error)
        }
    }

    private var atEnd: Bool { position >= characters.count }

    private mutating func skipSpaces() {
        while !atEnd, characters[position] == " " || characters[position] == "\t" { position += 1 }
    }

    private mutating func word() -> String {
        skipSpaces()
        let start = position
        while !atEnd, !Self.delimiters.contains(characters[position]) { position += 1 }
        return String(characters[start..<position])
    }

    /// Consumes `expected` (after spaces) or fails with a message naming what was found instead.
    private mutating func expect(_ expected: Character, context: String) throws(ValueSyntaxError) {
        skipSpaces()
        guard !atEnd else { throw ValueSyntaxError("\(context): expected '\(expected)' but the text ended") }
        guard characters[position] == expected else {
            throw ValueSyntaxError("\(context): expected '\(expected)', not '\(characters[position])'")
        }
        position += 1
    }

    private mutating func peek(_ character: Character) -> Bool {
        skipSpaces()
        return !atEnd && characters[position] == character
    }

    private mutating func distribution() throws(ValueSyntaxError) -> Distribution {
        let name = word()
        let afterName = position
        guard peek("(") else { return .constant(try duration(name, endingAt: afterName)) }
        position += 1
        guard Self.functions.contains(name) else {
            let hint = Suggestion.hint(for: name, among: Self.functions, listName: "known distributions")
            throw ValueSyntaxError("unknown distribution '\(name)'; \(hint)")
        }
        if name == "mix" {
            // Nesting is for mixtures of mixtures, not for depth: a bound keeps the recursion safe.
            guard mixDepth < Self.maximumMixDepth else {
                throw ValueSyntaxError("mix may be nested at most \(Self.maximumMixDepth) deep")
            }
            mixDepth += 1
            defer { mixDepth -= 1 }
            return try mixture()
        }
        var arguments: [Nanoseconds] = []
        repeat {
            let argument = word()
            arguments.append(try duration(argument, endingAt: position))
        } while try separator(context: name)
        return try Self.make(name, arguments)
    }

    /// After an argument: true for `,` (another follows), false for `)` (the list ended).
    private mutating func separator(context: String) throws(ValueSyntaxError) -> Bool {
        if peek(",") {
            position += 1
            return true
        }
        try expect(")", context: context)
        return false
    }

    private mutating func mixture() throws(ValueSyntaxError) -> Distribution {
        var components: [MixtureComponent] = []
        repeat {
            let shareText = word()
            guard let share = ValueSyntax.percent(shareText) else {
                if ValueSyntax.decimal(shareText) != nil {
                    throw ValueSyntaxError("mix shares are percents: write \(shareText)%, not \(shareText)")
                }
                throw ValueSyntaxError("mix expects SHARE%: DISTRIBUTION pairs, not '\(shareText)'")
            }
            guard share > 0, share <= 1 else {
                throw ValueSyntaxError("a mix share must be above 0% and at most 100%, not \(shareText)")
            }
            try expect(":", context: "mix")
            components.append(MixtureComponent(share: share, distribution: try distribution()))
        } while try separator(context: "mix")
        let total = components.reduce(0) { $0 + $1.share }
        guard abs(total - 1) <= 1e-9 else {
            throw ValueSyntaxError("mix shares must add up to 100%, not \((total * 100).plainText)%")
        }
        return .mixture(components)
    }

    private static func make(_ name: String, _ arguments: [Nanoseconds]) throws(ValueSyntaxError) -> Distribution {
        let parameters = ["const": ["value"], "exp": ["mean"], "uniform": ["low", "high"],
                          "normal": ["mean", "stddev"], "lognormal": ["p50", "p99"]][name] ?? []
        guard arguments.count == parameters.count else {
            throw ValueSyntaxError("\(name) takes \(parameters.count == 1 ? "1 argument" : "\(parameters.count) arguments") (\(parameters.joined(separator: ", "))), not \(arguments.count)")
        }
        switch name {
        case "const": return .constant(arguments[0])
        case "exp": return .exponential(mean: arguments[0])
        case "uniform":
            guard arguments[0] <= arguments[1] else { throw ValueSyntaxError("uniform(low, high) needs low ≤ high") }
            return .uniform(low: arguments[0], high: arguments[1])
        case "normal": return .normal(mean: arguments[0], standardDeviation: arguments[1])
        default:
            guard arguments[0] > 0 else { throw ValueSyntaxError("lognormal(p50, p99) needs p50 above 0s") }
            guard arguments[1] > arguments[0] else {
                throw ValueSyntaxError("lognormal(p50, p99) needs p99 greater than p50")
            }
            return .lognormal(p50: arguments[0], p99: arguments[1])
        }
    }

    /// A non-negative duration, the word just read, with advice for a missing or misspelt
    /// unit; the text after the word counts, since `300 ms` is read as the word `300`.
    private func duration(_ text: String, endingAt end: Int) throws(ValueSyntaxError) -> Nanoseconds {
        guard !text.isEmpty else {
            throw ValueSyntaxError("expected a duration such as 20ms or a distribution such as exp(20ms)")
        }
        guard let value = ValueSyntax.duration(text) else {
            let phrase = text + String(characters[end...].prefix { !"(),:".contains($0) })
            if let advice = UnitSpelling.durationAdvice(phrase) ?? UnitSpelling.durationAdvice(text) {
                throw ValueSyntaxError(advice)
            }
            throw ValueSyntaxError("expected a duration such as 20ms or a distribution such as exp(20ms), not '\(text)'")
        }
        guard value >= 0 else { throw ValueSyntaxError("durations in a distribution must not be negative, not \(text)") }
        return value
    }
}
