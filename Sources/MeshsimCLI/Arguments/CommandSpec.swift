import Engine
import Scenario

/// One option a command accepts, with the text its help shows.
struct OptionSpec: Sendable {
    enum Kind: Sendable {
        /// `--quiet`: present or not, takes no value.
        case flag
        /// `--out DIR`: at most once.
        case single(placeholder: String)
        /// `--set PATH=VALUE`: any number of times, kept in order.
        case repeatable(placeholder: String)
    }

    let name: String
    let kind: Kind
    let summary: String
}

/// Everything meshsim knows about a command: what it accepts and how its help reads.
/// Parsing and help share this table so that help lists exactly the options parsed.
struct CommandSpec: Sendable {
    let name: String
    /// The usage after `meshsim NAME `, in lines that fit 80 columns.
    let synopsis: [String]
    /// One line for the general usage listing.
    let summary: String
    let positional: String
    let positionalSummary: String
    let positionalCount: ClosedRange<Int>
    let options: [OptionSpec]
    let examples: [String]
    /// Rows of the help's Arguments table after the positional's own (`MANIFEST`).
    var moreArguments: [(name: String, summary: String)] = []

    /// Names an unknown option is compared with for a suggestion.
    var optionNames: [String] { options.map(\.name) + ["--help"] }

