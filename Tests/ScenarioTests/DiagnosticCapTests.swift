import Testing
@testable import Scenario

/// A file with thousands of wrong entries reports the first `shownDiagnostics` in file order
/// and counts the rest (issue 16: a 400,000-item list printed 400,000 errors).
struct DiagnosticCapTests {
    private func scenario(clients: Int) -> String {
        "name: t\nduration: 10s\nservices: { a: {} }\nclients:\n" + String(repeating: "  - 1\n", count: clients)
    }

    @Test func theFirstHundredErrorsAreKeptInFileOrderAndTheRestCounted() {
        let loaded = ScenarioLoader.load(text: scenario(clients: 250), file: "s.yaml")
        #expect(loaded.scenario == nil)
        #expect(loaded.diagnostics.count == 100)
        #expect(loaded.diagnostics.first?.description == "s.yaml:5:5: error: clients[0] must be a mapping, not '1'")
        #expect(loaded.diagnostics.last?.description == "s.yaml:104:5: error: clients[99] must be a mapping, not '1'")
        #expect(loaded.omittedErrors == 150)
        #expect(loaded.omittedNote == "150 more errors not shown")
    }

    @Test func exactlyAHundredErrorsNeedNoNote() {
        let loaded = ScenarioLoader.load(text: scenario(clients: 100), file: "s.yaml")
        #expect(loaded.diagnostics.count == 100)
        #expect(loaded.omittedNote == nil)
        #expect(ScenarioLoader.load(text: scenario(clients: 101), file: "s.yaml").omittedNote == "1 more error not shown")
    }

    /// eval and compare print only the errors: 150 warnings early in a file must not take
    /// the places of the errors after them.
    @Test func warningsNeverCrowdOutTheErrors() {
        let at = { (line: Int) in SourceLocation(file: "s.yaml", line: line, column: 1) }
        let warnings = (1...150).map { Diagnostic.warning("w\($0)", at: at($0)) }
        let errors = (151...152).map { Diagnostic.error("e\($0)", at: at($0)) }
        let loaded = ScenarioLoader.Loaded(scenario: nil, found: warnings + errors)
        #expect(loaded.errors.map(\.message) == ["e151", "e152"])
        #expect(loaded.warnings.count == 100 && loaded.warnings.last?.message == "w100")
        #expect(loaded.omittedNote == "50 more warnings not shown")
    }
}
