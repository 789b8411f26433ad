import Engine
import Experiments
import Reports
import Scenario

/// Reads meshsim's command line into a `Command`.
public enum ArgumentParser {
    /// Parses the arguments after the program name.
    ///
    /// No arguments, `-h`, `--help` or `help` give the general usage; `-h` or `--help`
    /// anywhere before `--` in a command's arguments gives that command's help, whatever
    /// else is wrong with the line.
    public static func parse(_ arguments: [String]) throws(UsageError) -> Command {
        guard let first = arguments.first else { return .help(Usage.general) }
        let rest = arguments.dropFirst()
        switch first {
        case "-h", "--help":
            return .help(Usage.general)
        case "--version":
            if let extra = rest.first { throw .tooManyArguments(extra, command: nil) }
            return .version
        case "help":
            return try help(rest)
        default:
            break
        }
        if ScannedArguments.isOption(first) {
            throw .unknownOption(first, command: nil,
                                 suggestion: Suggestion.closest(to: first, among: ["--help", "--version"]))
        }
        guard let spec = CommandSpec.named(first) else {
            let names = CommandSpec.all.map(\.name) + ["help"]
            throw .unknownCommand(first, suggestion: Suggestion.closest(to: first, among: names))
        }
        if rest.prefix(while: { $0 != "--" }).contains(where: { $0 == "-h" || $0 == "--help" }),
           let text = Usage.help(for: spec.name) {
            return .help(text)
        }
        let scanned = try ScannedArguments(rest, for: spec)
        switch spec.name {
        case "run": return .run(try runOptions(scanned))
        case "validate": return .validate(paths: try positionals(scanned, for: spec), strict: scanned.flags.contains("--strict"))
        case "compare": return .compare(try compareOptions(scanned))
        case "capacity": return .capacity(try capacityOptions(scanned))
        case "merge":
            guard let out = scanned.value("--out") else { throw .missingOption("--out", command: "merge") }
            return .merge(MergeOptions(partials: try positionals(scanned, for: spec), out: out, quiet: scanned.flags.contains("--quiet")))
        case "import":
            return .importManifests(ImportOptions(paths: try positionals(scanned, for: spec), out: scanned.value("--out"),
                                                  force: scanned.flags.contains("--force")))
        default: return .eval(try evalOptions(scanned))
        }
    }

    /// `meshsim help [COMMAND]`.
    private static func help(_ arguments: ArraySlice<String>) throws(UsageError) -> Command {
        guard let name = arguments.first, name != "-h", name != "--help" else { return .help(Usage.general) }
        if let extra = arguments.dropFirst().first { throw .tooManyArguments(extra, command: "help") }
        guard let text = Usage.help(for: name) else {
            throw .unknownCommand(name, suggestion: Suggestion.closest(to: name, among: CommandSpec.all.map(\.name)))
        }
        return .help(text)
    }

    /// The positional arguments, checked against the count the command takes.
    static func positionals(_ scanned: ScannedArguments, for spec: CommandSpec) throws(UsageError) -> [String] {
        let found = scanned.positionals
        if found.count < spec.positionalCount.lowerBound {
            throw .missingArgument(spec.positional, command: spec.name)
        }
        if found.count > spec.positionalCount.upperBound {
            throw .tooManyArguments(found[spec.positionalCount.upperBound], command: spec.name)
        }
        return found
    }

    /// Each `--set` read now, so that a bad one is a usage error before anything loads.
    static func checkedSets(_ scanned: ScannedArguments) throws(UsageError) -> [String] {
        let sets = scanned.values["--set"] ?? []
        for text in sets {
            do {
                _ = try Overrides.parseAssignment(text)
            } catch {
                throw .badSet(text, reason: error.message, column: error.location.column)
            }
        }
        return sets
    }

    private static func runOptions(_ scanned: ScannedArguments) throws(UsageError) -> RunOptions {
        let arguments = try positionals(scanned, for: .run)
        var seed: UInt64?
        if let text = scanned.value("--seed") {
            guard let number: UInt64 = wholeNumber(text) else {
                throw .badNumber(option: "--seed", value: text, command: "run")
            }
            seed = number
        }
        try checkNotNegative("--duration", scanned, command: "run")
        let sets = try checkedSets(scanned)
        return RunOptions(scenario: arguments[0], manifests: Array(arguments.dropFirst()), out: scanned.value("--out"), seed: seed,
                          duration: scanned.value("--duration"), sets: sets,
                          quiet: scanned.flags.contains("--quiet"),
                          maxInFlight: try maxInFlight(scanned, command: "run"),
                          jobs: try jobs(scanned, command: "run"), experiment: try experimentOptions(scanned, command: "run"),
                          metrics: try metricsOptions(scanned, command: "run"))
    }

    /// `--jobs N`; nil when absent. `command` nil words the error for compare's setups.
    static func jobs(_ scanned: ScannedArguments, command: String?) throws(UsageError) -> Int? {
        guard let text = scanned.value("--jobs") else { return nil }
        guard let number: Int = wholeNumber(text), number >= 1 else { throw .badJobs(text, command: command) }
        return number
    }

