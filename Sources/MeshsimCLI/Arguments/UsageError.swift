import Engine
import Experiments
import Scenario

/// A command line meshsim cannot act on (exit code 2).
///
/// `description` is one line saying what is wrong and how to fix it, then a line
/// pointing to the relevant help. It carries no "error:" prefix; the caller adds it.
public enum UsageError: Error, Equatable, CustomStringConvertible {
    /// The first argument is not a command; `suggestion` is the likely intended command.
    case unknownCommand(String, suggestion: String?)
    /// An option the command (or, when `command` is nil, meshsim itself) does not have.
    case unknownOption(String, command: String?, suggestion: String?)
    /// An option that needs a value was given none (or an empty one).
    case missingValue(option: String, command: String)
    /// A flag was given a value, as in `--quiet=yes`.
    case unexpectedValue(option: String, command: String)
    /// An option that may appear once appeared again.
    case duplicateOption(String, command: String)
    /// A required positional argument (such as `SCENARIO`) is missing.
    case missingArgument(String, command: String)
    /// A required option (such as `--request` of `eval`, unless a client gives the request) is missing.
    case missingOption(String, command: String)
    /// More positional arguments than the command takes; carries the first extra one.
    /// `command` is `help` for `meshsim help A B`, nil after `--version`.
    case tooManyArguments(String, command: String?)
    /// A numeric option's value is not a number in range.
    case badNumber(option: String, value: String, command: String)
    /// A duration option (`--duration`, `--at`, `--every`) was given a negative duration.
    case negativeDuration(option: String, value: String, command: String)
    /// A count option (`--repeat`) is not a whole number within `range`.
    case badCount(option: String, value: String, range: ClosedRange<Int>, command: String)
    /// `--jobs` is not a whole number of at least 1 (`command` nil for compare's wording).
    case badJobs(String, command: String? = nil)
    /// `--shard` is not `I/N` with 1 ≤ I ≤ N.
    case badShard(String, command: String)
    /// An option that takes one of a few words (`--inconclusive fail|pass`) got another.
    case badChoice(option: String, value: String, choices: [String], command: String)
    /// `--sweep` cannot be read: why, and the column of the argument where.
    case badSweep(String, reason: String, column: Int, command: String)

    /// `--start-time` is not an RFC 3339 time.
    case badStartTime(String, command: String)
    case startTimeBeforeEpoch(String, command: String)
    /// `--start-time` was given to a run that writes no metrics.om.
    case startTimeWithoutMetrics(command: String)

    /// `--max-in-flight` of `run` or `compare` is not a whole number in `RunLimits`' range.
    case badMaxInFlight(String, command: String)
    /// `--request` is not `METHOD PATH`.
    case badRequest(String)
    /// `--header` is not `NAME=VALUE`.
    case badHeader(String)
    /// `--set` is not `PATH=VALUE`, or its path or value cannot be read: why, and the column
    /// of the argument where.
    case badSet(String, reason: String, column: Int)
    /// `--vary` of `capacity` is not an override path: the path and why.
    case badVary(String, reason: String)
    /// `--from`, `--to` or `--resolution` of `capacity` cannot be read: `VariedValue`'s message.
    case badRange(String)
    /// `--variant` picks variants of one file, so it cannot go with two files.
    case variantsWithTwoScenarios

    public var description: String {
        "\(problem)\nRun '\(helpCommand)' for usage."
    }

