import Experiments

/// What `meshsim capacity` prints: each value evaluated with its verdict, then the answer
/// with the values that bracket it and why the failing one failed:
/// `largest clients[name=web].rate at which every assertion holds: 610/s (passes at 610/s;
/// fails at 611/s: p99 < 300ms (measured 301.200 ms))`.
public enum CapacityLines {
    public static func render(path: String, range: VariedValue, steps: [CapacityStep], result: CapacityResult) -> String {
        var rows = [["step", path, "verdict", "failing"]]
        for step in steps {
            rows.append([String(step.step), range.text(step.value), step.verdict.rawValue, step.failing.joined(separator: "; ")])
        }
        var lines = [AlignedColumns.render(rows, textColumns: 4) + answer(path: path, range: range, steps: steps, result: result)]
        if !result.settled {
            lines.append("stopped after \(CapacitySearch.maximumSteps) steps, before the bracket narrowed to \(range.text(range.resolution)); narrow the range or give a coarser --resolution")
        }
        return lines.joined(separator: "\n")
    }

    private static func answer(path: String, range: VariedValue, steps: [CapacityStep], result: CapacityResult) -> String {
        func at(_ value: Int64) -> String {
            let failing = steps.last { $0.value == value }?.failing ?? []
            return failing.isEmpty ? range.text(value) : "\(range.text(value)): \(failing.joined(separator: "; "))"
        }
        let whole = "\(range.text(range.from)) to \(range.text(range.to))"
        switch result.kind {
        case .holdsOverRange:
            return "every assertion holds over the whole range of \(path), \(whole); the edge lies beyond it"
        case .failsOverRange:
            return "no \(path) from \(whole) passes (fails at \(at(range.from)); fails at \(at(range.to)))"
        case .inconclusiveOverRange:
            return "inconclusive over the whole range of \(path), \(whole) (at \(at(range.from)); at \(at(range.to))); more replications may decide"
        case .bracketed:
            break
        }
        let lead = "\(result.largest ? "largest" : "smallest") \(path) at which every assertion holds"
        guard let band = result.inconclusive else {
            guard let pass = result.lastPass, let fail = result.firstFail else { return lead + ": none found" }
            return "\(lead): \(range.text(pass)) (passes at \(range.text(pass)); fails at \(at(fail)))"
        }
        let inconclusive = band.nearPass == band.nearFail ? "at \(at(band.nearPass))" : "at \(at(band.nearPass)); at \(at(band.nearFail))"
        switch (result.lastPass, result.firstFail) {
        case let (pass?, fail?):
            return "\(lead): passes up to \(range.text(pass)), fails from \(at(fail)), inconclusive between (\(inconclusive))"
        case let (pass?, nil):
            return "\(lead): passes up to \(range.text(pass)), inconclusive from \(range.text(band.nearPass)) to the end of the range (\(inconclusive))"
        case let (nil, fail?):
            return "no \(path) in the range passes with confidence: inconclusive up to \(range.text(band.nearFail)), fails from \(at(fail)) (\(inconclusive))"
        case (nil, nil):
            return "inconclusive over the whole range of \(path), \(whole) (\(inconclusive)); more replications may decide"
        }
    }
}
