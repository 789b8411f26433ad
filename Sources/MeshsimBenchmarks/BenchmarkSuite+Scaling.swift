import Foundation
import Scenario

/// The scaling section: the same traffic through worlds that grow along one axis, and how
/// time and memory grow with them (issue 22).
extension BenchmarkSuite {
    /// The largest log-log slope that still counts as linear growth.
    static let slopeLimit = 1.15

    mutating func measureScaling() {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meshsim-bench-scaling-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            _ = unavailable("scaling", "cannot create \(folder.path): \(error.localizedDescription)")
            return
        }
        let runner = ScalingRunner(meshsim: options.meshsim, folder: folder, rounds: options.quick ? 1 : 2)
        var results: [ScalingTable.Sweep] = []
        for sweep in ScalingSweep.all(quick: options.quick) {
            var points: [ScalingSweep.Point] = []
            // A size larger than one that timed out would time out too.
            for size in sweep.sizes where points.last?.timedOut != true {
                progress("scaling: \(sweep.axis.rawValue) \(CountText.grouped(size))")
                do {
                    let point = try runner.measure(sweep.axis, size: size, validates: sweep.validates)
                    progress("scaling: \(sweep.axis.rawValue) \(CountText.grouped(size)): " + ScalingTable.describe(point))
                    points.append(point)
                } catch {
                    _ = unavailable("scaling, \(sweep.axis.rawValue) \(CountText.grouped(size))", error.description)
                    break
                }
            }
            addSlopes(sweep, points)
            results.append(ScalingTable.Sweep(sweep: sweep, points: points))
        }
        addScalingTargets(results)
        report.notes.append(ScalingTable(sweeps: results, rounds: runner.rounds).note)
    }

    /// One row per figure of the sweep: its slope, and its last step's, against the limit. A
    /// figure that timed out, or a sweep cut short, misses, whatever the smaller sizes gave.
    private mutating func addSlopes(_ sweep: ScalingSweep, _ points: [ScalingSweep.Point]) {
        var figures: [(String, (ScalingSweep.Point) -> Double?, (Double) -> String)] = []
        if sweep.validates { figures.append(("validate time", \.validate, ScalingTable.seconds)) }
        figures.append(("run time", \.run, ScalingTable.seconds))
        figures.append(("peak memory", { $0.peak.map(Double.init) }, { ScalingTable.mebibytes(Int($0)) }))
        for (name, figure, text) in figures {
            let measured = points.filter { figure($0) != nil }
            let stopped = points.first { figure($0) == nil }
            let cut = stopped == nil && points.count < sweep.sizes.count ? points.last : nil
            let slope = ScalingSweep.slope(points, figure)
            var parts = [slope.map { "slope \(NumberText.fixed($0, 2))" } ?? "no slope"]
            // The fit averages the sweep: a figure flat at small sizes hides a steep last step,
            // so the last step is judged too.
            let step = measured.count > 2 ? ScalingSweep.slope(Array(measured.suffix(2)), figure) : nil
            if let step { parts[0] += ", last step \(NumberText.fixed(step, 2))" }
            if let first = measured.first, let last = measured.last, let low = figure(first), let high = figure(last) {
                parts.append("(\(text(low)) at \(CountText.grouped(first.size)) → \(text(high)) at \(CountText.grouped(last.size)))")
            }
            if let stopped { parts.append("timed out at \(CountText.grouped(stopped.size))") }
            if let cut { parts.append("nothing above \(CountText.grouped(cut.size)) run") }
            report.add("scaling: \(sweep.axis.rawValue), \(name)", parts.joined(separator: " "),
                       target: "slope ≤ \(NumberText.fixed(Self.slopeLimit, 2))",
                       passes: stopped == nil && points.count == sweep.sizes.count && (slope ?? .infinity) <= Self.slopeLimit
                           && (step ?? 0) <= Self.slopeLimit)
        }
    }

    /// The issue's targets at the largest size of each sweep (a tenth of it under `--quick`).
    private mutating func addScalingTargets(_ results: [ScalingTable.Sweep]) {
        let sweeps = Dictionary(results.map { ($0.sweep.axis, $0) }, uniquingKeysWith: { first, _ in first })
        if let services = sweeps[.services], let largest = services.sweep.sizes.last {
            let small = services.point(10)
            let large = services.point(largest)
            let name = "\(CountText.grouped(largest)) services"
            report.add("\(name): validate", large.map { $0.validate.map(ScalingTable.seconds) ?? ScalingTable.timedOut } ?? "not measured",
                       target: "≤ 1 s", passes: (large?.validate ?? .infinity) <= 1)
            ratioRow("\(name): run / 10 services", large, small, limit: 2)
            report.add("\(name): peak memory", large.flatMap(ScalingTable.memory) ?? "not measured",
                       target: "< 300 MiB", passes: (large?.peak ?? .max) < 300 * 1024)
            perScopeRow(name, services: largest, small?.peak, large)
        }
        if let largest = sweeps[.ejected]?.sweep.sizes.last {
            ratioRow("ejected / instances at \(CountText.grouped(largest))", sweeps[.ejected]?.point(largest),
                     sweeps[.instances]?.point(largest), limit: 1.5)
        }
        // Request-mix entries are judged on their slope only: each is a line of the scenario,
        // so reading 100,000 of them costs what the file's size does.
        if let sweep = sweeps[.identities], let largest = sweep.sweep.sizes.last {
            ratioRow("identities \(CountText.grouped(largest)) / 1,000", sweep.point(largest), sweep.point(1000), limit: 1.5)
        }
    }

    /// `measured` over `base` run time, at most `limit` times; at least the timeout over
    /// `base` when `measured` timed out.
    private mutating func ratioRow(_ name: String, _ measured: ScalingSweep.Point?, _ base: ScalingSweep.Point?, limit: Double) {
        let target = "≤ \(NumberText.fixed(limit, 1))x"
        guard let measured, let base = base?.run else {
            report.add(name, "not measured", target: target, passes: false)
            return
        }
        let seconds = measured.run ?? Double(ScalingRunner.timeout)
        let bound = measured.run == nil ? "≥ " : ""
        let text = measured.run.map(ScalingTable.seconds) ?? ScalingTable.timedOut
        report.add(name, "\(text) / \(ScalingTable.seconds(base)) (\(bound)\(NumberText.fixed(seconds / base, 2))x)",
                   target: target, passes: measured.run != nil && seconds / base <= limit)
    }

    /// The memory each added report scope costs, from the smallest to the largest services
    /// size; at least so much when the largest timed out.
    private mutating func perScopeRow(_ name: String, services largest: Int, _ small: Int?, _ large: ScalingSweep.Point?) {
        let scopes = ScaleScenario(axis: .services, size: largest).scopes - ScaleScenario(axis: .services, size: 10).scopes
        let measurement = "memory per scope, 10 → \(name)"
        guard let small, let reached = large?.kilobytes, scopes > 0 else {
            report.add(measurement, "not measured", target: "≤ 10 KB", passes: false)
            return
        }
        let bytes = Double(reached - small) * 1024 / Double(scopes)
        let finished = large?.peak != nil
        report.add(measurement, "\(finished ? "" : "≥ ")\(CountText.grouped(bytes)) bytes (\(CountText.grouped(scopes)) more scopes)",
                   target: "≤ 10 KB", passes: finished && bytes <= 10 * 1024)
    }
}
