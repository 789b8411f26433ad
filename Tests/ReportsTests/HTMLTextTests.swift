import Testing
@testable import Reports

@Suite struct HTMLTextTests {
    @Test func escapesTheFiveCharactersThatEndTextOrAnAttribute() {
        #expect(HTMLText.escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(HTMLText.escape("a & \"b\" 'c'") == "a &amp; &quot;b&quot; &#39;c&#39;")
        #expect(HTMLText.escape("pay/v2 ✓") == "pay/v2 ✓")
    }

    /// XML 1.0 has no way to write U+0001 or U+000B, not even as a reference; a sweep value
    /// typed as `$'a\x01b'` reaches a chart's marker label, and the chart must still parse.
    @Test func charactersXMLCannotCarryBecomeTheReplacementCharacter() throws {
        #expect(HTMLText.escape("a\u{01}b\u{0B}c\u{FFFF}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
        #expect(HTMLText.escape("tab\tline\n") == "tab\tline\n")
        #expect(HTMLText.escape("tab\tline\n", whitespaceAsReferences: true) == "tab&#9;line&#10;")
        var chart = LineChart(title: "t\u{01}", xLabel: "x (s)", yLabel: "y (ms)")
        chart.lines = [ChartLine(label: "l\u{0B}", points: [ChartPoint(x: 0, y: 1), ChartPoint(x: 1, y: 2)], colour: 0)]
        chart.markers = [ChartMarker(x: 0.5, y: nil, kind: .event, label: "a\u{01}b")]
        let reading = try ChartReading(chart.svg())
        let line = try #require(reading.elements("polyline", className: "series").first)
        #expect(ChartReading.attribute("data-label", of: line) == "l\u{FFFD}")
    }

    @Test func tableCellsAreTheCSVCellsEscaped() {
        let table = HTMLTable.html(header: ["name", "count"], rows: [["<b>web</b>", "12"]])
        #expect(table.contains("<th>name</th><th>count</th>"))
        #expect(table.contains("<td>&lt;b&gt;web&lt;/b&gt;</td><td class=\"num\">12</td>"))
    }

    /// A 25,000-point sweep's table: the page shows 10,000 rows and says where the rest are.
    @Test func aTableShowsAtMostTenThousandRows() {
        let rows = (1...25_000).map { [String($0), "x"] }
        let table = HTMLTable.html(header: ["point", "name"], rows: rows)
        #expect(table.components(separatedBy: "<tr>").count - 1 == 1 + 10_000)
        #expect(table.contains("<tr><td class=\"num\">10000</td><td>x</td></tr></tbody>"))
        #expect(table.hasSuffix("</table><p>The first 10,000 of 25,000 rows; the CSV file has them all.</p></div>"))
        #expect(!HTMLTable.html(header: ["point"], rows: [["1"]]).contains("<p>"))
    }

    @Test func aPageEscapesItsTitleAndCarriesOnlyItsOwnScript() {
        var page = HTMLPage(title: "<script>alert(1)</script>")
        page.heading("<script>alert(1)</script>", level: 1)
        let html = page.html
        #expect(html.components(separatedBy: "<script").count == 2)
        #expect(html.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>"))
        // Nothing to fetch: no address at all in a page without charts.
        #expect(!html.contains("http"))
    }
}
