import Scenario
import Testing

/// Multi-document streams, as `kubectl apply -f` reads them (YAML 1.2, section 9.2).
@Suite struct YAMLStreamTests {
    private func kinds(_ text: String) throws -> [String] {
        try YAMLParser.parseStream(text, file: "m.yaml").map { node in
            guard case .mapping(let entries) = node.value, let kind = entries.first(where: { $0.key == "kind" }),
                case .scalar(let text, _) = kind.value.value else { return "?" }
            return text
        }
    }

    @Test func documentsSeparatedByMarkersWithEmptyOnesSkipped() throws {
        let text = """
            ---
            kind: A
            ---
            # only a comment
            ---
            kind: B
            ...
            ---
            kind: C
            """
        #expect(try kinds(text) == ["A", "B", "C"])
    }

    @Test func aBareFirstDocumentAndLocationsPerDocument() throws {
        let documents = try YAMLParser.parseStream("kind: A\n---\nkind: B\n", file: "m.yaml")
        #expect(documents.count == 2)
        #expect(documents[1].location == SourceLocation(file: "m.yaml", line: 3, column: 1))
    }

    @Test func anchorsBelongToTheirDocument() {
        // An alias may not refer to an anchor of an earlier document (YAML 1.2, 9.2).
        #expect(throws: Diagnostic.self) {
            try YAMLParser.parseStream("a: &x 1\n---\nb: *x\n", file: "m.yaml")
        }
    }

    @Test func aSingleDocumentFileStillRejectsASecondDocument() {
        #expect(throws: Diagnostic.self) { try YAMLParser.parse("a: 1\n---\nb: 2\n", file: "s.yaml") }
    }

    @Test func contentAfterTheRootIsStillAnError() {
        #expect(throws: Diagnostic.self) { try YAMLParser.parseStream("a: 1\n b: 2\n", file: "m.yaml") }
    }
}
