import Experiments

/// `mean ± half-width` cells of the terminal tables of experiments with replications.
enum IntervalText {
    /// The line above such a table.
    static func title(replications: Int) -> String {
        "\(replications) replications, 95% intervals (Student t)\n"
    }

    /// "-" without an estimate, the mean alone when one value gives no interval; `scale`
    /// multiplies both (100 for a rate shown in percent).
    static func cell(_ estimate: Estimate?, places: Int, scale: Double = 1) -> String {
        guard let e = estimate else { return "-" }
        let mean = NumberFormat.decimal(e.mean * scale, places: places)
        guard let halfWidth = e.halfWidth else { return mean }
        return mean + " ± " + NumberFormat.decimal(halfWidth * scale, places: places)
    }

    /// Decimals of the tables' columns: counts averaged to a tenth, percentages to a
    /// hundredth (as the one-run tables), milliseconds to the microsecond.
    static let countPlaces = 1
    static let percentPlaces = 2
    static let millisecondPlaces = 3
}
