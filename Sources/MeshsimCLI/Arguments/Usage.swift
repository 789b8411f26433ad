/// The help texts meshsim prints, built from the same table the parser uses.
/// Texts carry no trailing newline, so they suit `print`.
public enum Usage {
    /// Help for `meshsim`, `meshsim --help` and `meshsim help`.
    public static let general: String = {
        let commands = CommandSpec.all.map { ($0.name, $0.summary) }
        let options = [("-h, --help", "Show this help, or a command's help after COMMAND"),
                       ("--version", "Show the meshsim version")]
        return """
            meshsim simulates traffic through an API gateway and a service mesh,
            and evaluates their policies.

            Usage: meshsim COMMAND ARGUMENTS [OPTIONS]

            Commands:
            \(table(commands))

            Options:
            \(table(options))

            Exit codes: 0 ran and every assertion held, 1 an assertion failed,
            2 bad input, 3 internal or I/O failure.

            Examples:
              meshsim validate checkout.yaml
              meshsim run checkout.yaml --seed 7
              meshsim import k8s/ --out scenario.yaml

            Run 'meshsim COMMAND --help' for a command's options.
            """
    }()

    /// Help for `meshsim COMMAND --help`, or `nil` when `command` is not a command.
    public static func help(for command: String) -> String? {
        guard let spec = CommandSpec.named(command) else { return nil }
        let options = spec.options.map { option -> (String, String) in
            switch option.kind {
            case .flag: (option.name, option.summary)
            case let .single(placeholder), let .repeatable(placeholder):
                ("\(option.name) \(placeholder)", option.summary)
            }
        } + [("-h, --help", "Show this help")]
        let examples = spec.examples.map { "  " + $0 }.joined(separator: "\n")
        let lead = "Usage: meshsim \(spec.name) "
        let synopsis = spec.synopsis.joined(separator: "\n" + String(repeating: " ", count: lead.count))
        return """
            \(lead)\(synopsis)

            \(spec.summary).

            Arguments:
            \(table([(spec.positional, spec.positionalSummary)] + spec.moreArguments))

            Options:
            \(table(options))

            Examples:
            \(examples)
            """
    }

    /// Two aligned columns, indented by two spaces. When that would pass 80 columns, a left
    /// cell wider than `widest` stands on its own line and its text on the next.
    private static func table(_ rows: [(String, String)]) -> String {
        let full = rows.map(\.0.count).max() ?? 0
        let fits = rows.allSatisfy { 2 + full + 3 + $0.1.count <= 80 }
        let width = fits ? full : min(full, widest)
        return rows.map { left, right in
            let gap = left.count > width ? "\n" + String(repeating: " ", count: width + 5) : String(repeating: " ", count: width - left.count + 3)
            return "  " + left + gap + right
        }.joined(separator: "\n")
    }

    /// `--max-in-flight N`: wider cells (`--inconclusive fail|pass`) wrap.
    static let widest = 17
}
