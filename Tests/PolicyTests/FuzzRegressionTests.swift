import Foundation
import Policy
import Scenario
import Testing

/// Inputs on which the fuzz target (Fuzz/ScenarioFuzzTarget.swift) crashed, hung or ran out
/// of memory, found by libFuzzer or written by hand, kept in Fuzz/regressions/ and loaded as
/// the target loads them: leading `#set PATH=VALUE` lines are `--set` overrides, and the whole
/// file is the scenario. Each must now end in the diagnostics written here, as
/// `meshsim run --set …` would print them.
@Suite struct FuzzRegressionTests {
    /// Written by hand; the target ran out of memory (over 2 GB): ten aliases per level of
    /// eight levels in one 700-character argument, 10^8 scalars. The alias that passes the
    /// bound is one of l3's, on the argument's only line.
    @Test func nestedAliasesInASetValue() throws {
        let diagnostics = try Self.diagnostics("set-value-nested-aliases.yaml")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("--set:1:") == true)
        #expect(diagnostics.first?.contains(": error: aliases repeat more than 100000 nodes") == true)
    }

    /// Written by hand; the target took over 200 s: 16 KB that alias 2,000 clients of 2,000
    /// requests each (4 million request templates). The alias that passes the bound is one of
    /// the clients on line 6.
    @Test func clientsAndRequestsRepeatedByAliases() throws {
        let name = "aliased-clients-and-requests.yaml"
        let diagnostics = try Self.diagnostics(name)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("\(name):6:") == true)
        #expect(diagnostics.first?.contains(": error: aliases repeat more than 100000 nodes") == true)
    }

    @Test func everyInputHasATest() throws {
        #expect(try FileManager.default.contentsOfDirectory(atPath: Self.folder).sorted() == [
            "aliased-clients-and-requests.yaml",
            "set-value-nested-aliases.yaml",
        ])
    }

    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/regressions").path

    static func text(_ name: String) throws -> String {
        try String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8)
    }

    static func diagnostics(_ name: String) throws -> [String] {
        let text = try text(name)
        var overrides: [Override] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("#set ") else { break }
            do {
                overrides.append(try Overrides.parseAssignment(String(line.dropFirst("#set ".count))))
            } catch {
                return [error.description]
            }
        }
        let loaded = ScenarioLoader.load(text: text, file: name, overrides: overrides)
        var diagnostics = loaded.diagnostics
        if let scenario = loaded.scenario {
            diagnostics += PolicyLint.diagnostics(scenario)
        }
        return diagnostics.map(\.description)
    }
}
