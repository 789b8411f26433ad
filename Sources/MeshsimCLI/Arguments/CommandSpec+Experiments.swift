import Engine
import Experiments
import Scenario

/// The options and commands of experiments: replications, sweeps, shards and their merge,
/// and the capacity search.
extension CommandSpec {
    /// Replications, sweeps and shards, as `run` and `compare` take them.
    static let experimentOptions: [OptionSpec] = [
        OptionSpec(name: "--replications", kind: .single(placeholder: "N"),
                   summary: "Run N seeds; 95% intervals in summary-ci.csv (default 1)"),
        OptionSpec(name: "--keep-replications", kind: .flag,
                   summary: "Also write every simulation's own report folder"),
        OptionSpec(name: "--inconclusive", kind: .single(placeholder: "fail|pass"),
                   summary: "Exit code of an inconclusive assertion (default fail)"),
        OptionSpec(name: "--sweep", kind: .repeatable(placeholder: "PATH=V1,V2,..."),
                   summary: "Vary a field over values; repeated, a grid; sweep.csv"),
        OptionSpec(name: "--jobs", kind: .single(placeholder: "N"),
                   summary: "Simulations run at once, 1 or more (default: 1 per core)"),
        OptionSpec(name: "--shard", kind: .single(placeholder: "I/N"),
                   summary: "Run part I of N; write a partial folder for merge"),
    ]

    static let merge = CommandSpec(
        name: "merge",
        synopsis: ["PARTIAL... --out DIR [--quiet]"],
        summary: "Combine the partial folders of --shard runs into one report",
        positional: "PARTIAL",
        positionalSummary: "Partial folders written by run or compare --shard I/N",
        positionalCount: 1...Int.max,
        options: [
            OptionSpec(name: "--out", kind: .single(placeholder: "DIR"),
                       summary: "Report folder to write (required)"),
            OptionSpec(name: "--quiet", kind: .flag,
                       summary: "Print no timing line on stderr"),
        ],
        examples: [
            "meshsim merge shards/1 shards/2 shards/3 --out Reports/capacity",
        ]
    )

    static let capacity = CommandSpec(
        name: "capacity",
        synopsis: ["SCENARIO [MANIFEST...] --vary PATH --from A --to B", "[--resolution R] [--replications N]",
                   "[--inconclusive fail|pass] [--set PATH=VALUE]...", "[--jobs N] [--out DIR] [--quiet]"],
        summary: "Find the largest (or smallest) value at which assertions hold",
        positional: "SCENARIO",
        positionalSummary: "Scenario file (YAML) with the assertions to hold",
        positionalCount: 1...Int.max,
        options: [
            OptionSpec(name: "--vary", kind: .single(placeholder: "PATH"),
                       summary: "Field to vary, by path as --set: clients[name=web].rate"),
            OptionSpec(name: "--from", kind: .single(placeholder: "A"),
                       summary: "One end of the range: a number and unit, 100/s or 2"),
            OptionSpec(name: "--to", kind: .single(placeholder: "B"),
                       summary: "The other end, in the same unit"),
            OptionSpec(name: "--resolution", kind: .single(placeholder: "R"),
                       summary: "Stop at a bracket this narrow (default 1 or range/1000)"),
            OptionSpec(name: "--replications", kind: .single(placeholder: "N"),
                       summary: "Simulations per value, 1 to \(CountText.grouped(Replication.maximum)) (default: scenario's)"),
            OptionSpec(name: "--inconclusive", kind: .single(placeholder: "MODE"),
                       summary: "pass: inconclusive counts as passing (default: fail)"),
            OptionSpec(name: "--set", kind: .repeatable(placeholder: "PATH=VALUE"),
                       summary: "Override one field by path, as in variants; repeatable"),
            OptionSpec(name: "--jobs", kind: .single(placeholder: "N"),
                       summary: "Replications simulated at once (default: 1 per core)"),
            OptionSpec(name: "--out", kind: .single(placeholder: "DIR"),
                       summary: "capacity.csv folder (default Reports/<name>-capacity/)"),
            OptionSpec(name: "--quiet", kind: .flag,
                       summary: "Print no timing line on stderr"),
        ],
        examples: [
            "meshsim capacity shop.yaml --vary clients[0].rate --from 50/s --to 900/s",
            "meshsim capacity shop.yaml --vary services.orders.replicas --from 1 --to 20",
            "meshsim capacity shop.yaml --vary clients[0].rate --from 50/s --to 900/s \\",
            "    --replications 10 --resolution 5/s",
        ],
        moreArguments: [("MANIFEST", "Manifest files, folders or globs, read with the scenario's own")]
    )
}
