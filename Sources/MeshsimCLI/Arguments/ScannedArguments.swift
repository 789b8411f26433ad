import Scenario

/// A command's arguments sorted into positionals, option values and flags, checked
/// against its `CommandSpec` but not yet interpreted.
struct ScannedArguments {
    var positionals: [String] = []
    /// Values by option name, in command-line order.
    var values: [String: [String]] = [:]
    var flags: Set<String> = []

    /// Accepts `--name value`, `--name=value`, and `--` to end options. A value may look like a
    /// negative number (`--seed -1`); any other argument starting with `-` is an option.
    /// The caller has already handled `-h` and `--help`.
    init(_ arguments: ArraySlice<String>, for spec: CommandSpec) throws(UsageError) {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument == "--" {
                positionals += remaining
                return
            }
            guard Self.isOption(argument) else {
                positionals.append(argument)
                continue
            }
            let (name, inlineValue) = Self.split(argument)
            guard let option = spec.option(named: name) else {
                if name == "--help" { throw .unexpectedValue(option: name, command: spec.name) }
                throw .unknownOption(name, command: spec.name,
                                     suggestion: Suggestion.closest(to: name, among: spec.optionNames))
            }
            switch option.kind {
            case .flag:
                guard inlineValue == nil else { throw .unexpectedValue(option: name, command: spec.name) }
                guard flags.insert(name).inserted else { throw .duplicateOption(name, command: spec.name) }
            case .single, .repeatable:
                var value = inlineValue
                if value == nil, let next = remaining.first, !Self.isOption(next) || Self.isNegativeNumber(next) {
                    value = next
                    remaining = remaining.dropFirst()
                }
                guard let value, !value.isEmpty else { throw .missingValue(option: name, command: spec.name) }
                if case .single = option.kind, values[name] != nil {
                    throw .duplicateOption(name, command: spec.name)
                }
                values[name, default: []].append(value)
            }
        }
    }

    /// The single value of `name`, if given.
    func value(_ name: String) -> String? {
        values[name]?.first
    }

    /// A lone `-` is an argument (conventionally standard input), not an option.
    static func isOption(_ argument: String) -> Bool {
        argument.hasPrefix("-") && argument != "-"
    }

    /// `-1`, `-1s`, `-.5`: a value that is wrong for being negative, taken as the value so
    /// that the option's own check can say so, rather than "needs a value".
    static func isNegativeNumber(_ argument: String) -> Bool {
        guard argument.hasPrefix("-"), let next = argument.dropFirst().first else { return false }
        return next.isASCII && (next.isNumber || next == ".")
    }

    private static func split(_ argument: String) -> (name: String, value: String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else {
            return (argument, nil)
        }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }
}
