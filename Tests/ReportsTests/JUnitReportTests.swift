import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Engine
import Reports
import Scenario

/// junit.xml and the ✓/✗ lines, from verdicts written by hand.
struct JUnitReportTests {
    private static let here = SourceLocation(file: "t.yaml", line: 3, column: 5)

    private static func verdict(_ text: String, _ measured: String, passed: Bool) -> AssertionVerdict {
        // Only the text reaches the report; the parsed parts are placeholders.
        AssertionVerdict(
            assertion: Assertion(text: text, metric: .p99, op: .less, value: .duration(0), location: here),
            measured: measured, passed: passed)
    }

    private static let verdicts = [
        verdict("p99 < 300ms", "212.345 ms", passed: true),
        verdict("p99{client=web&co} < 300ms", "412.031 ms", passed: false),
        verdict("error_rate < 1%", "3.20%", passed: false),
        verdict("rollout == promoted", "promoted", passed: true),
    ]

    private static func run(_ name: String, _ verdicts: [AssertionVerdict]) -> RunResult {
        RunResult(
            scenarioName: name, seed: 1, endTime: 0, summary: [], timeseries: [], events: [], responses: [],
            assertions: verdicts)
    }

    @Test func exactText() {
        let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites tests="4" failures="2">
              <testsuite name="meshsim shop &lt;eu&gt;" tests="4" failures="2">
                <testcase name="p99 &lt; 300ms" classname="meshsim.shop &lt;eu&gt;"/>
                <testcase name="p99{client=web&amp;co} &lt; 300ms" classname="meshsim.shop &lt;eu&gt;">
                  <failure message="measured 412.031 ms">p99{client=web&amp;co} &lt; 300ms: measured 412.031 ms</failure>
                </testcase>
                <testcase name="error_rate &lt; 1%" classname="meshsim.shop &lt;eu&gt;">
                  <failure message="measured 3.20%">error_rate &lt; 1%: measured 3.20%</failure>
                </testcase>
                <testcase name="rollout == promoted" classname="meshsim.shop &lt;eu&gt;"/>
              </testsuite>
            </testsuites>

            """
        #expect(JUnitReport.xml(Self.run("shop <eu>", Self.verdicts)) == expected)
    }

    @Test func parsesAsXMLWithTheTextsAndCountsIntact() throws {
        let data = Data(JUnitReport.xml(Self.run("q\"uote's & <tab>\there", Self.verdicts)).utf8)
        let parser = XMLParser(data: data)
        let reader = JUnitReader()
        parser.delegate = reader
        #expect(parser.parse())
        #expect(reader.suites == [["name": "meshsim q\"uote's & <tab>\there", "tests": "4", "failures": "2"]])
        #expect(reader.cases == ["p99 < 300ms", "p99{client=web&co} < 300ms", "error_rate < 1%", "rollout == promoted"])
        #expect(reader.classnames == Set(["meshsim.q\"uote's & <tab>\there"]))
        #expect(reader.failures == [
            ["measured 412.031 ms", "p99{client=web&co} < 300ms: measured 412.031 ms"],
            ["measured 3.20%", "error_rate < 1%: measured 3.20%"],
        ])
    }

    @Test func charactersXMLCannotCarryBecomeReplacementCharacters() {
        #expect(JUnitReport.xml(Self.run("a\u{1}b\u{FFFE}", [])).contains("<testsuite name=\"meshsim a\u{FFFD}b\u{FFFD}\" tests=\"0\" failures=\"0\">"))
        #expect(JUnitReport.xml(Self.run("a\r\nb", [])).contains("name=\"meshsim a&#13;&#10;b\""))
    }

    @Test func runReportsAddJUnitOnlyWithAssertions() {
        let with = RunReports.files(for: Self.run("t", Self.verdicts))
        #expect(with.map(\.name) == ["summary.csv", "timeseries.csv", "events.csv", "responses.csv", "junit.xml", "report.html"])
        #expect(with.first { $0.name == "junit.xml" }?.contents == JUnitReport.xml(Self.run("t", Self.verdicts)))
        #expect(
            RunReports.files(for: Self.run("t", [])).map(\.name) == ["summary.csv", "timeseries.csv", "events.csv", "responses.csv", "report.html"])
    }

    @Test func terminalLinesMarkEachAssertion() {
        #expect(AssertionList.render(Self.verdicts) == """
            ✓ p99 < 300ms (measured 212.345 ms)
            ✗ p99{client=web&co} < 300ms (measured 412.031 ms)
            ✗ error_rate < 1% (measured 3.20%)
            ✓ rollout == promoted (measured promoted)
            """)
        #expect(AssertionList.renderFailures(Self.verdicts, prefix: "canary: ") == """
            canary: ✗ p99{client=web&co} < 300ms (measured 412.031 ms)
            canary: ✗ error_rate < 1% (measured 3.20%)
            """)
        #expect(AssertionList.renderFailures([Self.verdicts[0]], prefix: "x: ") == "")
    }
}

/// Collects what a JUnit reporter reads: suites' attributes, test case names and class
/// names, and each failure's message and text.
private final class JUnitReader: NSObject, XMLParserDelegate {
    var suites: [[String: String]] = []
    var cases: [String] = []
    var classnames: Set<String> = []
    var failures: [[String]] = []
    private var failureText: String?

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch element {
        case "testsuite": suites.append(attributes)
        case "testcase":
            cases.append(attributes["name"] ?? "?")
            classnames.insert(attributes["classname"] ?? "?")
        case "failure":
            failures.append([attributes["message"] ?? "?"])
            failureText = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        failureText? += string
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        if element == "failure", let text = failureText, !failures.isEmpty {
            failures[failures.count - 1].append(text)
            failureText = nil
        }
    }
}
