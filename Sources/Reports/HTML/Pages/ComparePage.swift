import Engine
import Scenario

/// report.html at the top of a plain compare's folder: the setups overlaid on the same axes,
/// the mesh-cost block, compare.csv as a table, and a link to each setup's own report.html.
///
/// Built only from what an experiment keeps of each run (summary, timeseries, fault events,
/// assertions, mesh usage, proxy cost; plus the scenario's name, seed and duration), so that
/// `meshsim merge` of a sharded compare writes the same bytes as the compare itself.
public enum ComparePage {
    public static func html(scenarioName: String, seed: UInt64, duration: Nanoseconds, setups: [CompareSetup]) -> String {
        var page = HTMLPage(title: "meshsim compare: \(scenarioName)")
        page.heading("\(scenarioName): compare", level: 1)
        page.paragraph(
            "seed \(seed) · duration \(NumberFormat.seconds(duration)) s · \(setups.count) setup\(setups.count == 1 ? "" : "s")"
                + " on identical traffic · meshsim \(MeshsimVersion.current)",
            className: "meta")
        page.append(markup: "<ul class=\"setups\">" + setups.map(setupLine).joined() + "</ul>")
        let cost = MeshCostLines.render(setups)
        if !cost.isEmpty {
            page.heading("Mesh cost")
            page.preformatted(cost)
        }
        page.heading("Over time (all clients)")
        for chart in charts(setups, duration: duration) { page.chart(chart) }
        page.heading("Compare (compare.csv)")
        page.append(markup: HTMLTable.html(header: CompareReport.header, rows: CompareReport.rows(setups)))
        return page.html
    }

    /// The setup's name linking to its own page, and whether its assertions held.
    static func setupLine(_ setup: CompareSetup) -> String {
        let verdict = RunPage.verdict(setup.result.assertions) ?? "no assertions"
        return "<li><a href=\"\(link(setup.name))\">\(HTMLText.escape(setup.name))</a>: \(verdict)</li>"
    }

    /// Total p99 and p50, requests/s and errors/s, one colour per setup.
    static func charts(_ setups: [CompareSetup], duration: Nanoseconds) -> [LineChart] {
        let end = setups.map { $0.result.timeseries.last?.end ?? 0 }.max() ?? 0
        let range = 0...max(TimeAxis.seconds(max(end, duration)), 1e-9)
        let windows = sharedWindows(setups, runEnd: range.upperBound)
        func chart(_ title: String, _ yLabel: String) -> LineChart {
            var chart = LineChart(title: title, xLabel: TimeAxis.label, yLabel: yLabel)
            chart.xRange = range
            chart.windows = windows
            return chart
        }
        var latency = chart("Latency p99 (solid) and p50 (dashed)", "latency (ms)")
        var requests = chart("Requests per second", "requests/s")
        var errors = chart("Errors per second", "errors/s")
        for (index, setup) in setups.enumerated() {
            let rows = setup.result.timeseries.filter { $0.scope == .total }
            let x = rows.map { TimeAxis.seconds($0.end) }
            func line(_ suffix: String, _ ys: [Double?], dashed: Bool = false) -> ChartLine {
                ChartLine(label: setup.name + suffix, points: zip(x, ys).map { ChartPoint(x: $0, y: $1) }, colour: index, dashed: dashed)
            }
            latency.lines.append(line(" p99", rows.map { $0.p99.map(TimeAxis.milliseconds) }))
            latency.lines.append(line(" p50", rows.map { $0.p50.map(TimeAxis.milliseconds) }, dashed: true))
            requests.lines.append(line("", rows.map(\.rps)))
            let seconds = TimeAxis.intervalSeconds(setup.result, rows)
            errors.lines.append(line("", zip(rows, seconds).map { row, length in length > 0 ? Double(row.errors) / length : nil }))
        }
        // Variants may change the warmup or the duration: the widest counted span of any setup.
        let warmup = setups.map(\.result.warmup).min() ?? 0
        return [latency, requests, errors].map { TimeAxis.counted($0, warmup: warmup, duration: duration) }
    }

    /// Each setup's fault windows; a window every setup has is drawn once under its own name,
    /// one only some setups have is named after them.
    static func sharedWindows(_ setups: [CompareSetup], runEnd: Double) -> [ChartWindow] {
        let perSetup = setups.map { FaultWindows.windows($0.result.events, runEnd: runEnd) }
        var windows: [ChartWindow] = []
        for (setup, own) in zip(setups, perSetup) {
            for window in own {
                let everywhere = perSetup.allSatisfy { $0.contains(window) }
                var drawn = window
                if !everywhere { drawn.label = "\(setup.name): \(window.label)" }
                if !windows.contains(drawn) { windows.append(drawn) }
            }
        }
        return windows
    }

    /// The setup's report.html relative to this page, each byte outside RFC 3986's unreserved
    /// characters percent-encoded (a setup name is a folder name, not a URL).
    static func link(_ setup: String) -> String {
        var path = ""
        for byte in setup.utf8 {
            let unreserved = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E
            path += unreserved ? String(UnicodeScalar(byte)) : "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
        }
        return path + "/report.html"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
