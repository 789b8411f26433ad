import Scenario
import Testing

@Suite struct YAMLFlowTests: YAMLTreeBuilding {
    @Test func flowSequenceAndMappingWithLocations() throws {
        #expect(try parseYAML("a: [1, two, \"three\"]\nb: {x: 1, 'y': z}") == mapping(1, 1,
            entry("a", 1, 1, sequence(1, 4, plain("1", 1, 5), plain("two", 1, 8), quoted("three", 1, 13))),
            entry("b", 2, 1, mapping(2, 4,
                entry("x", 2, 5, plain("1", 2, 8)),
                entry("y", 2, 11, plain("z", 2, 16))))))
    }

    @Test func nestedFlowSpanningLinesWithComments() throws {
        let yaml = """
            a: { x: [1, 2,   # first two
                    3], y: {z: w},
                 }
            b: 1
            """
        #expect(try parseYAML(yaml) == mapping(1, 1,
            entry("a", 1, 1, mapping(1, 4,
                entry("x", 1, 6, sequence(1, 9, plain("1", 1, 10), plain("2", 1, 13), plain("3", 2, 9))),
                entry("y", 2, 13, mapping(2, 16, entry("z", 2, 17, plain("w", 2, 20)))))),
            entry("b", 4, 1, plain("1", 4, 4))))
    }

    @Test func emptyValuesPairsAndTrailingCommas() throws {
        #expect(try parseYAML("{a, b: , c: ~, d: null}") == mapping(1, 1,
            entry("a", 1, 2, plain("", 1, 3)),
            entry("b", 1, 5, plain("", 1, 7)),
            entry("c", 1, 10, plain("", 1, 13)),
            entry("d", 1, 16, plain("null", 1, 19))))
        #expect(try parseYAML("[a: 1, b, [], {}, ]") == sequence(1, 1,
            mapping(1, 2, entry("a", 1, 2, plain("1", 1, 5))),
            plain("b", 1, 8),
            sequence(1, 11),
            mapping(1, 15)))
    }

    @Test func parenthesesGroupInsideFlowCollections() throws {
        #expect(try parseYAML("{ latency: mix(90%: 1ms, 10%: 2ms), x: 1 }") == mapping(1, 1,
            entry("latency", 1, 3, plain("mix(90%: 1ms, 10%: 2ms)", 1, 12)),
            entry("x", 1, 37, plain("1", 1, 40))))
        #expect(try parseYAML("[lognormal(20ms, 120ms), 5ms]") == sequence(1, 1,
            plain("lognormal(20ms, 120ms)", 1, 2), plain("5ms", 1, 26)))
        // An unclosed parenthesis stops at the closing bracket rather than swallowing the file.
        #expect(try parseYAML("[f(1, 2]") == sequence(1, 1, plain("f(1, 2", 1, 2)))
    }

    @Test func colonsWithoutSpaceStayInPlainScalars() throws {
        #expect(try parseYAML("{ url: http://x:80/p, k: a:b, c:d }") == mapping(1, 1,
            entry("url", 1, 3, plain("http://x:80/p", 1, 8)),
            entry("k", 1, 23, plain("a:b", 1, 26)),
            entry("c:d", 1, 31, plain("", 1, 35))))
    }

    @Test func multiLinePlainScalarInFlow() throws {
        #expect(try parseYAML("[a\n  b,\n c\n\n d]") == sequence(1, 1, plain("a b", 1, 2), plain("c\nd", 3, 2)))
    }

    @Test func jsonDocument() throws {
        let json = """
            {
            \t"name": "checkout",
            \t"seed": 42,
            \t"ratio": -1.5e3,
            \t"on": [true, false, null],
            \t"nested": {"k": "\\u00fcber \\"x\\"", "empty": {}, "list": []},
            \t"path": "a/b:c"
            }
            """
        let node = try parseYAML(json)
        #expect(render(node) == #"{name: "checkout", seed: 42, ratio: -1.5e3, on: [true, false, null], nested: {k: "über \"x\"", empty: {}, list: []}, path: "a/b:c"}"#)
        #expect(node.location == at(1, 1))
        guard case .mapping(let entries) = node.value, entries.count == 6 else {
            Issue.record("expected six entries")
            return
        }
        #expect(entries[1].keyLocation == at(3, 2))
        #expect(entries[1].value == plain("42", 3, 10))
    }

    @Test func compactJSON() throws {
        #expect(try parseYAML(#"{"a":1,"b":[true,{"c":"d"}],"e":"f"}"#) == mapping(1, 1,
            entry("a", 1, 2, plain("1", 1, 6)),
            entry("b", 1, 8, sequence(1, 12, plain("true", 1, 13), mapping(1, 18, entry("c", 1, 19, quoted("d", 1, 23))))),
            entry("e", 1, 29, quoted("f", 1, 33))))
        #expect(try parseYAML(#"["x",[1,[2]]]"#) == sequence(1, 1,
            quoted("x", 1, 2), sequence(1, 6, plain("1", 1, 7), sequence(1, 9, plain("2", 1, 10)))))
    }

    @Test func flowCollectionsInsideBlockStructure() throws {
        let yaml = """
            requests:
              - { weight: 70, method: GET, headers: { x-canary: "true" } }
              - {weight: 30, path: /api/users}
            """
        #expect(render(try parseYAML(yaml)) == #"{requests: [{weight: 70, method: GET, headers: {x-canary: "true"}}, {weight: 30, path: /api/users}]}"#)
    }
}
