import Engine

/// junit.xml: one test case per assertion, named by its text, with a `<failure>` carrying
/// the measured value for each that failed, so CI test reporters show the gate. Nothing in
/// it depends on the machine or the time (no timestamps, host names or durations).
public enum JUnitReport {
    public static func xml(_ r: RunResult) -> String {
        let failures = r.assertions.filter { !$0.passed }.count
        let counts = "tests=\"\(r.assertions.count)\" failures=\"\(failures)\""
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<testsuites \(counts)>",
            "  <testsuite name=\"\(escaped("meshsim " + r.scenarioName))\" \(counts)>",
        ]
        let classname = escaped("meshsim." + r.scenarioName)
        for verdict in r.assertions {
            let name = escaped(verdict.assertion.text)
            if verdict.passed {
                lines.append("    <testcase name=\"\(name)\" classname=\"\(classname)\"/>")
            } else {
                let message = "measured " + verdict.measured
                lines += [
                    "    <testcase name=\"\(name)\" classname=\"\(classname)\">",
                    "      <failure message=\"\(escaped(message))\">\(escaped(verdict.assertion.text + ": " + message))</failure>",
                    "    </testcase>",
                ]
            }
        }
        lines += ["  </testsuite>", "</testsuites>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Safe both in text and in double-quoted attributes, whitespace in attributes kept.
    static func escaped(_ text: String) -> String {
        HTMLText.escape(text, whitespaceAsReferences: true)
    }
}
