import Engine
import Experiments
import Scenario

/// outcomes.csv of a shard's partial folder: each unit's `UnitOutcome`, exactly. Integers are
/// written as integers and doubles by their shortest round-trip text, so the outcomes read
/// back are equal to those written and the merged reports are those of an unsharded run.
///
/// One row per fact, `unit,kind,…`: `run` (counted duration, rollout word), `scope` (one
/// summary row), `assertion` (one measurement), `mesh` (sidecar usage), `text` (printed text),
/// and without a sweep `clock` (duration, interval), `series` (one timeseries row, an empty
/// cell for a missing value) and `event` (one fault event).
public enum OutcomeCodec {
    public static func csv(_ outcomes: [UnitOutcome]) -> String {
        var table = CSVTable(header: ["unit", "kind", "fields"])
        for outcome in outcomes {
            let unit = String(outcome.unit)
            table.append([
                unit, "run", String(outcome.countedDuration), outcome.rollout ?? "", outcome.rollout == nil ? "0" : "1",
                String(outcome.proxyCost.cpu), String(outcome.proxyCost.memory),
            ])
            if let mesh = outcome.mesh {
                table.append([
                    unit, "mesh", String(mesh.proxies), String(mesh.sidecarPasses), String(mesh.addedLatency), String(mesh.clientRequests),
                    String(mesh.duration),
                ])
            }
            for row in outcome.summary {
                let c = row.counts
                var cells = [unit, "scope", row.scope.rawValue, row.name]
                cells += [c.requests, c.ok, c.errors, c.rateLimited, c.unauthorized, c.timeouts, c.overflows, c.retries, row.ejections, row.cacheHits].map { String($0) }
                if let l = row.latency {
                    cells += [l.p50, l.p90, l.p95, l.p99, l.p999, l.max].map { String($0) } + [String(l.mean)]
                }
                table.append(cells)
            }
            for measurement in outcome.assertions {
                let (kind, value): (String, String)
                switch measurement.value {
                case .number(let number): (kind, value) = ("number", String(number))
                case .word(let word): (kind, value) = ("word", word)
                case .absent(let reason): (kind, value) = ("absent", reason)
                }
                table.append([unit, "assertion", kind, value, measurement.text, measurement.passed ? "1" : "0"])
            }
            for (name, text) in outcome.texts.sorted(by: { $0.key < $1.key }) {
                table.append([unit, "text", name, text])
            }
            if outcome.duration != 0 || outcome.interval != 0 {
                table.append([unit, "clock", String(outcome.duration), String(outcome.interval)])
            }
            for row in outcome.timeseries {
                table.append([
                    unit, "series", String(row.end), row.scope.rawValue, row.name, String(row.requests), String(row.rps), String(row.ok),
                    String(row.errors), String(row.rateLimited), String(row.timeouts), optional(row.p50), optional(row.p99),
                    optional(row.ejected), optional(row.weight),
                ])
            }
            for event in outcome.events {
                table.append([unit, "event", String(event.time), event.kind, event.target, event.detail])
            }
        }
        return table.text
    }

    /// The outcomes in `text`, in the order written; nil with the line of the first row
    /// that is not one `csv` writes.
    public static func outcomes(_ text: String) -> Result<[UnitOutcome], Malformed> {
        guard let rows = CSVReader.rows(text), rows.first == ["unit", "kind", "fields"] else { return .failure(Malformed(line: 1)) }
        var outcomes: [UnitOutcome] = []
        for (offset, row) in rows.enumerated().dropFirst() {
            guard row.count >= 2, let unit = Int(row[0]), unit >= 0, read(row, unit: unit, into: &outcomes) else {
                return .failure(Malformed(line: offset + 1))
            }
        }
        return .success(outcomes)
    }

    public struct Malformed: Error, Sendable {
        public var line: Int
    }

