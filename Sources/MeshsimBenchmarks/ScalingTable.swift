import Scenario

/// The scaling section's figures as BENCHMARKS.md shows them: how they were measured, and a
/// table of every size with its times and peak memory.
struct ScalingTable {
    struct Sweep {
        var sweep: ScalingSweep
        var points: [ScalingSweep.Point]

        func point(_ size: Int) -> ScalingSweep.Point? {
            points.first { $0.size == size }
        }
    }

    let sweeps: [Sweep]
    /// Runs of each command at each size.
    let rounds: Int

    var note: String {
        let rows = sweeps.flatMap { sweep in
            sweep.sweep.sizes.map { size in
                "| \(sweep.sweep.axis.rawValue) | \(CountText.grouped(size)) | " + cells(sweep.point(size), validates: sweep.sweep.validates)
            }
        }
        let limit = NumberText.fixed(BenchmarkSuite.slopeLimit, 2)
        let runs = rounds == 1 ? "one run"
            : "best of \(rounds) runs (one when the first takes over \(NumberText.fixed(ScalingRunner.repeatBelow, 0)) s)"
        return """
            **Scaling.** The same traffic, \(CountText.grouped(ScaleScenario.rate * ScaleScenario.seconds)) client requests \
            over \(ScaleScenario.seconds) s, through worlds that grow along one axis: services (groups of \(ScaleScenario.chain) \
            calling down a chain, about 47 mesh hops a request), instances of one service (none ejected, and \
            ejected: 10% answer 503 and are ejected on their first error), clients, rate-limit identities (addresses, \
            `limit_by: ip`) and request-mix entries (`limit_by: header`). Each size is a scenario of \
            `Sources/MeshsimBenchmarks/ScaleScenario.swift`, written to a file and run by the release build as a subprocess: \
            `meshsim validate FILE` (services only) and `/usr/bin/time -f "%e %M" meshsim run FILE --out DIR --quiet`, reports \
            written; wall time, \(runs), and peak resident memory (MiB = 1,024 KiB). meshsim still \
            running after \(ScalingRunner.timeout) s is stopped and its size reported as timed out, with the memory it had \
            reached (≥); larger sizes of that sweep are not run. Each slope is the least-squares fit of log(figure) against log(size) over the sizes measured \
            (1 is linear growth), and the last step's between the two largest sizes; either above \(limit) is missed, as is a figure that timed out or a sweep cut short. Memory per scope \
            is (RSS at the largest services size − RSS at 10) / the scopes added, a scope being the total, a client, a \
            route, a service or a version. To reproduce a row: \
            `meshsim-bench --generate services 10000 > s.yaml; meshsim run s.yaml --out /tmp/s --quiet` \
            (the axes: \(ScaleScenario.Axis.allCases.map(\.rawValue).joined(separator: ", "))).

            | sweep | size | validate | run | peak memory |
            |---|---|---|---|---|
            \(rows.joined(separator: "\n"))
            """
    }

    /// A size's validate, run and memory cells, closing the row.
    private func cells(_ point: ScalingSweep.Point?, validates: Bool) -> String {
        guard let point else { return "not run | not run | not run |" }
        let validate = validates ? (point.validate.map(Self.seconds) ?? Self.timedOut) : "—"
        let run = point.run.map(Self.seconds) ?? (validates && point.validate == nil ? "not run" : Self.timedOut)
        return "\(validate) | \(run) | \(Self.memory(point) ?? "—") |"
    }

    /// One size for the progress line.
    static func describe(_ point: ScalingSweep.Point) -> String {
        var parts = point.validate.map { ["validate \(seconds($0))"] } ?? []
        parts.append(point.run.map { "run \(seconds($0))" } ?? timedOut)
        if let memory = memory(point) { parts.append(memory) }
        return parts.joined(separator: ", ")
    }

    /// The peak memory of a run, or at least what a run stopped at the timeout had reached.
    static func memory(_ point: ScalingSweep.Point) -> String? {
        if let peak = point.peak { return mebibytes(peak) }
        return point.kilobytes.map { "≥ \(mebibytes($0))" }
    }

    static let timedOut = "timed out (> \(ScalingRunner.timeout) s)"

    static func seconds(_ value: Double) -> String {
        NumberText.fixed(value, value < 10 ? 2 : 1) + " s"
    }

    static func mebibytes(_ kilobytes: Int) -> String {
        NumberText.fixed(Double(kilobytes) / 1024, 1) + " MiB"
    }
}
