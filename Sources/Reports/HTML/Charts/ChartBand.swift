/// A shaded interval around a line, such as the 95% confidence interval of a mean across
/// replications; drawn under the lines in the line's colour.
public struct ChartBand: Sendable {
    public var label: String
    public var points: [(x: Double, low: Double, high: Double)]
    public var colour: Int

    public init(label: String, points: [(x: Double, low: Double, high: Double)], colour: Int) {
        self.label = label
        self.points = points
        self.colour = colour
    }

    var finitePoints: [(x: Double, low: Double, high: Double)] {
        points.filter { $0.x.isFinite && $0.low.isFinite && $0.high.isFinite }
    }

    func svg(_ frame: ChartFrame) -> String {
        let kept = finitePoints
        guard !kept.isEmpty else { return "" }
        let upper = kept.map { ChartFrame.number(frame.px($0.x)) + "," + ChartFrame.number(frame.py($0.high)) }
        let lower = kept.reversed().map { ChartFrame.number(frame.px($0.x)) + "," + ChartFrame.number(frame.py($0.low)) }
        return "<polygon class=\"band\" data-label=\"\(HTMLText.escape(label))\" points=\"\((upper + lower).joined(separator: " "))\""
            + " fill=\"\(ChartPalette.colour(colour))\" fill-opacity=\"0.18\" stroke=\"none\"/>"
    }
}
