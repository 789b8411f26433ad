import Experiments
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Reports
import Scenario
import Testing

/// junit.xml of an experiment and the judged ✓/✗/? lines, from judged assertions written
/// by hand.
@Suite struct ExperimentJUnitReportTests {
    private static let here = SourceLocation(file: "t.yaml", line: 3, column: 5)

    private static func judged(_ text: String, _ outcome: JudgedAssertion.Outcome, _ measured: String, advice: String? = nil) -> JudgedAssertion {
        // Only the text reaches the report; the parsed parts are placeholders.
        JudgedAssertion(
            assertion: Assertion(text: text, metric: .p99, op: .less, value: .duration(0), location: here),
            outcome: outcome, estimate: nil, measured: measured, advice: advice)
    }

    private static let interval = "212.000 ± 4.968 ms (95% CI 207.032 to 216.968 ms, 3 replications)"

    private static let cells: [(suiteSuffix: String, judged: [JudgedAssertion])] = [
        (" [replicas=2]", [
            judged("p99 < 220ms", .pass, interval),
            judged("p99 < 210ms", .inconclusive, interval, advice: "about 7 replications would likely decide it"),
        ]),
        (" [replicas=3]", [
            judged("p99 < 200ms", .fail, interval),
            judged("error_rate < 1% & more", .fail, "no requests in replication 2"),
        ]),
    ]

    @Test func inconclusiveIsSkippedUnderThePassPolicy() {
        let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites tests="4" failures="2" skipped="1">
              <testsuite name="meshsim shop [replicas=2]" tests="2" failures="0" skipped="1">
                <testcase name="p99 &lt; 220ms" classname="meshsim.shop [replicas=2]"/>
                <testcase name="p99 &lt; 210ms" classname="meshsim.shop [replicas=2]">
                  <skipped message="inconclusive: measured 212.000 ± 4.968 ms (95% CI 207.032 to 216.968 ms, 3 replications); about 7 replications would likely decide it"/>
                </testcase>
              </testsuite>
              <testsuite name="meshsim shop [replicas=3]" tests="2" failures="2" skipped="0">
                <testcase name="p99 &lt; 200ms" classname="meshsim.shop [replicas=3]">
                  <failure message="measured 212.000 ± 4.968 ms (95% CI 207.032 to 216.968 ms, 3 replications)">p99 &lt; 200ms: measured 212.000 ± 4.968 ms (95% CI 207.032 to 216.968 ms, 3 replications)</failure>
                </testcase>
                <testcase name="error_rate &lt; 1% &amp; more" classname="meshsim.shop [replicas=3]">
                  <failure message="measured no requests in replication 2">error_rate &lt; 1% &amp; more: measured no requests in replication 2</failure>
                </testcase>
              </testsuite>
            </testsuites>

            """
        #expect(ExperimentJUnitReport.xml(scenarioName: "shop", cells: Self.cells, policy: .pass) == expected)
    }

    @Test func inconclusiveFailsUnderTheFailPolicy() {
        let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites tests="2" failures="1" skipped="0">
              <testsuite name="meshsim shop" tests="2" failures="1" skipped="0">
                <testcase name="p99 &lt; 220ms" classname="meshsim.shop"/>
                <testcase name="p99 &lt; 210ms" classname="meshsim.shop">
                  <failure message="inconclusive: measured 212.000 ± 4.968 ms (95% CI 207.032 to 216.968 ms, 3 replications); about 7 replications would likely decide it">p99 &lt; 210ms: inconclusive: measured 212.000 ± 4.968 ms (95% CI 207.032 to 216.968 ms, 3 replications); about 7 replications would likely decide it</failure>
                </testcase>
              </testsuite>
            </testsuites>

            """
        #expect(ExperimentJUnitReport.xml(scenarioName: "shop", cells: [("", Self.cells[0].judged)], policy: .fail) == expected)
    }

    @Test func parsesAsXMLWithTheCountsAndNamesIntact() throws {
        let xml = ExperimentJUnitReport.xml(scenarioName: "a\"b <c>", cells: Self.cells, policy: .pass)
        let parser = XMLParser(data: Data(xml.utf8))
        let reader = ElementReader()
        parser.delegate = reader
        #expect(parser.parse())
        #expect(reader.elements.filter { $0.name == "testsuite" }.map(\.attributes) == [
            ["name": "meshsim a\"b <c> [replicas=2]", "tests": "2", "failures": "0", "skipped": "1"],
            ["name": "meshsim a\"b <c> [replicas=3]", "tests": "2", "failures": "2", "skipped": "0"],
        ])
        #expect(reader.elements.filter { $0.name == "testcase" }.compactMap { $0.attributes["name"] }
            == ["p99 < 220ms", "p99 < 210ms", "p99 < 200ms", "error_rate < 1% & more"])
        #expect(reader.elements.filter { $0.name == "skipped" }.compactMap { $0.attributes["message"] } == [
            "inconclusive: measured \(Self.interval); about 7 replications would likely decide it",
        ])
    }

    @Test func aCellWithoutAssertionsIsAnEmptySuite() {
        #expect(ExperimentJUnitReport.xml(scenarioName: "s", cells: [(" [x=1]", [])], policy: .fail) == """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites tests="0" failures="0" skipped="0">
              <testsuite name="meshsim s [x=1]" tests="0" failures="0" skipped="0">
              </testsuite>
            </testsuites>

            """)
    }

    @Test func terminalLinesMarkPassFailAndInconclusive() {
        let judged = Self.cells.flatMap(\.judged)
        #expect(JudgedAssertionList.render(judged) == """
            ✓ p99 < 220ms: pass, \(Self.interval)
            ? p99 < 210ms: inconclusive, \(Self.interval); about 7 replications would likely decide it
            ✗ p99 < 200ms: fail, \(Self.interval)
            ✗ error_rate < 1% & more: fail, no requests in replication 2
            """)
        #expect(JudgedAssertionList.renderUnsettled(judged, prefix: "canary: ") == """
            canary: ? p99 < 210ms: inconclusive, \(Self.interval); about 7 replications would likely decide it
            canary: ✗ p99 < 200ms: fail, \(Self.interval)
            canary: ✗ error_rate < 1% & more: fail, no requests in replication 2
            """)
        #expect(JudgedAssertionList.renderUnsettled([judged[0]], prefix: "x: ") == "")
    }
}

/// Every element's name and attributes, in document order.
private final class ElementReader: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append((element, attributes))
    }
}
