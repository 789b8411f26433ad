/// One point of a chart line; `y` nil leaves a gap (an interval without a request has no p99).
public struct ChartPoint: Sendable, Hashable {
    public var x: Double
    public var y: Double?

    public init(x: Double, y: Double?) {
        self.x = x
        self.y = y
    }
}
