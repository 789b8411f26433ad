import Testing
@testable import Scenario
import struct Scenario.SourceLocation

/// `--sweep PATH=V1,V2,...`: values split at the commas outside brackets, braces and quotes,
/// each read as YAML, with columns counted in the whole argument.
@Suite struct SweepArgumentTests {
    private func at(_ column: Int) -> SourceLocation {
        SourceLocation(file: "--sweep", line: 1, column: column)
    }

    private func plain(_ text: String, _ column: Int) -> YAMLNode {
        YAMLNode(.scalar(text, quoted: false), at: at(column))
    }

    @Test func valuesAreSplitAtCommas() throws {
        let axis = try SweepArgument.parse("a.b=1,2,3")
        #expect(axis.path == "a.b")
        #expect(axis.values == [plain("1", 5), plain("2", 7), plain("3", 9)])
        #expect(axis.location == at(1))
    }

    @Test func commasInsideBracketsBelongToTheValue() throws {
        let axis = try SweepArgument.parse("x=[1,2],[3]")
        #expect(axis.values == [
            YAMLNode(.sequence([plain("1", 4), plain("2", 6)]), at: at(3)),
            YAMLNode(.sequence([plain("3", 10)]), at: at(9)),
        ])
        let mappings = try SweepArgument.parse("x={a: 1, b: 2},{a: 3}")
        #expect(mappings.values.map(\.flowText) == ["{a: 1, b: 2}", "{a: 3}"])
    }

    /// `it's` has an apostrophe inside a plain scalar, not a quote.
    @Test func commasInsideQuotesBelongToTheValue() throws {
        let axis = try SweepArgument.parse(#"x="a,b",'c,d',it's,['e,f', "g\",h"]"#)
        #expect(axis.values.count == 4)
        #expect(axis.values[0] == YAMLNode(.scalar("a,b", quoted: true), at: at(3)))
        #expect(axis.values[1] == YAMLNode(.scalar("c,d", quoted: true), at: at(9)))
        #expect(axis.values[2] == plain("it's", 15))
        #expect(axis.values[3].flowText == #"["e,f", "g\",h"]"#)
    }

    @Test func aBlankAfterACommaKeepsTheValuesColumn() throws {
        let axis = try SweepArgument.parse("clients[name=web].rate=200/s, 400/s")
        #expect(axis.path == "clients[name=web].rate")
        #expect(axis.values == [plain("200/s", 24), plain("400/s", 31)])
    }

    @Test(arguments: [
        ("a.b", 1, "expected PATH=V1,V2,..., for example clients[name=web].rate=200/s,400/s"),
        ("a.b=", 5, "missing values after '=' in a.b=; list them separated by commas: a.b=V1,V2,..."),
        ("a.b=1,,2", 7, "value 2 of a.b is empty; separate the values with single commas"),
        ("a.b=1,", 7, "value 2 of a.b is empty; separate the values with single commas"),
        ("a..b=1", 3, "invalid path \"a..b\": empty key before '.'"),
    ])
    func malformedArgumentsSayWhereAndWhy(text: String, column: Int, message: String) {
        #expect(throws: Diagnostic.error(message, at: at(column))) {
            try SweepArgument.parse(text)
        }
    }

    /// The YAML parser's error in the second value is moved to its column in the argument:
    /// `[2` starts at offset 4 of `x=1,[2`.
    @Test func aValueThatIsNotYAMLIsReportedInTheArgument() {
        var alone: Diagnostic?
        do { _ = try YAMLParser.parse("[2", file: "--sweep") } catch { alone = error }
        guard let alone else {
            Issue.record("[2 parsed")
            return
        }
        #expect(throws: Diagnostic.error(alone.message, at: at(alone.location.column + 4))) {
            try SweepArgument.parse("x=1,[2")
        }
    }

    @Test func aPathGivenTwiceIsAnError() throws {
        #expect(throws: Diagnostic.error("--sweep gives a.b twice; list all its values in one --sweep a.b=V1,V2,...", at: at(1))) {
            try SweepArgument.parse(["a.b=1", "c=2", "a.b=3"])
        }
        let axes = try SweepArgument.parse(["a.b=1,2", "c=x"])
        #expect(axes.map(\.path) == ["a.b", "c"])
        #expect(axes.map { $0.values.count } == [2, 1])
    }
}

/// A sweep value's column text: the scalar as written, a collection as flow YAML that reads
/// back as the same value.
@Suite struct YAMLFlowTextTests {
    private func parse(_ text: String) throws -> YAMLNode {
        try YAMLParser.parse(text, file: "t.yaml")
    }

    @Test(arguments: [
        ("200/s", "200/s"),
        ("3", "3"),
        ("\"3\"", "3"),
        ("'a, b'", "a, b"),
        ("~", "~"),
        ("[a, b]", "[a, b]"),
        ("{x: 1}", "{x: 1}"),
        ("- a\n- b\n", "[a, b]"),
        ("x: 1\ny: [2, \"3\"]\n", "{x: 1, y: [2, \"3\"]}"),
        ("[-5, 'a,b', \"q\\\"\", '', ~, a: b]", "[-5, \"a,b\", \"q\\\"\", \"\", ~, {a: b}]"),
        ("[]", "[]"),
        ("{}", "{}"),
    ])
    func flowText(yaml: String, expected: String) throws {
        #expect(try parse(yaml).flowText == expected)
    }

    /// Read back, the flow text of a collection is the same tree (locations aside).
    @Test(arguments: ["{x: 1, y: [2, \"3\"]}", "[-5, 'a,b', \"q\\\"\", '', ~, '- x', ': y', 'a: b', 'c #d']", "[[1, {a: [2]}], x]"])
    func flowTextReadsBackAsTheSameValue(yaml: String) throws {
        let node = try parse(yaml)
        #expect(shape(try parse(node.flowText)) == shape(node))
    }

    /// The tree without locations.
    private func shape(_ node: YAMLNode) -> String {
        switch node.value {
        case .scalar(let text, let quoted): "\(quoted ? "q" : "p")(\(text.debugDescription))"
        case .sequence(let items): "[" + items.map(shape).joined(separator: ",") + "]"
        case .mapping(let entries): "{" + entries.map { "\($0.key.debugDescription):\(shape($0.value))" }.joined(separator: ",") + "}"
        }
    }
}
