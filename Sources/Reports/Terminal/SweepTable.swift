import Engine
import Experiments

/// The table a sweep prints: one line per point × setup for the total scope, the point's
/// values first, then requests, error %, p50 and p99 (mean ± 95% half-width with
/// replications), and the cell's verdict when the scenario has assertions.
public enum SweepTable {
    /// Without replications.
    public static func render(axes: [String], cells: [SingleRunCell]) -> String {
        let verdicts = cells.contains { $0.verdict != nil }
        let rows = cells.map { cell -> [String] in
            let total = cell.summary.first { $0.scope == .total }
            let values = total.map { row in
                [
                    String(row.counts.requests), SummaryTable.errorPercent(row.counts),
                    row.latency.map { NumberFormat.milliseconds($0.p50) } ?? "-",
                    row.latency.map { NumberFormat.milliseconds($0.p99) } ?? "-",
                ]
            } ?? ["-", "-", "-", "-"]
            return leading(cell.point, cell.variant) + values + (verdicts ? [cell.verdict ?? ""] : [])
        }
        return table(axes: axes, variants: cells.contains { $0.variant != nil }, verdicts: verdicts, rows: rows)
    }

    /// With replications, after the title line naming N.
    public static func render(axes: [String], cells: [ReplicatedCell], replications: Int) -> String {
        let verdicts = cells.contains { $0.verdict != nil }
        let rows = cells.map { cell -> [String] in
            let total = cell.estimates.first { $0.scope == .total }
            return leading(cell.point, cell.variant) + [
                IntervalText.cell(total?[.requests], places: IntervalText.countPlaces),
                IntervalText.cell(total?[.errorRate], places: IntervalText.percentPlaces, scale: 100),
                IntervalText.cell(total?[.p50], places: IntervalText.millisecondPlaces),
                IntervalText.cell(total?[.p99], places: IntervalText.millisecondPlaces),
            ] + (verdicts ? [cell.verdict ?? ""] : [])
        }
        return IntervalText.title(replications: replications)
            + table(axes: axes, variants: cells.contains { $0.variant != nil }, verdicts: verdicts, rows: rows)
    }

    private static func leading(_ point: [String], _ variant: String?) -> [String] {
        point + (variant.map { [$0] } ?? [])
    }

    private static func table(axes: [String], variants: Bool, verdicts: Bool, rows: [[String]]) -> String {
        let header = axes + (variants ? ["setup"] : []) + ["requests", "error %", "p50 ms", "p99 ms"] + (verdicts ? ["verdict"] : [])
        return AlignedColumns.render([header] + rows, textColumns: axes.count + (variants ? 1 : 0))
    }
}