    func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name }
    }

    /// How many positional arguments the command takes, for error messages.
    var positionalLimit: String {
        switch positionalCount.upperBound {
        case 1: "one \(positional) file"
        case 2: "at most two \(positional) files"
        default: "\(positional) files only"
        }
    }

    static let all: [CommandSpec] = [run, validate, compare, capacity, merge, eval, importManifests]

    static func named(_ name: String) -> CommandSpec? {
        all.first { $0.name == name }
    }

    static let run = CommandSpec(
        name: "run",
        synopsis: [
            "SCENARIO [MANIFEST...] [--out DIR] [--seed N] [--duration D]", "[--set PATH=VALUE]... [--max-in-flight N] [--quiet]",
            "[--replications N] [--keep-replications]", "[--inconclusive fail|pass] [--sweep PATH=V1,V2,...]...",
            "[--jobs N] [--shard I/N]",
            "[--metrics openmetrics] [--start-time TIME]",
        ],
        summary: "Simulate a scenario and write its reports",
        positional: "SCENARIO",
        positionalSummary: "Scenario file (YAML) to simulate",
        positionalCount: 1...Int.max,
        options: [
            OptionSpec(name: "--out", kind: .single(placeholder: "DIR"),
                       summary: "Report folder (default: Reports/<scenario name>/)"),
            OptionSpec(name: "--seed", kind: .single(placeholder: "N"),
                       summary: "Random seed, a whole number (default: the scenario's seed)"),
            OptionSpec(name: "--duration", kind: .single(placeholder: "D"),
                       summary: "Override the scenario's duration, such as 30s or 2m"),
            OptionSpec(name: "--set", kind: .repeatable(placeholder: "PATH=VALUE"),
                       summary: "Override one field by path, as in variants; repeatable"),
            OptionSpec(name: "--max-in-flight", kind: .single(placeholder: "N"),
                       summary: "Stop the run past N requests in flight (default \(CountText.grouped(RunLimits.defaultInFlight)))"),
            OptionSpec(name: "--quiet", kind: .flag,
                       summary: "Show no progress bar on stderr"),
        ] + experimentOptions + metricsOptions,
        examples: [
            "meshsim run checkout.yaml --seed 7 --duration 2m",
            "meshsim run checkout.yaml --replications 10",
            "meshsim run checkout.yaml --sweep \"clients[name=web].rate=200/s,400/s\"",
            "meshsim run checkout.yaml --set mesh.enabled=false --out /tmp/no-mesh",
            "meshsim run checkout.yaml k8s/*.yaml",
            "meshsim run checkout.yaml --metrics openmetrics",
        ],
        moreArguments: [("MANIFEST", "Manifest files, folders or globs, read with the scenario's own")]
    )

    /// metrics.om, as `run` and `compare` take it.
    static let metricsOptions: [OptionSpec] = [
        OptionSpec(name: "--metrics", kind: .single(placeholder: "openmetrics"),
                   summary: "Also write metrics.om: the run as Prometheus series"),
        OptionSpec(name: "--start-time", kind: .single(placeholder: "TIME"),
                   summary: "metrics.om's t=0, RFC 3339 (default 2000-01-01T00:00:00Z)"),
    ]

    static let validate = CommandSpec(
        name: "validate",
        synopsis: ["SCENARIO [MANIFEST...]... [--strict]"],
        summary: "Check scenarios for errors and warnings, without simulating",
        positional: "SCENARIO",
        positionalSummary: "Scenario files (YAML) to check",
        positionalCount: 1...Int.max,
        options: [
            OptionSpec(name: "--strict", kind: .flag,
                       summary: "Fail (exit 2) on warnings too, as CI wants"),
        ],
        examples: [
            "meshsim validate checkout.yaml before.yaml after.yaml",
            "meshsim validate --strict checkout.yaml",
            "meshsim validate checkout.yaml k8s/ kong/kong.yaml",
        ],
        moreArguments: [("MANIFEST", "After a scenario: a folder, or a file starting with apiVersion,"),
                        ("", "kind or _format_version; read with that scenario")]
    )

    static let compare = CommandSpec(
        name: "compare",
        synopsis: [
            "SCENARIO [SCENARIO2] [--variant NAME]... [--out DIR]", "[--jobs N] [--max-in-flight N] [--quiet]",
            "[--replications N] [--keep-replications]", "[--inconclusive fail|pass] [--sweep PATH=V1,V2,...]...",
            "[--shard I/N] [--metrics openmetrics] [--start-time TIME]",
        ],
        summary: "Run the variants of a scenario, or two scenarios, side by side",
        positional: "SCENARIO",
        positionalSummary: "One scenario (compare its variants) or two (compare the files)",
        positionalCount: 1...2,
        options: [
            OptionSpec(name: "--variant", kind: .repeatable(placeholder: "NAME"),
                       summary: "Compare only this variant; repeatable (default: all)"),
            OptionSpec(name: "--out", kind: .single(placeholder: "DIR"),
                       summary: "Folder for compare.csv and the reports in DIR/<variant>/"),
            OptionSpec(name: "--jobs", kind: .single(placeholder: "N"),
                       summary: "Setups simulated at once, 1 or more (default: 1 per core)"),
            OptionSpec(name: "--max-in-flight", kind: .single(placeholder: "N"),
                       summary: "Stop a run past N in flight (default \(CountText.grouped(RunLimits.defaultInFlight)) / setups)"),
            OptionSpec(name: "--quiet", kind: .flag,
                       summary: "Print no timing line on stderr"),
        ] + experimentOptions.filter { $0.name != "--jobs" } + metricsOptions,
        examples: [
            "meshsim compare checkout.yaml --variant gateway-only --variant mesh",
            "meshsim compare checkout.yaml --replications 10",
            "meshsim compare before.yaml after.yaml --out /tmp/compare",
        ]
    )

    static let eval = CommandSpec(
        name: "eval",
        synopsis: ["SCENARIO [--request \"METHOD PATH\"] [--header K=V]...", "[--client NAME] [--at D] [--repeat N] [--every D]"],
        summary: "Show how the scenario's policies decide one request",
        positional: "SCENARIO",
        positionalSummary: "Scenario file (YAML) whose policies decide the request",
        positionalCount: 1...1,
        options: [
            OptionSpec(name: "--request", kind: .single(placeholder: "\"METHOD PATH\""),
                       summary: "Request to evaluate (default: the client's first)"),
            OptionSpec(name: "--header", kind: .repeatable(placeholder: "K=V"),
                       summary: "Send this request header; repeatable"),
            OptionSpec(name: "--client", kind: .single(placeholder: "NAME"),
                       summary: "Send as this client, with its credential and headers"),
            OptionSpec(name: "--at", kind: .single(placeholder: "D"),
                       summary: "Simulated time of the first request (default 0s)"),
            OptionSpec(name: "--repeat", kind: .single(placeholder: "N"),
                       summary: "Send N (1 to 100000) requests; limits carry over"),
            OptionSpec(name: "--every", kind: .single(placeholder: "D"),
                       summary: "Simulated time between them (default 0s)"),
        ],
        examples: [
            "meshsim eval checkout.yaml --request \"GET /api/orders\" --header apikey=k-web",
            "meshsim eval checkout.yaml --request \"POST /api/orders\" --client web --at 5m",
            "meshsim eval rate-limits.yaml --client partner-shared --repeat 301",
        ]
    )

    static let importManifests = CommandSpec(
        name: "import",
        synopsis: ["PATH... [--out FILE] [--force]"],
        summary: "Draft a scenario that reads a folder of manifests",
        positional: "PATH",
        positionalSummary: "Manifest files, folders or globs (Kubernetes, Istio, Kong, Flagger, Argo)",
        positionalCount: 1...Int.max,
        options: [
            OptionSpec(name: "--out", kind: .single(placeholder: "FILE"),
                       summary: "Write the draft here (default: standard output)"),
            OptionSpec(name: "--force", kind: .flag,
                       summary: "Replace FILE if it exists"),
        ],
        examples: [
            "meshsim import k8s/ --out scenario.yaml",
            "meshsim import k8s/ kong/kong.yaml > scenario.yaml",
        ]
    )
}