    private var problem: String {
        switch self {
        case let .unknownCommand(name, suggestion):
            if let suggestion {
                return "unknown command '\(name)'; did you mean '\(suggestion)'?"
            }
            if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                return "unknown command '\(name)'; to simulate a scenario, write 'meshsim run \(name)'"
            }
            let names = CommandSpec.all.map { "'\($0.name)'" }.joined(separator: ", ")
            return "unknown command '\(name)'; the commands are \(names)"
        case let .unknownOption(option, command, suggestion):
            let scope = command.map { " for '\($0)'" } ?? ""
            let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
            return "unknown option '\(option)'\(scope)\(hint)"
        case let .missingValue(option, _):
            return "option '\(option)' needs a value"
        case let .unexpectedValue(option, _):
            return "option '\(option)' takes no value"
        case let .duplicateOption(option, _):
            return "option '\(option)' is given more than once; give it once"
        case let .missingArgument(argument, command):
            if command == "import" { return "'import' needs a PATH: a manifest file, folder or glob, such as 'meshsim import k8s/'" }
            if command == "merge" { return "'merge' needs the PARTIAL folders that run or compare --shard I/N wrote, such as 'meshsim merge part-1 part-2 --out DIR'" }
            return "'\(command)' needs a \(argument) file"
        case let .missingOption(option, command):
            var example = ""
            if option == "--request" {
                example = " (for example --request \"GET /api/orders\") or --client NAME to send that client's own request"
            } else if command == "capacity" {
                example = "; write --vary PATH --from A --to B, such as --vary clients[name=web].rate --from 100/s --to 2000/s"
            }
            return "'\(command)' needs \(option)\(example)"
        case let .tooManyArguments(argument, command):
            switch command {
            case nil:
                return "unexpected argument '\(argument)'; --version takes no arguments"
            case "help":
                return "unexpected argument '\(argument)'; 'help' takes at most one COMMAND"
            case let name?:
                let limit = CommandSpec.named(name)?.positionalLimit ?? "no more arguments"
                return "unexpected argument '\(argument)'; '\(name)' takes \(limit)"
            }
        case let .badNumber(option, value, _):
            if ScannedArguments.isNegativeNumber(value) {
                return "\(option) takes a non-negative integer, got \(value); write a whole number from 0 to \(UInt64.max)"
            }
            return "\(option) needs a whole number from 0 to \(UInt64.max), not '\(value)'"
        case let .negativeDuration(option, value, _):
            return "\(option) \(value): a duration cannot be negative; write one such as 0s, 30s or 2m"
        case let .badCount(option, value, range, _):
            return "\(option) takes a whole number from \(range.lowerBound) to \(range.upperBound), got '\(value)'"
        case let .badRequest(value):
            return "--request needs a method and a path, not '\(value)'; write --request \"GET /api/orders\""
        case let .badHeader(value):
            return "--header needs NAME=VALUE, not '\(value)'; write --header apikey=k-web"
        case let .badSet(value, reason, column):
            // A long path or value is quoted by its start: the reason quotes what matters.
            guard value.contains("=") else {
                return "--set needs PATH=VALUE, not '\(Diagnostic.excerpt(value))'; write --set mesh.enabled=false"
            }
            return "--set: \(reason) (column \(column))"
        case let .badVary(path, reason):
            return "--vary \(Diagnostic.excerpt(path)): \(reason); write a path as --set takes it, such as clients[name=web].rate"
        case let .badRange(message):
            return message
        case .variantsWithTwoScenarios:
            return "--variant picks variants of one scenario; compare two scenarios without it"
        case let .badJobs(value, command):
            let what = command == nil ? "setups" : "simulations"
            return "--jobs needs a whole number of \(what) to run at once, 1 or more, not '\(value)'; 1 runs them one by one"
        case let .badShard(value, _):
            return "--shard needs I/N, this machine's part I of N parts (1 ≤ I ≤ N ≤ \(CountText.grouped(Shard.maximumCount))), not '\(value)'; for example --shard 2/4"
        case let .badChoice(option, value, choices, _):
            return "\(option) takes \(choices.joined(separator: " or ")), not '\(value)'"
        case let .badSweep(value, reason, column, _):
            guard value.contains("=") else {
                return "--sweep needs PATH=V1,V2,..., not '\(Diagnostic.excerpt(value))'; write --sweep \"clients[name=web].rate=200/s,400/s\""
            }
            return "--sweep: \(reason) (column \(column))"
        case let .badStartTime(value, _):
            return "--start-time needs an RFC 3339 time such as 2026-03-01T09:00:00Z or 2026-03-01T10:00:00.5+01:00, not '\(Diagnostic.excerpt(value))'"
        case let .startTimeBeforeEpoch(value, _):
            return "--start-time '\(Diagnostic.excerpt(value))' is before 1970-01-01T00:00:00Z, and Prometheus's backfill "
                + "(promtool tsdb create-blocks-from openmetrics) silently keeps no sample before it; give a later time"
        case .startTimeWithoutMetrics:
            return "--start-time sets the timestamps of metrics.om, which this run does not write; add --metrics openmetrics (or metrics: openmetrics to the scenario)"

        case let .badMaxInFlight(value, _):
            return "--max-in-flight needs a whole number from 1 to \(CountText.grouped(RunLimits.maximumInFlight)), not '\(value)' (default \(CountText.grouped(RunLimits.defaultInFlight)))"
        }
    }

    /// The help that explains the mistake: the command's own when there is one.
    private var helpCommand: String {
        let command: String? = switch self {
        case .unknownCommand: nil
        case let .unknownOption(_, command, _): command
        case let .tooManyArguments(_, command): command == "help" ? nil : command
        case let .missingValue(_, command), let .unexpectedValue(_, command),
             let .duplicateOption(_, command), let .missingArgument(_, command),
             let .missingOption(_, command), let .badNumber(_, _, command),
             let .negativeDuration(_, _, command), let .badCount(_, _, _, command),
             let .badMaxInFlight(_, command), let .badShard(_, command), let .badChoice(_, _, _, command),
             let .badSweep(_, _, _, command), let .badStartTime(_, command), let .startTimeBeforeEpoch(_, command),
             let .startTimeWithoutMetrics(command):
            command
        case let .badJobs(_, command?): command
        case .badRequest, .badHeader: "eval"
        case .badSet: "run"
        case .badVary, .badRange: "capacity"
        case .variantsWithTwoScenarios, .badJobs(_, nil): "compare"
        }
        return command.map { "meshsim \($0) --help" } ?? "meshsim --help"
    }
}