    private static func read(_ row: [String], unit: Int, into outcomes: inout [UnitOutcome]) -> Bool {
        let fields = Array(row.dropFirst(2))
        if row[1] == "run" {
            guard fields.count == 5, let counted = Nanoseconds(fields[0]), counted >= 0, fields[2] == "0" || fields[2] == "1",
                  let cpu = finite(fields[3]), let memory = finite(fields[4]) else { return false }
            outcomes.append(UnitOutcome(
                unit: unit, summary: [], countedDuration: counted, rollout: fields[2] == "1" ? fields[1] : nil,
                proxyCost: Mesh.ProxyCost(cpu: cpu, memory: memory)))
            return true
        }
        guard outcomes.last?.unit == unit else { return false }
        switch row[1] {
        case "scope":
            guard let summary = scope(fields) else { return false }
            outcomes[outcomes.count - 1].summary.append(summary)
        case "assertion":
            guard fields.count == 4, fields[3] == "0" || fields[3] == "1" else { return false }
            let value: AssertionMeasurement.Value
            switch fields[0] {
            case "number":
                guard let number = finite(fields[1]) else { return false }
                value = .number(number)
            case "word": value = .word(fields[1])
            case "absent": value = .absent(fields[1])
            default: return false
            }
            outcomes[outcomes.count - 1].assertions.append(AssertionMeasurement(value: value, text: fields[2], passed: fields[3] == "1"))
        case "mesh":
            let numbers = fields.compactMap { Int64($0) }.filter { $0 >= 0 }
            guard fields.count == 5, numbers.count == 5, let proxies = Int(exactly: numbers[0]), let passes = Int(exactly: numbers[1]),
                  let requests = Int(exactly: numbers[3]) else { return false }
            outcomes[outcomes.count - 1].mesh = MeshUsage(
                proxies: proxies, sidecarPasses: passes, addedLatency: numbers[2], clientRequests: requests, duration: numbers[4])
        case "text":
            guard fields.count == 2 else { return false }
            outcomes[outcomes.count - 1].texts[fields[0]] = fields[1]
        case "clock":
            let times = fields.compactMap { Nanoseconds($0) }.filter { $0 >= 0 }
            guard fields.count == 2, times.count == 2 else { return false }
            outcomes[outcomes.count - 1].duration = times[0]
            outcomes[outcomes.count - 1].interval = times[1]
        case "series":
            guard let row = series(fields) else { return false }
            outcomes[outcomes.count - 1].timeseries.append(row)
        case "event":
            guard fields.count == 4, let time = Nanoseconds(fields[0]), time >= 0 else { return false }
            outcomes[outcomes.count - 1].events.append(EventRecord(time: time, kind: fields[1], target: fields[2], detail: fields[3]))
        default:
            return false
        }
        return true
    }

    private static func scope(_ fields: [String]) -> ScopeSummary? {
        guard fields.count == 12 || fields.count == 19, let kind = ScopeKind(rawValue: fields[0]) else { return nil }
        let numbers = fields[2..<12].compactMap { Int($0) }.filter { $0 >= 0 }
        guard numbers.count == 10 else { return nil }
        let counts = ScopeCounts(
            requests: numbers[0], ok: numbers[1], errors: numbers[2], rateLimited: numbers[3], unauthorized: numbers[4],
            timeouts: numbers[5], overflows: numbers[6], retries: numbers[7])
        var latency: LatencySummary?
        if fields.count == 19 {
            let times = fields[12..<18].compactMap { Nanoseconds($0) }.filter { $0 >= 0 }
            guard times.count == 6, let mean = finite(fields[18]) else { return nil }
            latency = LatencySummary(p50: times[0], p90: times[1], p95: times[2], p99: times[3], p999: times[4], max: times[5], mean: mean)
        }
        return ScopeSummary(scope: kind, name: fields[1], counts: counts, latency: latency, ejections: numbers[8], cacheHits: numbers[9])
    }

    private static func series(_ fields: [String]) -> TimeseriesRow? {
        guard fields.count == 13, let end = Nanoseconds(fields[0]), end >= 0, let kind = ScopeKind(rawValue: fields[1]),
              let rps = finite(fields[4]), rps >= 0 else { return nil }
        let counts = [fields[3], fields[5], fields[6], fields[7], fields[8]].compactMap { Int($0) }.filter { $0 >= 0 }
        guard counts.count == 5, let p50 = present(fields[9], { Nanoseconds($0) }), let p99 = present(fields[10], { Nanoseconds($0) }),
              let ejected = present(fields[11], { Int($0) }), let weight = present(fields[12], finite) else { return nil }
        guard (p50 ?? 0) >= 0, (p99 ?? 0) >= 0, (ejected ?? 0) >= 0 else { return nil }
        return TimeseriesRow(
            end: end, scope: kind, name: fields[2], requests: counts[0], rps: rps, ok: counts[1], errors: counts[2], rateLimited: counts[3],
            timeouts: counts[4], p50: p50, p99: p99, ejected: ejected, weight: weight)
    }

    /// A value's cell: its text, or empty when it is missing.
    private static func optional<Value: LosslessStringConvertible>(_ value: Value?) -> String {
        value.map { String($0) } ?? ""
    }

    /// The value of a cell `optional` wrote: .some(nil) for an empty cell, nil when the text
    /// does not parse.
    private static func present<Value>(_ text: String, _ parse: (String) -> Value?) -> Value?? {
        if text.isEmpty { return .some(nil) }
        return parse(text).map { .some($0) }
    }

    /// A run writes no count, duration or latency below 0 and no number that is not finite;
    /// a row with one was edited, and would average into reports no run gives.
    private static func finite(_ text: String) -> Double? {
        Double(text).flatMap { $0.isFinite ? $0 : nil }
    }
}
