// TEMPORARY (lead): stand-ins until the helpers' branches land; deleted at merge.
import Engine
import Scenario

extension SweepAxis {
    static let commandLineFile = "--sweep"
    static func parse(_ text: String) throws(Diagnostic) -> SweepAxis {
        let override = try Overrides.parseAssignment(text)
        let parts = [override.path, String(text.dropFirst(override.path.count + 1))]
        guard parts.count == 2 else { throw .error("expected PATH=V1,V2,...", at: SourceLocation(file: "--sweep", line: 1, column: 1)) }
        var values: [YAMLNode] = []
        for value in parts[1].split(separator: ",") {
            values.append(try YAMLParser.parse(String(value), file: "--sweep"))
        }
        return SweepAxis(path: String(parts[0]), values: values, location: SourceLocation(file: "--sweep", line: 1, column: 1))
    }
}

extension YAMLNode {
    var flowText: String {
        if case .scalar(let text, _) = value { return text }
        return "?"
    }
}
