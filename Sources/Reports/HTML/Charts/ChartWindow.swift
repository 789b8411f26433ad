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

    /// The label rows above the plot, one per window: each label starts at its window's left
    /// edge, in the first row (of two) where it does not run into the label before it; nil
    /// when neither has room (the legend and the window's tooltip still name it).
    static func labelRows(_ windows: [ChartWindow], _ frame: ChartFrame) -> [Int?] {
        var rowEnds = [-Double.infinity, -Double.infinity]
        return windows.map { window in
            guard window.from.isFinite, window.to.isFinite else { return nil }
            let left = frame.px(max(min(window.from, window.to), frame.x.lo))
            guard let row = rowEnds.firstIndex(where: { $0 <= left }) else { return nil }
            rowEnds[row] = left + Double(window.label.count) * labelCharacterWidth + 8
            return row
        }
    }

    /// Average advance of a label character at 10 px.
    private static let labelCharacterWidth = 6.0

    /// Shaded from `from` to `to` over the plot's height; the label, when it has a row, above the
    /// plot where it covers no data.
    func svg(_ frame: ChartFrame, row: Int?) -> String {
        guard from.isFinite, to.isFinite else { return "" }
        let left = frame.px(max(min(from, to), frame.x.lo))
        let right = frame.px(min(max(from, to), frame.x.hi))
        guard right >= left else { return "" }
        let label = HTMLText.escape(self.label)
        var text = "<g class=\"window\" data-label=\"\(label)\"><title>\(label)</title>"
            + "<rect x=\"\(ChartFrame.number(left))\" y=\"\(ChartFrame.number(frame.top))\" width=\"\(ChartFrame.number(max(right - left, 1)))\""
            + " height=\"\(ChartFrame.number(frame.plotHeight))\" fill=\"#000000\" fill-opacity=\"0.08\"/>"
        if let row {
            text += "<line x1=\"\(ChartFrame.number(left))\" y1=\"\(ChartFrame.number(frame.top - 4 - Double(row) * 12))\""
                + " x2=\"\(ChartFrame.number(left))\" y2=\"\(ChartFrame.number(frame.top))\" stroke=\"#999999\" stroke-width=\"1\"/>"
                + "<text class=\"window-label\" x=\"\(ChartFrame.number(left + 3))\" y=\"\(ChartFrame.number(frame.top - 4 - Double(row) * 12))\">"
                + "\(label)</text>"
        }
        return text + "</g>"
    }
}
