import Testing
@testable import Reports

@Suite struct HTMLTextTests {
    @Test func escapesTheFiveCharactersThatEndTextOrAnAttribute() {
        #expect(HTMLText.escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(HTMLText.escape("a & \"b\" 'c'") == "a &amp; &quot;b&quot; &#39;c&#39;")
        #expect(HTMLText.escape("pay/v2 ✓") == "pay/v2 ✓")
    }

    @Test func tableCellsAreTheCSVCellsEscaped() {
        let table = HTMLTable.html(header: ["name", "count"], rows: [["<b>web</b>", "12"]])
        #expect(table.contains("<th>name</th><th>count</th>"))
        #expect(table.contains("<td>&lt;b&gt;web&lt;/b&gt;</td><td class=\"num\">12</td>"))
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
