/// The suite's figures, each against the issue's target, as a terminal table and as
/// BENCHMARKS.md.
struct BenchmarkReport {
    enum Verdict {
        case pass
        case fail
        /// The figure could not be measured; the reason is in the value column.
        case unavailable
        /// A figure with no target of its own.
        case info

        var text: String {
            switch self {
            case .pass: "pass"
            case .fail: "FAIL"
            case .unavailable: "n/a"
            case .info: ""
            }
        }
    }

    struct Row {
        var measurement: String
        var value: String
        var target: String
        var verdict: Verdict
    }

    var machine: Machine
    var rows: [Row] = []
    /// How each figure was measured, one paragraph each.
    var notes: [String] = []

    mutating func add(_ measurement: String, _ value: String, target: String = "", _ verdict: Verdict = .info) {
        rows.append(Row(measurement: measurement, value: value, target: target, verdict: verdict))
    }

    mutating func add(_ measurement: String, _ value: String, target: String, passes: Bool) {
        add(measurement, value, target: target, passes ? .pass : .fail)
    }

    var terminalText: String {
        let header = ["measurement", "value", "target", "result"]
        let cells = rows.map { [$0.measurement, $0.value, $0.target, $0.verdict.text] }
        let widths = header.indices.map { column in ([header] + cells).map { $0[column].count }.max() ?? 0 }
        let lines = ([header] + cells).map { row in
            zip(row, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }
                .joined(separator: "  ").trimmingTrailingSpaces()
        }
        return (lines + ["", machineLine]).joined(separator: "\n")
    }

    var markdown: String {
        let table = rows.map { "| \($0.measurement) | \($0.value) | \($0.target) | \($0.verdict.text) |" }
        return """
            # Benchmarks

            Measured by `Benchmarks/run` (see README.md, section Benchmarks) in one run on one machine.
            Regenerate with the same command; figures from another machine are not comparable.

            \(machineLine)

            | measurement | value | target | result |
            |---|---|---|---|
            \(table.joined(separator: "\n"))

            ## How each figure is measured

            \(notes.joined(separator: "\n\n"))

            """
    }

    private var machineLine: String {
        "Machine: \(machine.cpu), \(machine.cores) cores; \(machine.system); \(machine.swift); \(machine.date); "
            + "load average \(machine.load) at the start."
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
