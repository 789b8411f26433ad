/// The legend under the plot, inside the SVG: one entry per line, band, distinct window label
/// and marker kind, laid out in rows that wrap at the plot's width so it never covers data.
struct ChartLegend {
    private struct Entry {
        var label: String
        var swatch: (Double, Double) -> String
    }

    private var entries: [Entry] = []
    private static let rowHeight = 18.0
    /// Average advance of a legend character at 12 px, generous so that entries do not collide.
    private static let characterWidth = 7.0

    init(_ chart: LineChart) {
        let n = ChartFrame.number
        for line in chart.lines {
            let stroke = ChartPalette.strokeAttributes(colour: line.colour, dashed: line.dashed)
            entries.append(Entry(label: line.label) { x, y in "<line x1=\"\(n(x))\" y1=\"\(n(y))\" x2=\"\(n(x + 22))\" y2=\"\(n(y))\" \(stroke)/>" })
        }
        for band in chart.bands {
            let colour = ChartPalette.colour(band.colour)
            entries.append(Entry(label: band.label) { x, y in
                "<rect x=\"\(n(x))\" y=\"\(n(y - 5))\" width=\"22\" height=\"10\" fill=\"\(colour)\" fill-opacity=\"0.18\"/>"
            })
        }
        var windowLabels: [String] = []
        for window in chart.windows where !windowLabels.contains(window.label) { windowLabels.append(window.label) }
        for label in windowLabels {
            entries.append(Entry(label: label) { x, y in
                "<rect x=\"\(n(x))\" y=\"\(n(y - 6))\" width=\"22\" height=\"12\" fill=\"#000000\" fill-opacity=\"0.08\"/>"
            })
        }
        for kind in ChartMarker.Kind.allCases where kind != .event && chart.markers.contains(where: { $0.kind == kind }) {
            let colour = ChartPalette.colour(kind.colour)
            entries.append(Entry(label: kind.legendText) { x, y in ChartMarker.glyph(kind, cx: x + 11, cy: y, colour: colour) })
        }
    }

    /// Rows the entries take at this width (0 without entries).
    func rows(width: Double) -> Int {
        layout(width: width).last.map { $0.row + 1 } ?? 0
    }

    func height(width: Double) -> Double {
        Double(rows(width: width)) * Self.rowHeight
    }

    func svg(left: Double, top: Double, width: Double) -> String {
        var text = "<g class=\"legend\">"
        for (entry, place) in zip(entries, layout(width: width)) {
            let x = left + place.x
            let y = top + Double(place.row) * Self.rowHeight + Self.rowHeight / 2
            text += "<g class=\"legend-entry\">" + entry.swatch(x, y)
            text += "<text x=\"\(ChartFrame.number(x + 28))\" y=\"\(ChartFrame.number(y))\" dominant-baseline=\"middle\">"
                + "\(HTMLText.escape(entry.label))</text></g>"
        }
        return text + "</g>"
    }

    private func layout(width: Double) -> [(x: Double, row: Int)] {
        var places: [(x: Double, row: Int)] = []
        var x = 0.0
        var row = 0
        for entry in entries {
            let entryWidth = 28 + Double(entry.label.count) * Self.characterWidth + 18
            if x > 0, x + entryWidth > width {
                row += 1
                x = 0
            }
            places.append((x, row))
            x += entryWidth
        }
        return places
    }
}
