/// The geometry of one chart: where the plot sits in the SVG, the ranges its axes span, and
/// the mapping from values to SVG coordinates; draws the axes, their ticks and labels.
struct ChartFrame: Sendable {
    static let width = 760.0
    let left = 70.0
    /// Under the title, and under the rows of window labels when there are some.
    let top: Double
    let plotHeight = 240.0
    var plotWidth: Double { Self.width - left - 18 }
    var bottom: Double { top + plotHeight }
    var right: Double { left + plotWidth }

    let x: (lo: Double, hi: Double)
    let y: (lo: Double, hi: Double)
    let xTicks: NiceTicks
    let yTicks: NiceTicks

    init(_ chart: LineChart, labelRows: Int = 0) {
        top = 34 + Double(labelRows) * 12
        var xs: [Double] = chart.lines.flatMap { $0.segments().flatMap { $0.map(\.x) } }
        var ys: [Double] = chart.lines.flatMap { $0.segments().flatMap { $0.map(\.y) } }
        for band in chart.bands {
            let kept = band.finitePoints
            xs += kept.map(\.x)
            ys += kept.map(\.low) + kept.map(\.high)
        }
        ys += chart.markers.compactMap { marker in marker.y.flatMap { $0.isFinite ? $0 : nil } }
        var x = (lo: xs.min() ?? 0, hi: xs.max() ?? 1)
        if let range = chart.xRange, range.lowerBound.isFinite, range.upperBound.isFinite { x = (range.lowerBound, range.upperBound) }
        if x.hi <= x.lo { x.hi = x.lo + 1 }
        // A value axis starts at zero so that heights compare; negative data extends it down.
        var yLo = min(0, ys.min() ?? 0)
        var yHi = max(yLo, ys.max() ?? 1)
        // Markers need headroom to stay clear of the top edge and of an event's label: counts
        // get a unit (and whole ticks), other values 8%.
        if chart.wholeNumbers {
            yHi = max(yHi.rounded(.up) + 1, 5)
        } else if !chart.markers.isEmpty {
            yHi += (yHi - yLo) * 0.08
        }
        if yHi <= yLo { yHi = yLo + 1 }
        let yTicks = NiceTicks.covering(yLo, yHi)
        yLo = min(yLo, yTicks.values.first ?? yLo)
        yHi = max(yHi, yTicks.values.last ?? yHi)
        self.x = x
        self.y = (yLo, yHi)
        self.xTicks = NiceTicks.within(x.lo, x.hi)
        self.yTicks = yTicks
    }

    func px(_ value: Double) -> Double {
        left + (value - x.lo) / (x.hi - x.lo) * plotWidth
    }

    func py(_ value: Double) -> Double {
        bottom - (value - y.lo) / (y.hi - y.lo) * plotHeight
    }

    /// A coordinate as SVG text: two decimals at most, locale-free, the same on every machine.
    static func number(_ value: Double) -> String {
        NumberFormat.compact(value, places: 2)
    }

    /// Grid, axes, tick labels (`class="tick x"` / `"tick y"`: their text and position give the
    /// mapping a reader, or a test, can check a point against), axis labels and the title.
    func axes(title: String, xLabel: String, yLabel: String) -> String {
        let n = Self.number
        var text = "<g class=\"axes\">"
        for value in yTicks.values {
            let y = n(py(value))
            text += "<line class=\"grid\" x1=\"\(n(left))\" y1=\"\(y)\" x2=\"\(n(right))\" y2=\"\(y)\"/>"
            text += "<text class=\"tick y\" x=\"\(n(left - 6))\" y=\"\(y)\" text-anchor=\"end\" dominant-baseline=\"middle\">"
                + "\(yTicks.label(value))</text>"
        }
        for value in xTicks.values {
            let x = n(px(value))
            text += "<line class=\"tick-mark\" x1=\"\(x)\" y1=\"\(n(bottom))\" x2=\"\(x)\" y2=\"\(n(bottom + 5))\"/>"
            text += "<text class=\"tick x\" x=\"\(x)\" y=\"\(n(bottom + 18))\" text-anchor=\"middle\">\(xTicks.label(value))</text>"
        }
        text += "<path class=\"axis\" d=\"M\(n(left)),\(n(top)) L\(n(left)),\(n(bottom)) L\(n(right)),\(n(bottom))\" fill=\"none\"/>"
        text += "<text class=\"axis-label x\" x=\"\(n(left + plotWidth / 2))\" y=\"\(n(bottom + 38))\" text-anchor=\"middle\">"
            + "\(HTMLText.escape(xLabel))</text>"
        text += "<text class=\"axis-label y\" x=\"14\" y=\"\(n(top + plotHeight / 2))\" text-anchor=\"middle\""
            + " transform=\"rotate(-90 14 \(n(top + plotHeight / 2)))\">\(HTMLText.escape(yLabel))</text>"
        text += "<text class=\"chart-title\" x=\"\(n(left))\" y=\"20\">\(HTMLText.escape(title))</text>"
        return text + "</g>"
    }
}
