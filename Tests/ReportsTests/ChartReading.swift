/// Reads a chart back the way a person reads it: parses the SVG as XML, takes the tick labels'
/// numbers and positions, and turns a plotted vertex into values by interpolating between the
/// two nearest ticks. Nothing here calls the chart's own scale.
///
/// Parsed with the event-driven `XMLParser`, which fails on XML that is not well formed: the
/// tree-building `XMLDocument` of swift-corelibs-foundation leaks its libxml2 nodes, which
/// LeakSanitizer (`Fuzz/asan`) reports.

struct ChartReading {
    let root: ChartElement?
    /// (value printed, coordinate) of each tick label, in document order.
    let xTicks: [(value: Double, at: Double)]
    let yTicks: [(value: Double, at: Double)]

    init(_ svg: String) throws {
        root = try ChartElement.parse(svg)
        xTicks = Self.ticks(Self.elements(in: root, name: "text", className: "tick x"), axis: "x")
        yTicks = Self.ticks(Self.elements(in: root, name: "text", className: "tick y"), axis: "y")
    }

    /// Every SVG element of a page, each parsed on its own.
    static func charts(in page: String) throws -> [ChartReading] {
        var charts: [ChartReading] = []
        var rest = page[...]
        while let start = rest.range(of: "<svg "), let end = rest[start.lowerBound...].range(of: "</svg>") {
            charts.append(try ChartReading(String(rest[start.lowerBound..<end.upperBound])))
            rest = rest[end.upperBound...]
        }
        return charts
    }

    /// Every element named `name` (without namespace) whose class is `className` when given,
    /// in document order.
    func elements(_ name: String, className: String? = nil) -> [ChartElement] {
        Self.elements(in: root, name: name, className: className)
    }

    static func elements(in element: ChartElement?, name: String, className: String?) -> [ChartElement] {
        guard let element else { return [] }
        var found: [ChartElement] = []
        if element.name == name, className == nil || attribute("class", of: element) == className {
            found.append(element)
        }
        for child in element.children {
            found += elements(in: child, name: name, className: className)
        }
        return found
    }

    static func attribute(_ name: String, of element: ChartElement) -> String? {
        element.attributes[name]
    }

    var title: String { elements("text", className: "chart-title").first?.stringValue ?? "" }

    /// The polylines of one series, each as its vertices in SVG coordinates.
    func polylines(_ label: String) -> [[(x: Double, y: Double)]] {
        elements("polyline", className: "series").filter { Self.attribute("data-label", of: $0) == label }.map { line in
            (Self.attribute("points", of: line) ?? "").split(separator: " ").map { pair in
                let xy = pair.split(separator: ",").compactMap { Double($0) }
                return (xy.first ?? .nan, xy.last ?? .nan)
            }
        }
    }

    /// The value at SVG x coordinate `at`, read off the x ticks.
    func xValue(at: Double) -> Double { Self.interpolate(at, xTicks) }
    func yValue(at: Double) -> Double { Self.interpolate(at, yTicks) }

    private static func interpolate(_ at: Double, _ ticks: [(value: Double, at: Double)]) -> Double {
        guard ticks.count >= 2 else { return .nan }
        let (a, b) = (ticks[0], ticks[ticks.count - 1])
        return a.value + (at - a.at) / (b.at - a.at) * (b.value - a.value)
    }

    private static func ticks(_ labels: [ChartElement], axis: String) -> [(value: Double, at: Double)] {
        labels.compactMap { element in
            guard let value = Double(element.stringValue ?? ""),
                let at = Double(attribute(axis, of: element) ?? "")
            else { return nil }
            return (value, at)
        }
    }
}
