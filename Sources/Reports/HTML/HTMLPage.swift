/// A report page: one self-contained HTML document with the inline style and the inline
/// render check, built from blocks of body markup. No network access, no fonts to fetch,
/// no dates: the same blocks give the same bytes.
public struct HTMLPage: Sendable {
    public var title: String
    private var body: [String] = []

    public init(title: String) {
        self.title = title
    }

    /// Markup the caller built, escaped already (from HTMLText, HTMLTable, LineChart).
    public mutating func append(markup: String) {
        body.append(markup)
    }

    /// A heading of the given level (1…6) with escaped text.
    public mutating func heading(_ text: String, level: Int = 2) {
        let level = min(max(level, 1), 6)
        body.append("<h\(level)>\(HTMLText.escape(text))</h\(level)>")
    }

    public mutating func paragraph(_ text: String, className: String? = nil) {
        let attribute = className.map { " class=\"\(HTMLText.escape($0))\"" } ?? ""
        body.append("<p\(attribute)>\(HTMLText.escape(text))</p>")
    }

    /// Preformatted text, such as the terminal's mesh-cost block, escaped.
    public mutating func preformatted(_ text: String) {
        body.append("<pre>\(HTMLText.escape(text))</pre>")
    }

    /// A chart in a figure, so that print keeps it on one page.
    public mutating func chart(_ chart: LineChart) {
        body.append("<figure class=\"chart\">\(chart.svg())</figure>")
    }

    /// Blocks folded under a summary line (long tables such as events).
    public mutating func details(summary: String, markup: String) {
        body.append("<details><summary>\(HTMLText.escape(summary))</summary>\(markup)</details>")
    }

    public var html: String {
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>\(HTMLText.escape(title))</title>\n<style>\n\(PageStyle.css)</style>\n</head>\n<body>\n<main>\n"
            + body.joined(separator: "\n") + "\n</main>\n<script>\n\(RenderCheck.script)</script>\n</body>\n</html>\n"
    }
}