    /// The options of replications, sweeps and shards, as `run` and `compare` read them.
    private static func experimentOptions(_ scanned: ScannedArguments, command: String) throws(UsageError) -> ExperimentOptions {
        var options = ExperimentOptions(keepReplications: scanned.flags.contains("--keep-replications"), sweeps: scanned.values["--sweep"] ?? [])
        for text in options.sweeps {
            do {
                _ = try SweepArgument.parse(text)
            } catch {
                throw .badSweep(text, reason: error.message, column: error.location.column, command: command)
            }
        }
        if let text = scanned.value("--replications") {
            guard let number: Int = wholeNumber(text), (1...Replication.maximum).contains(number) else {
                throw .badCount(option: "--replications", value: text, range: 1...Replication.maximum, command: command)
            }
            options.replications = number
        }
        if let text = scanned.value("--inconclusive") {
            guard let policy = InconclusivePolicy(rawValue: text) else {
                throw .badChoice(option: "--inconclusive", value: text, choices: InconclusivePolicy.allCases.map(\.rawValue), command: command)
            }
            options.inconclusive = policy
        }
        if let text = scanned.value("--shard") {
            guard let shard = Shard(parsing: text) else { throw .badShard(text, command: command) }
            options.shard = shard
        }
        return options
    }

    /// `--max-in-flight N`, as `run` and `compare` read it; nil when absent.
    private static func maxInFlight(_ scanned: ScannedArguments, command: String) throws(UsageError) -> Int? {
        guard let text = scanned.value("--max-in-flight") else { return nil }
        guard let number: Int = wholeNumber(text), (1...RunLimits.maximumInFlight).contains(number) else {
            throw .badMaxInFlight(text, command: command)
        }
        return number
    }

    /// `text` as a whole number written in ASCII digits only: the integer initialisers alone
    /// would also take "+5" and "-0". Nil when it is not one or does not fit.
    static func wholeNumber<Number: FixedWidthInteger>(_ text: String) -> Number? {
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Number(text)
    }

    private static func compareOptions(_ scanned: ScannedArguments) throws(UsageError) -> CompareOptions {
        let scenarios = try positionals(scanned, for: .compare)
        let variants = scanned.values["--variant"] ?? []
        if scenarios.count == 2, !variants.isEmpty { throw .variantsWithTwoScenarios }
        return CompareOptions(scenarios: scenarios, variants: variants, out: scanned.value("--out"), jobs: try jobs(scanned, command: nil),
                              quiet: scanned.flags.contains("--quiet"),
                              maxInFlight: try maxInFlight(scanned, command: "compare"),
                              experiment: try experimentOptions(scanned, command: "compare"),
                              metrics: try metricsOptions(scanned, command: "compare"))
    }

    /// `--metrics FORMAT` and `--start-time TIME`, as `run` and `compare` read them. Whether
    /// a start time comes with metrics on is known only once the scenario is read.
    private static func metricsOptions(_ scanned: ScannedArguments, command: String) throws(UsageError) -> MetricsOptions {
        var options = MetricsOptions()
        if let text = scanned.value("--metrics") {
            guard let format = MetricsFormat(rawValue: text) else {
                throw .badChoice(option: "--metrics", value: text, choices: MetricsFormat.allCases.map(\.rawValue), command: command)
            }
            options.format = format
        }
        if let text = scanned.value("--start-time") {
            guard let time = EpochTime(rfc3339: text) else { throw .badStartTime(text, command: command) }
            guard time.seconds >= 0 else { throw .startTimeBeforeEpoch(text, command: command) }
            options.startTime = time
        }
        return options
    }

    /// Negative durations are refused here; other bad ones where the command reads them.
    private static func checkNotNegative(_ option: String, _ scanned: ScannedArguments, command: String) throws(UsageError) {
        if let text = scanned.value(option), let duration = ValueSyntax.duration(text), duration < 0 {
            throw .negativeDuration(option: option, value: text, command: command)
        }
    }

    private static func evalOptions(_ scanned: ScannedArguments) throws(UsageError) -> EvalOptions {
        let scenario = try positionals(scanned, for: .eval)[0]
        var method: String?
        var path: String?
        if let request = scanned.value("--request") {
            let parts = request.split(whereSeparator: \.isWhitespace)
            guard parts.count == 2,
                  parts[0].allSatisfy({ $0.isASCII && $0.isLetter }),
                  parts[1].hasPrefix("/") else {
                throw .badRequest(request)
            }
            method = parts[0].uppercased()
            path = String(parts[1])
        }
        var headers: [EvalHeader] = []
        for text in scanned.values["--header"] ?? [] {
            guard let header = EvalHeader(parsing: text) else { throw .badHeader(text) }
            headers.append(header)
        }
        try checkNotNegative("--at", scanned, command: "eval")
        try checkNotNegative("--every", scanned, command: "eval")
        var count = 1
        if let text = scanned.value("--repeat") {
            guard let number: Int = wholeNumber(text), EvalOptions.repeatRange.contains(number) else {
                throw .badCount(option: "--repeat", value: text, range: EvalOptions.repeatRange, command: "eval")
            }
            count = number
        }
        return EvalOptions(scenario: scenario, method: method, path: path, headers: headers,
                           client: scanned.value("--client"), at: scanned.value("--at"),
                           repeat: count, every: scanned.value("--every"))
    }
}
