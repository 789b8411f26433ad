/// One sweep of the scaling section: the generated scenario of one axis at growing sizes,
/// each run by the release meshsim as a subprocess.
struct ScalingSweep {
    let axis: ScaleScenario.Axis
    let sizes: [Int]

    /// What one size gave; a time is nil when its command was stopped at the timeout (and
    /// `validate` also off the services axis).
    struct Point {
        var size: Int
        var validate: Double?
        var run: Double?
        /// Peak resident memory of the run; of a run stopped at the timeout (or not started
        /// as validate was), what it had reached: a lower bound, or nil.
        var kilobytes: Int?
        var timedOut: Bool { run == nil }

        /// The peak memory of a run that finished.
        var peak: Int? { run == nil ? nil : kilobytes }
    }

    /// Every sweep; `--quick` drops each one's largest size (a tenth of it remains).
    static func all(quick: Bool) -> [ScalingSweep] {
        let sweeps = [
            ScalingSweep(axis: .services, sizes: [10, 100, 1000, 10_000]),
            ScalingSweep(axis: .instances, sizes: [1000, 10_000, 100_000]),
            ScalingSweep(axis: .ejected, sizes: [1000, 10_000, 100_000]),
            ScalingSweep(axis: .clients, sizes: [1, 10, 100, 1000, 10_000]),
            ScalingSweep(axis: .identities, sizes: [1000, 10_000, 100_000]),
            ScalingSweep(axis: .requests, sizes: [100, 1000, 10_000, 100_000]),
        ]
        guard quick else { return sweeps }
        return sweeps.map { ScalingSweep(axis: $0.axis, sizes: Array($0.sizes.dropLast())) }
    }

    /// Validation time matters where the checks look across services.
    var validates: Bool { axis == .services }

    /// The slope of `figure` over the sizes that gave one.
    static func slope(_ points: [Point], _ figure: (Point) -> Double?) -> Double? {
        let measured = points.compactMap { point in figure(point).map { (Double(point.size), $0) } }
        return LogLogSlope.slope(sizes: measured.map(\.0), values: measured.map(\.1))
    }
}
