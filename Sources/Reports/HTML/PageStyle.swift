/// The inline style of every report page: system fonts only (nothing to fetch), readable on
/// a screen and on paper (print drops the backgrounds, keeps charts whole, and gives each
/// solid series a dash pattern so that a grey print still tells lines apart).
enum PageStyle {
    static let css = """
        :root { color-scheme: light; }
        body { margin: 0; background: #ffffff; color: #1a1a1a; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 980px; margin: 0 auto; padding: 16px 20px 40px; }
        h1 { font-size: 1.5em; margin: 0.4em 0 0.2em; overflow-wrap: anywhere; }
        h2 { font-size: 1.2em; margin: 1.6em 0 0.4em; border-bottom: 1px solid #d0d0d0; padding-bottom: 2px; }
        p.meta { margin: 0.2em 0; color: #444444; }
        p.verdict, ul.setups { font-weight: 600; margin: 0.4em 0; }
        .ok { color: #006b4f; }
        .fail { color: #b34700; }
        pre { background: #f5f5f5; padding: 8px; overflow-x: auto; font: 12px/1.4 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
        figure.chart { margin: 12px 0; }
        svg.chart { display: block; max-width: 100%; height: auto; font-family: inherit; }
        svg.chart text { font-size: 12px; fill: #1a1a1a; }
        svg.chart text.tick { font-size: 11px; fill: #444444; }
        svg.chart text.chart-title { font-size: 14px; font-weight: 600; }
        svg.chart text.window-label, svg.chart text.marker-label { font-size: 10px; fill: #555555; }
        svg.chart text.no-data { fill: #666666; font-style: italic; }
        svg.chart line.grid { stroke: #e3e3e3; stroke-width: 1; }
        svg.chart line.tick-mark, svg.chart path.axis { stroke: #555555; stroke-width: 1; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; font-size: 12px; margin: 6px 0; }
        th, td { border: 1px solid #d0d0d0; padding: 2px 6px; text-align: left; white-space: nowrap; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        th { background: #f0f0f0; }
        details { margin: 8px 0; }
        summary { cursor: pointer; }
        a { color: #0057a0; }
        @media print {
          body { font-size: 11px; }
          main { max-width: none; padding: 0; }
          figure.chart, table, pre { break-inside: avoid; }
          pre { white-space: pre-wrap; }
          th { background: none; }
          polyline[data-style~="c1"] { stroke-dasharray: 9 3; }
          polyline[data-style~="c2"] { stroke-dasharray: 2 2; }
          polyline[data-style~="c3"] { stroke-dasharray: 9 3 2 3; }
          polyline[data-style~="c4"] { stroke-dasharray: 14 4; }
          polyline[data-style~="c5"] { stroke-dasharray: 4 2 1 2; }
          polyline[data-style~="c6"] { stroke-dasharray: 1 3; }
          polyline[data-style~="c7"] { stroke-dasharray: 12 3 2 3 2 3; }
        }

        """
}
