/// A span of the x axis shaded on the chart: a fault's window from its start to its end.
public struct ChartWindow: Sendable, Hashable {
    public var label: String
    public var from: Double
    public var to: Double

    public init(label: String, from: Double, to: Double) {
        self.label = label
        self.from = from
        self.to = to
    }

    /// `row` staggers the labels of overlapping windows so that they do not print over each other.
    func svg(_ frame: ChartFrame, row: Int) -> String {
        guard from.isFinite, to.isFinite else { return "" }
        let left = frame.px(max(min(from, to), frame.x.lo))
        let right = frame.px(min(max(from, to), frame.x.hi))
        guard right >= left else { return "" }
        let label = HTMLText.escape(self.label)
        let labelY = frame.top + 11 + Double(row % 3) * 12
        return "<g class=\"window\" data-label=\"\(label)\"><title>\(label)</title>"
            + "<rect x=\"\(ChartFrame.number(left))\" y=\"\(ChartFrame.number(frame.top))\" width=\"\(ChartFrame.number(max(right - left, 1)))\""
            + " height=\"\(ChartFrame.number(frame.plotHeight))\" fill=\"#000000\" fill-opacity=\"0.08\"/>"
            + "<text class=\"window-label\" x=\"\(ChartFrame.number(left + 3))\" y=\"\(ChartFrame.number(labelY))\">\(label)</text></g>"
    }
}
