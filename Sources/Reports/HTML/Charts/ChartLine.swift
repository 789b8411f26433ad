/// One series of a `LineChart`. `colour` indexes the Okabe–Ito palette; `dashed` tells a
/// companion series apart (p50 under its p99); `step` holds each value until the next point
/// (a route weight changes at an instant and stays).
public struct ChartLine: Sendable, Hashable {
    public var label: String
    public var points: [ChartPoint]
    public var colour: Int
    public var dashed: Bool
    public var step: Bool

    public init(label: String, points: [ChartPoint], colour: Int, dashed: Bool = false, step: Bool = false) {
        self.label = label
        self.points = points
        self.colour = colour
        self.dashed = dashed
        self.step = step
    }

    /// Runs of consecutive points with a finite y, as drawn (a step line gains the corner
    /// vertices); each run becomes one polyline.
    func segments() -> [[(x: Double, y: Double)]] {
        var runs: [[(x: Double, y: Double)]] = []
        var current: [(x: Double, y: Double)] = []
        for point in points {
            guard let y = point.y, y.isFinite, point.x.isFinite else {
                if !current.isEmpty { runs.append(current) }
                current = []
                continue
            }
            if step, let last = current.last { current.append((point.x, last.y)) }
            current.append((point.x, y))
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// The line's height at `x` as drawn: interpolated between the vertices around it, or the
    /// nearest vertex's outside them; nil for a line with nothing to draw. Puts a marker on the line.
    func y(at x: Double) -> Double? {
        let vertices = segments()
        for run in vertices {
            for (a, b) in zip(run, run.dropFirst()) where a.x <= x && x <= b.x {
                return b.x > a.x ? a.y + (x - a.x) / (b.x - a.x) * (b.y - a.y) : b.y
            }
        }
        return vertices.joined().min { abs($0.x - x) < abs($1.x - x) }?.y
    }

    func svg(_ frame: ChartFrame) -> String {
        let style = ChartPalette.strokeAttributes(colour: colour, dashed: dashed)
        let label = HTMLText.escape(self.label)
        var text = ""
        for run in segments() {
            let coordinates = run.map { ChartFrame.number(frame.px($0.x)) + "," + ChartFrame.number(frame.py($0.y)) }
            text += "<polyline class=\"series\" data-label=\"\(label)\" points=\"\(coordinates.joined(separator: " "))\" \(style)/>"
            // A lone point draws no line: a dot shows it.
            if run.count == 1, let only = run.first {
                text += "<circle class=\"dot\" cx=\"\(ChartFrame.number(frame.px(only.x)))\" cy=\"\(ChartFrame.number(frame.py(only.y)))\""
                    + " r=\"2.5\" fill=\"\(ChartPalette.colour(colour))\"/>"
            }
        }
        return text
    }
}
