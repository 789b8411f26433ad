import Scenario
import struct Scenario.SourceLocation
import Testing

/// Builders for expected YAML trees, so tests can state exact values and locations. Suites
/// adopt the protocol to use them unqualified without adding names to the whole test module.
protocol YAMLTreeBuilding {}

extension YAMLTreeBuilding {
    var yamlTestFile: String { "test.yaml" }

    func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: yamlTestFile, line: line, column: column)
    }

    func plain(_ text: String, _ line: Int, _ column: Int) -> YAMLNode {
        YAMLNode(.scalar(text, quoted: false), at: at(line, column))
    }

    func quoted(_ text: String, _ line: Int, _ column: Int) -> YAMLNode {
        YAMLNode(.scalar(text, quoted: true), at: at(line, column))
    }

    func sequence(_ line: Int, _ column: Int, _ items: YAMLNode...) -> YAMLNode {
        YAMLNode(.sequence(items), at: at(line, column))
    }

    func mapping(_ line: Int, _ column: Int, _ entries: YAMLEntry...) -> YAMLNode {
        YAMLNode(.mapping(entries), at: at(line, column))
    }

    func entry(_ key: String, _ line: Int, _ column: Int, _ value: YAMLNode) -> YAMLEntry {
        YAMLEntry(key: key, keyLocation: at(line, column), value: value)
    }

    func parseYAML(_ text: String) throws(Diagnostic) -> YAMLNode {
        try YAMLParser.parse(text, file: yamlTestFile)
    }

    /// The diagnostic that parsing `text` fails with, or nil if it parses.
    func yamlError(_ text: String) -> Diagnostic? {
        do {
            _ = try parseYAML(text)
            return nil
        } catch {
            return error
        }
    }

    /// Checks that `text` fails at exactly `line:column` with a message containing `fragment`.
    func expectYAMLError(
        _ text: String, _ line: Int, _ column: Int, _ fragment: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        guard let diagnostic = yamlError(text) else {
            Issue.record("expected an error for \(text.debugDescription)", sourceLocation: sourceLocation)
            return
        }
        #expect(diagnostic.severity == .error, sourceLocation: sourceLocation)
        #expect(diagnostic.location == at(line, column), "\(diagnostic)", sourceLocation: sourceLocation)
        #expect(diagnostic.message.contains(fragment), "\(diagnostic)", sourceLocation: sourceLocation)
    }

    /// A location-free rendering: plain scalars bare, quoted ones in double quotes, `[…]`, `{k: v}`.
    func render(_ node: YAMLNode) -> String {
        switch node.value {
        case .scalar(let text, let quoted):
            return quoted ? text.debugDescription : text
        case .sequence(let items):
            return "[" + items.map(render).joined(separator: ", ") + "]"
        case .mapping(let entries):
            return "{" + entries.map { "\($0.key): \(render($0.value))" }.joined(separator: ", ") + "}"
        }
    }
}
