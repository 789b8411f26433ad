import Foundation
import Scenario

/// The measurements of experiments: replications run in parallel, and a long sweep's memory.
extension BenchmarkSuite {
    /// Simulated time of each replication: about a quarter of a second of the release build's
    /// time, so that twenty replications are long next to a process's start-up yet three
    /// pairs of runs take under half a minute.
    static let replicationDuration = "8s"
    static let replications = 20

    mutating func measureReplications() {
        progress("meshsim run --replications \(Self.replications): two at a time and one by one")
        let rounds = options.quick ? 1 : 3
        let command = ["run", options.reference, "--replications", String(Self.replications),
                       "--duration", Self.replicationDuration, "--quiet"]
        let outcome: JobsTiming.Outcome
        do {
            outcome = try JobsTiming(meshsim: options.meshsim, command: command, rounds: rounds,
                                     capacityIterations: capacityIterations).run()
        } catch {
            _ = unavailable("run --replications \(Self.replications)", error.description)
            return
        }
        report.add("run --replications \(Self.replications), --jobs 2 / --jobs 1", outcome.figures, target: "≥ 1.8x on 2 cores",
                   outcome.verdict(target: 1.8, cores: report.machine.cores))
        report.add("parallel capacity (replications' control)", "2 threads of arithmetic \(NumberText.fixed(outcome.capacity, 2))x one",
                   target: "≥ 1.8x, else replications are n/a", .info)
        let files = outcome.files.isEmpty ? "report files" : outcome.files.joined(separator: ", ")
        let bytes = outcome.identical ? "identical bytes" : (outcome.files.isEmpty ? "no report files" : "DIFFERENT")
        report.add("\(files), --jobs 2 vs --jobs 1", bytes, target: "identical", passes: outcome.identical)
        if !outcome.identical { breaks("run --replications \(Self.replications), --jobs 2 vs --jobs 1: \(bytes)") }
        report.notes.append("""
            **Replications.** Wall time of the release `meshsim run Benchmarks/reference.yaml --replications \
            \(Self.replications) --duration \(Self.replicationDuration) --quiet --jobs N --out DIR`, N = 2 then N = 1, as \
            compare's above: a subprocess, reports written, best of \(rounds) alternating pairs, the same arithmetic control \
            before each pair (a missed target is n/a when the control is below 1.8x). Every file of the report folders \
            (\(files)) is compared byte for byte across all the runs.
            """)
    }

    /// What the bound on a sweep's memory allows beyond one simulation per job, in kilobytes.
    static let sweepAllowance = 20 * 1024

    mutating func measureSweepMemory() {
        let memory = SweepMemory(meshsim: options.meshsim, points: options.quick ? 100 : 1000)
        let points = CountText.grouped(Double(memory.points))
        progress("peak memory: a sweep of \(points) points and one run of its largest")
        let figures: SweepMemory.Figures
        do {
            figures = try memory.measure()
        } catch {
            _ = unavailable("sweep of \(points) points", error.description)
            return
        }
        let single = megabytes(figures.single)
        report.add("sweep of \(points) points, --jobs 1 / one run", "\(megabytes(figures.serial)) / \(single)",
                   target: "≤ one run + 20 MB", passes: figures.serial <= figures.single + Self.sweepAllowance)
        report.add("sweep of \(points) points, --jobs 2 / one run", "\(megabytes(figures.parallel)) / \(single)",
                   target: "≤ 2 × one run + 20 MB", passes: figures.parallel <= 2 * figures.single + Self.sweepAllowance)
        let rates = memory.rates
        report.notes.append("""
            **Sweep memory.** `/usr/bin/time -f %M meshsim run SCENARIO --sweep "\(SweepMemory.path)=\
            \(rates.first ?? ""),…,\(rates.last ?? "")" --jobs N --out DIR --quiet` (\(points) points, N = 1 and 2) \
            against one `meshsim run SCENARIO --set \(SweepMemory.path)=\(rates.last ?? "")`, the largest point, where \
            SCENARIO is the M/M/c above as a file with `duration: \(SweepMemory.duration)s` (about 3,000 requests a point). \
            Of each finished point the runner keeps only its outcome: summary rows and assertion measurements, a few hundred \
            bytes a scope; with sweep.csv and the printed table the \(points) points come to a few MB at most. The 20 MB \
            allowance covers that and the allocator's slack, yet keeping each point's simulation would exceed it (its latency \
            histograms alone take 29 KB for each of its four scopes: about 113 MB for 1,000 points).
            """)
    }
}
