import Scenario
import Testing

/// Every rejected construct names the exact line:column of the offending character.
@Suite struct YAMLErrorTests: YAMLTreeBuilding {
    @Test func tabsInIndentation() {
        let message = "tabs are not allowed in indentation; use spaces"
        expectYAMLError("a:\n\tb: 1", 2, 1, message)
        expectYAMLError("a:\n  \tb: 2", 2, 3, message)
        expectYAMLError("- a\n\t- b", 2, 1, message)
        expectYAMLError("\tkey: 1", 1, 1, message)
    }

    @Test func tags() {
        expectYAMLError("a: !!str 5", 1, 4, "tags are not supported")
        expectYAMLError("- !foo x", 1, 3, "tags are not supported")
        expectYAMLError("!t a: 1", 1, 1, "tags are not supported")
        expectYAMLError("{a: !x b}", 1, 5, "tags are not supported")
    }

    @Test func secondDocument() {
        expectYAMLError("a: 1\n---\nb: 2", 2, 1, "only one document per file")
        expectYAMLError("---\na: 1\n--- \n", 3, 1, "only one document per file")
        expectYAMLError("a: 1\n...\nb: 2", 3, 1, "only one document per file")
        expectYAMLError("a: 1\n... x", 2, 5, "after the document end marker")
        expectYAMLError("%YAML 1.2\n---\na: 1", 1, 1, "directives")
    }

    @Test func complexKeys() {
        expectYAMLError("? a\n: b", 1, 1, "complex keys ('? ') are not supported")
        expectYAMLError("a: 1\n? b\n: c", 2, 1, "complex keys")
        expectYAMLError("{? a: 1}", 1, 2, "complex keys")
        expectYAMLError("a: ? b", 1, 4, "complex keys")
    }

    @Test func duplicateKeys() {
        expectYAMLError("a: 1\nb: 2\na: 3", 3, 1, "duplicate key 'a' (first defined on line 1)")
        expectYAMLError("{a: 1, a: 2}", 1, 8, "duplicate key 'a' (first defined on line 1)")
        expectYAMLError("x:\n  \"k\": 1\n  k: 2", 3, 3, "duplicate key 'k' (first defined on line 2)")
        expectYAMLError("- name: a\n  port: 1\n  name: b", 3, 3, "duplicate key 'name' (first defined on line 1)")
    }

    @Test func unknownAlias() {
        expectYAMLError("a: *nope", 1, 4, "unknown alias '*nope'")
        expectYAMLError("a: [*x]", 1, 5, "unknown alias '*x'")
        // An anchor is usable only after its node is complete, so a node cannot contain itself.
        expectYAMLError("a: &r [*r]", 1, 8, "unknown alias '*r'")
    }

    @Test func unterminatedQuotesAndFlowCollections() {
        expectYAMLError("a: \"abc", 1, 4, "unterminated double-quoted string")
        expectYAMLError("a: 'abc\nb: 1\n", 1, 4, "unterminated single-quoted string")
        expectYAMLError("a: [1, 2", 1, 4, "unterminated flow sequence")
        expectYAMLError("a: {x: 1,\n  y: 2\n", 1, 4, "unterminated flow mapping")
        expectYAMLError("k: [1, {a: 2]", 1, 13, "expected ',' or '}' in the flow mapping that starts at 1:8")
    }

    @Test func badIndentation() {
        expectYAMLError("a:\n    b: 1\n  c: 2", 3, 3, "bad indentation")
        expectYAMLError("a: 1\n  b: 2", 2, 3, "bad indentation")
        expectYAMLError("a:\n  b: 1\n c: 2", 3, 2, "bad indentation")
        expectYAMLError("- x: 1\n   y: 2", 2, 4, "bad indentation")
        expectYAMLError("a: \"x\"\n  b: 2", 2, 3, "bad indentation")
        expectYAMLError("key:\n  - a\n  b: 1", 3, 3, "expected a '- ' entry")
        expectYAMLError("a: 1\n- b", 2, 1, "sequence entry")
        expectYAMLError("  a: 1\nb: 2", 2, 1, "check the indentation")
    }

    @Test func missingColon() {
        expectYAMLError("a: 1\nb:2\nc: 3", 2, 1, "expected 'key: value'")
        expectYAMLError("name checkout\nseed: 1", 1, 1, "expected 'key: value'")
        expectYAMLError(": v", 1, 1, "a mapping key cannot be empty")
        expectYAMLError("{: v}", 1, 2, "a mapping key cannot be empty")
    }

    @Test func nonScalarKeys() {
        let message = "mapping keys must be scalars"
        expectYAMLError("[a, b]: c", 1, 1, message)
        expectYAMLError("x:\n  {a: 1}: c", 2, 3, message)
        expectYAMLError("x: 1\n[a]: 2", 2, 1, message)
        expectYAMLError("- [a]: b", 1, 3, message)
        expectYAMLError("{[a]: 1}", 1, 2, message)
        expectYAMLError("[{a: 1}: 2]", 1, 2, message)
        expectYAMLError("a: &x 1\n*x : 2", 2, 1, message)
    }

    @Test func misplacedStructure() {
        expectYAMLError("a: \"b\": c", 1, 7, "a mapping cannot start on the same line as its key")
        expectYAMLError("a: - b", 1, 4, "a block sequence cannot start on the same line")
        expectYAMLError("a: [1] x", 1, 8, "unexpected text after the value")
        expectYAMLError("a: ]", 1, 4, "unexpected ']'")
        expectYAMLError("[1, , 2]", 1, 5, "expected a value before ','")
        expectYAMLError("{a: 1 b: 2}", 1, 8, "expected ',' or '}'")
        expectYAMLError("[|a]", 1, 2, "block scalars")
    }

    @Test func badScalars() {
        expectYAMLError(#"a: "\q""#, 1, 5, "invalid escape sequence '\\q'")
        expectYAMLError(#"a: "\u12x""#, 1, 5, "expected 4 hexadecimal digits")
        expectYAMLError(#"a: "\ud800x""#, 1, 5, "surrogate")
        expectYAMLError("a: |x\n  b", 1, 5, "invalid block scalar header")
        expectYAMLError("a: &x &y 1", 1, 7, "only one anchor")
        expectYAMLError("a: &", 1, 4, "expected an anchor name")
    }

    @Test func excessiveNestingIsAnErrorNotACrash() {
        // The first node below the deepest allowed level is reported: the next '[' ...
        let levels = 100 // the documented limit
        #expect(yamlError(String(repeating: "[", count: levels) + String(repeating: "]", count: levels)) == nil)
        expectYAMLError(String(repeating: "[", count: 10_000), 1, levels + 1, "nesting is deeper than")
        // ... or the key 'a' inside the deepest allowed '{'.
        expectYAMLError(String(repeating: "{a: ", count: 10_000), 1, 4 * (levels - 1) + 2, "nesting is deeper than")
        #expect(yamlError(String(repeating: "- ", count: 10_000))?.message.contains("nesting") == true)
        let indented = (0..<1_000).map { String(repeating: " ", count: $0) + "k:\n" }.joined()
        #expect(yamlError(indented)?.message.contains("nesting") == true)
        #expect(yamlError(String(repeating: "&a\n", count: 10_000))?.message.contains("nesting") == true)
    }
}
