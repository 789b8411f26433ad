/// A line chart as inline SVG: axes with nice ticks and units, the Okabe–Ito palette, shaded
/// windows, bands, markers, and a legend under the plot. Deterministic text: the same chart
/// gives the same bytes. Every label is escaped.
///
/// Tick labels are `<text class="tick x|y">` whose number and x (resp. y) attribute give the
/// mapping; each run of a line without gaps is one `<polyline class="series" data-label=…>`.
public struct LineChart: Sendable {
    public var title: String
    /// Labels carry units: "t (s)", "p99 (ms)".
    public var xLabel: String
    public var yLabel: String
    public var lines: [ChartLine] = []
    /// 95% intervals and the like, drawn under the lines.
    public var bands: [ChartBand] = []
    /// Fault windows, shaded under everything else.
    public var windows: [ChartWindow] = []
    public var markers: [ChartMarker] = []
    /// The x axis's span; nil takes the data's extent (time charts pass 0...run end).
    public var xRange: ClosedRange<Double>?
    /// The y values are counts (instances ejected): ticks at whole numbers.
    public var wholeNumbers = false

    public init(title: String, xLabel: String, yLabel: String) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// True when some line has a point to draw or some band a finite point.
    public var hasData: Bool {
        lines.contains { !$0.segments().isEmpty } || bands.contains { !$0.finitePoints.isEmpty }
    }

    public func svg() -> String {
        guard hasData else { return emptySVG() }
        let labelRows = ChartWindow.labelRows(windows, ChartFrame(self))
        let frame = ChartFrame(self, labelRows: (labelRows.compactMap { $0 }.max() ?? -1) + 1)
        let legend = ChartLegend(self)
        let legendTop = frame.bottom + 52
        let height = legendTop + legend.height(width: frame.plotWidth) + 8
        var text = open(height: height)
        for (window, row) in zip(windows, labelRows) { text += window.svg(frame, row: row) }
        text += frame.axes(title: title, xLabel: xLabel, yLabel: yLabel)
        for band in bands { text += band.svg(frame) }
        for line in lines { text += line.svg(frame) }
        for marker in markers { text += marker.svg(frame) }
        text += legend.svg(left: frame.left, top: legendTop, width: frame.plotWidth)
        return text + "</svg>"
    }

    /// A chart with nothing to plot says so instead of drawing empty axes.
    private func emptySVG() -> String {
        open(height: 72) + "<text class=\"chart-title\" x=\"70\" y=\"20\">\(HTMLText.escape(title))</text>"
            + "<text class=\"no-data\" x=\"70\" y=\"50\">No data to show: nothing was measured for this chart.</text></svg>"
    }

    private func open(height: Double) -> String {
        let w = ChartFrame.number(ChartFrame.width)
        let h = ChartFrame.number(height)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\""
            + " role=\"img\" aria-label=\"\(HTMLText.escape(title))\">"
    }
}
