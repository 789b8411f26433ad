/// The grid of a sweep: every combination of one value per axis, numbered with the first axis
/// varying slowest (as `ExperimentPlan` numbers points). A point is a set of overrides, applied
/// after `--set` and a variant's.
public enum SweepGrid {
    /// Top-level keys a sweep cannot vary: they say what the experiment is, not how the
    /// system behaves.
    public static let unsweepable: Set<String> = ["name", "replications", "sweep", "variants", "assertions"]

    /// Why a sweep cannot vary `path`; nil when it can.
    public static func unsweepableMessage(_ path: String) -> String? {
        guard let key = OverridePath.firstKey(of: path), unsweepable.contains(key) else { return nil }
        return "a sweep cannot vary '\(key)': it says what the experiment is; sweep a field of the system, such as clients[name=web].rate"
    }

    /// Points of the grid: the product of the axes' value counts, `Int.max` when that does not
    /// fit (far over `SizeLimits.sweepPoints` then). 1 without axes: the scenario as written.
    public static func pointCount(_ axes: [SweepAxis]) -> Int {
        axes.reduce(1) { Saturating.product($0, $1.values.count) }
    }

    /// The overrides of the point that takes value `coordinates[a]` on axis `a`: one per axis, in
    /// axis order. `coordinates` holds one valid index per axis (`ExperimentPlan.coordinates`).
    public static func overrides(_ axes: [SweepAxis], at coordinates: [Int]) -> [Override] {
        zip(axes, coordinates).map { axis, index in Override(path: axis.path, value: axis.values[index]) }
    }

    /// An error, at `location`, for each bound of `SizeLimits` the sweep exceeds. `name` is how
    /// the message calls the sweep: `sweep` in a file, `--sweep` on the command line.
    public static func boundErrors(_ axes: [SweepAxis], name: String = "sweep", at location: SourceLocation) -> [Diagnostic] {
        var errors: [Diagnostic] = []
        if axes.count > SizeLimits.sweepAxes {
            errors.append(.error(
                "\(name) has \(CountText.grouped(axes.count)) paths, more than the \(CountText.grouped(SizeLimits.sweepAxes)) a sweep may vary",
                at: location))
        }
        let values = axes.reduce(0) { Saturating.sum($0, $1.values.count) }
        if values > SizeLimits.sweepValues {
            errors.append(.error(
                "\(name) lists \(CountText.grouped(values)) values in all, more than the \(CountText.grouped(SizeLimits.sweepValues)) a sweep may try",
                at: location))
        }
        let points = pointCount(axes)
        if points > SizeLimits.sweepPoints {
            let count = points == Int.max ? "more than \(CountText.grouped(Int.max))" : CountText.grouped(points)
            let factors = axes.count <= 10 ? " (" + axes.map { String($0.values.count) }.joined(separator: " × ") + " values)" : ""
            errors.append(.error(
                "\(name) makes a grid of \(count) points\(factors), more than the \(CountText.grouped(SizeLimits.sweepPoints)) "
                    + "meshsim runs; sweep fewer values or fewer paths at once",
                at: location))
        }
        return errors
    }
}
