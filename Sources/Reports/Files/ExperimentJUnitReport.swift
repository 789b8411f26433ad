import Experiments

/// junit.xml of an experiment: one test suite per cell (`meshsim <scenario>` and the cell's
/// suffix: ` [canary]` for a compare setup, ` [replicas=2, rate=100]` for a sweep point),
/// one test case per assertion, as `JUnitReport` writes a single run's. A failed assertion
/// carries a `<failure>`; an inconclusive one a `<failure>` under `--inconclusive fail`, so
/// that CI stops, and a `<skipped>` under `--inconclusive pass`, so that CI shows it
/// without failing. Nothing in it depends on the machine or the time.
public enum ExperimentJUnitReport {
    public static func xml(
        scenarioName: String, cells: [(suiteSuffix: String, judged: [JudgedAssertion])], policy: InconclusivePolicy
    ) -> String {
        let all = cells.flatMap(\.judged)
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<testsuites \(counts(all, policy))>",
        ]
        for cell in cells {
            let name = scenarioName + cell.suiteSuffix
            lines.append("  <testsuite name=\"\(JUnitReport.escaped("meshsim " + name))\" \(counts(cell.judged, policy))>")
            let classname = JUnitReport.escaped("meshsim." + name)
            for judged in cell.judged {
                lines += testcase(judged, classname: classname, policy: policy)
            }
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func testcase(_ judged: JudgedAssertion, classname: String, policy: InconclusivePolicy) -> [String] {
        let name = JUnitReport.escaped(judged.assertion.text)
        let opening = "    <testcase name=\"\(name)\" classname=\"\(classname)\""
        let measured = "measured " + judged.measured
        let message: String
        switch judged.outcome {
        case .pass: return [opening + "/>"]
        case .fail: message = measured
        case .inconclusive:
            message = "inconclusive: " + measured + (judged.advice.map { "; " + $0 } ?? "")
            if policy == .pass {
                return [opening + ">", "      <skipped message=\"\(JUnitReport.escaped(message))\"/>", "    </testcase>"]
            }
        }
        let text = JUnitReport.escaped(judged.assertion.text + ": " + message)
        return [opening + ">", "      <failure message=\"\(JUnitReport.escaped(message))\">\(text)</failure>", "    </testcase>"]
    }

    private static func counts(_ judged: [JudgedAssertion], _ policy: InconclusivePolicy) -> String {
        let failed = judged.filter { $0.outcome == .fail }.count
        let inconclusive = judged.filter { $0.outcome == .inconclusive }.count
        let skipped = policy == .pass ? inconclusive : 0
        return "tests=\"\(judged.count)\" failures=\"\(failed + inconclusive - skipped)\" skipped=\"\(skipped)\""
    }
}
