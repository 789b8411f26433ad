/// Something that happened at one instant: an ejection, an analysis check, a promotion.
/// With `y` the marker is a symbol at (x, y); with `y` nil a vertical line across the plot.
public struct ChartMarker: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case eject, uneject, passed, failed, event

        /// The legend's words for the kind.
        var legendText: String {
            switch self {
            case .eject: "ejection"
            case .uneject: "un-ejection"
            case .passed: "check passed"
            case .failed: "check failed"
            case .event: "event"
            }
        }

        /// Palette index: bad news vermillion, good news green, neutral black.
        var colour: Int {
            switch self {
            case .eject, .failed: 5
            case .uneject, .passed: 2
            case .event: 7
            }
        }
    }

    public var x: Double
    public var y: Double?
    public var kind: Kind
    public var label: String

    public init(x: Double, y: Double?, kind: Kind, label: String) {
        self.x = x
        self.y = y
        self.kind = kind
        self.label = label
    }

    func svg(_ frame: ChartFrame) -> String {
        guard x.isFinite, x >= frame.x.lo, x <= frame.x.hi else { return "" }
        let label = HTMLText.escape(self.label)
        let colour = ChartPalette.colour(kind.colour)
        let cx = frame.px(x)
        let open = "<g class=\"marker \(kind.rawValue)\" data-label=\"\(label)\"><title>\(label)</title>"
        guard let y, y.isFinite else {
            let line = "<line x1=\"\(ChartFrame.number(cx))\" y1=\"\(ChartFrame.number(frame.top))\" x2=\"\(ChartFrame.number(cx))\""
                + " y2=\"\(ChartFrame.number(frame.bottom))\" stroke=\"\(colour)\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>"
            // Only a named event carries its words on the plot; the other kinds say theirs in the legend.
            let words = kind == .event
                ? "<text class=\"marker-label\" x=\"\(ChartFrame.number(cx - 4))\" y=\"\(ChartFrame.number(frame.top + 11))\" text-anchor=\"end\">\(label)</text>"
                : ""
            return open + line + words + "</g>"
        }
        return open + Self.glyph(kind, cx: cx, cy: frame.py(y), colour: colour) + "</g>"
    }

    /// A shape per kind, so that a grey print still tells them apart.
    static func glyph(_ kind: Kind, cx: Double, cy: Double, colour: String) -> String {
        let n = ChartFrame.number
        switch kind {
        case .eject:
            return "<path d=\"M\(n(cx - 5)),\(n(cy - 4)) L\(n(cx + 5)),\(n(cy - 4)) L\(n(cx)),\(n(cy + 5)) Z\" fill=\"\(colour)\"/>"
        case .uneject:
            return "<path d=\"M\(n(cx - 5)),\(n(cy + 4)) L\(n(cx + 5)),\(n(cy + 4)) L\(n(cx)),\(n(cy - 5)) Z\" fill=\"\(colour)\"/>"
        case .passed:
            return "<circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"4\" fill=\"#ffffff\" stroke=\"\(colour)\" stroke-width=\"2\"/>"
        case .failed:
            return "<path d=\"M\(n(cx - 4)),\(n(cy - 4)) L\(n(cx + 4)),\(n(cy + 4)) M\(n(cx - 4)),\(n(cy + 4)) L\(n(cx + 4)),\(n(cy - 4))\""
                + " stroke=\"\(colour)\" stroke-width=\"2.5\" fill=\"none\"/>"
        case .event:
            return "<rect x=\"\(n(cx - 3.5))\" y=\"\(n(cy - 3.5))\" width=\"7\" height=\"7\" fill=\"\(colour)\"/>"
        }
    }
}
