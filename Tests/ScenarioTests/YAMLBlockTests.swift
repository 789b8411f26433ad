import Scenario
import Testing

@Suite struct YAMLBlockTests: YAMLTreeBuilding {
    @Test func flatMappingKeepsOrderAndLocations() throws {
        let yaml = """
            name: checkout
            seed:   42
            """
        #expect(try parseYAML(yaml) == mapping(1, 1,
            entry("name", 1, 1, plain("checkout", 1, 7)),
            entry("seed", 2, 1, plain("42", 2, 9))))
    }

    @Test func nestedMappings() throws {
        let yaml = """
            gateway:
              replicas: 2
              mesh:
                enabled: true
            version: 1
            """
        #expect(try parseYAML(yaml) == mapping(1, 1,
            entry("gateway", 1, 1, mapping(2, 3,
                entry("replicas", 2, 3, plain("2", 2, 13)),
                entry("mesh", 3, 3, mapping(4, 5,
                    entry("enabled", 4, 5, plain("true", 4, 14)))))),
            entry("version", 5, 1, plain("1", 5, 10))))
    }

    @Test func sequenceOfScalarsAndOfMappings() throws {
        let yaml = """
            tags:
              - a
              -   b
            clients:
              - name: web
                rate: 500/s
              - name: batch
                users: 50
            """
        #expect(try parseYAML(yaml) == mapping(1, 1,
            entry("tags", 1, 1, sequence(2, 3, plain("a", 2, 5), plain("b", 3, 7))),
            entry("clients", 4, 1, sequence(5, 3,
                mapping(5, 5,
                    entry("name", 5, 5, plain("web", 5, 11)),
                    entry("rate", 6, 5, plain("500/s", 6, 11))),
                mapping(7, 5,
                    entry("name", 7, 5, plain("batch", 7, 11)),
                    entry("users", 8, 5, plain("50", 8, 12)))))))
    }

    @Test func sequenceAtTheIndentationOfItsKey() throws {
        let yaml = """
            spec:
              containers:
              - name: a
                image: b
              - name: c
              ports: [80]
            """
        #expect(try parseYAML(yaml) == mapping(1, 1,
            entry("spec", 1, 1, mapping(2, 3,
                entry("containers", 2, 3, sequence(3, 3,
                    mapping(3, 5,
                        entry("name", 3, 5, plain("a", 3, 11)),
                        entry("image", 4, 5, plain("b", 4, 12))),
                    mapping(5, 5, entry("name", 5, 5, plain("c", 5, 11))))),
                entry("ports", 6, 3, sequence(6, 10, plain("80", 6, 11)))))))
    }

    @Test func compactNestedSequencesAndMappingValues() throws {
        let yaml = """
            - - a
              - b
            - c
            - key:
              - x
              other: y
            """
        #expect(try parseYAML(yaml) == sequence(1, 1,
            sequence(1, 3, plain("a", 1, 5), plain("b", 2, 5)),
            plain("c", 3, 3),
            mapping(4, 3,
                entry("key", 4, 3, sequence(5, 3, plain("x", 5, 5))),
                entry("other", 6, 3, plain("y", 6, 10)))))
    }

    @Test func emptyValuesAreEmptyPlainScalarsButNullStaysText() throws {
        let yaml = """
            a:
            b: ~
            c: null
            list:
            -
            - ~
            d:
            """
        #expect(try parseYAML(yaml) == mapping(1, 1,
            entry("a", 1, 1, plain("", 1, 3)),
            entry("b", 2, 1, plain("", 2, 4)),
            entry("c", 3, 1, plain("null", 3, 4)),
            entry("list", 4, 1, sequence(5, 1, plain("", 5, 2), plain("", 6, 3))),
            entry("d", 7, 1, plain("", 7, 3))))
    }

    @Test(arguments: ["", "\n\n", "# only a comment\n   \n", "---\n", "--- # empty\n...\n", "\u{FEFF}"])
    func emptyDocumentIsAnEmptyMappingAtTheStart(yaml: String) throws {
        #expect(try parseYAML(yaml) == mapping(1, 1))
    }

    @Test func documentStartAndEndMarkers() throws {
        let yaml = """
            # leading comment
            ---
            a: 1
            ...
            # trailing comment
            """
        #expect(try parseYAML(yaml) == mapping(3, 1, entry("a", 3, 1, plain("1", 3, 4))))
        #expect(try parseYAML("--- [1]\n") == sequence(1, 5, plain("1", 1, 6)))
    }

    @Test func rootScalarAndRootSequence() throws {
        #expect(try parseYAML("hello world") == plain("hello world", 1, 1))
        #expect(try parseYAML("  - 1\n  - 2\n") == sequence(1, 3, plain("1", 1, 5), plain("2", 2, 5)))
    }

    @Test func valueOnFollowingLinesFoldsIntoOneLine() throws {
        let yaml = """
            description:
              a long
              text

              here
            next: 1
            """
        #expect(try parseYAML(yaml) == mapping(1, 1,
            entry("description", 1, 1, plain("a long text\nhere", 2, 3)),
            entry("next", 6, 1, plain("1", 6, 7))))
    }

    @Test func commentsStartOnlyAtLineStartOrAfterWhitespace() throws {
        let yaml = """
            # header
            a: 1 # one
              # indented comment
            b: x#y   # z
            c: "q" # k
            d: '#not' #yes
            """
        #expect(try parseYAML(yaml) == mapping(2, 1,
            entry("a", 2, 1, plain("1", 2, 4)),
            entry("b", 4, 1, plain("x#y", 4, 4)),
            entry("c", 5, 1, quoted("q", 5, 4)),
            entry("d", 6, 1, quoted("#not", 6, 4))))
    }

    @Test func plainScalarsWithColonsRunToTheEndOfTheLine() throws {
        let yaml = """
            url: http://x:8080/a?b=c
            a:b: c
            rate: 50/m
            latency: lognormal(20ms, 120ms)
            mixed: mix(90%: lognormal(20ms, 80ms), 10%: 400ms)  # comment
            steps:
              - mix(90%: 1ms, 10%: 2ms)
              - p99 < 300ms
            """
        #expect(try parseYAML(yaml) == mapping(1, 1,
            entry("url", 1, 1, plain("http://x:8080/a?b=c", 1, 6)),
            entry("a:b", 2, 1, plain("c", 2, 6)),
            entry("rate", 3, 1, plain("50/m", 3, 7)),
            entry("latency", 4, 1, plain("lognormal(20ms, 120ms)", 4, 10)),
            entry("mixed", 5, 1, plain("mix(90%: lognormal(20ms, 80ms), 10%: 400ms)", 5, 8)),
            entry("steps", 6, 1, sequence(7, 3,
                plain("mix(90%: 1ms, 10%: 2ms)", 7, 5),
                plain("p99 < 300ms", 8, 5)))))
    }

    @Test func keysMayBeQuotedAndContainSpaces() throws {
        let yaml = """
            "x-canary": "true"
            'a b': 1
            two words: 2
            "": empty
            """
        #expect(try parseYAML(yaml) == mapping(1, 1,
            entry("x-canary", 1, 1, quoted("true", 1, 13)),
            entry("a b", 2, 1, plain("1", 2, 8)),
            entry("two words", 3, 1, plain("2", 3, 12)),
            entry("", 4, 1, plain("empty", 4, 5))))
    }

    @Test func windowsLineEndings() throws {
        #expect(try parseYAML("a: 1\r\nb:\r\n  - x\r\n") == mapping(1, 1,
            entry("a", 1, 1, plain("1", 1, 4)),
            entry("b", 2, 1, sequence(3, 3, plain("x", 3, 5)))))
    }

    @Test func columnsCountUnicodeCharacters() throws {
        let yaml = """
            ü: 1
            city: Zürich
            emoji: "😀" # ok
            😀: 😀 x
            """
        #expect(try parseYAML(yaml) == mapping(1, 1,
            entry("ü", 1, 1, plain("1", 1, 4)),
            entry("city", 2, 1, plain("Zürich", 2, 7)),
            entry("emoji", 3, 1, quoted("😀", 3, 8)),
            entry("😀", 4, 1, plain("😀 x", 4, 4))))
    }

    @Test func tabsAreAllowedAsSeparationAfterIndentation() throws {
        #expect(try parseYAML("a:\t1\t# c\nb: [1,\t2]") == mapping(1, 1,
            entry("a", 1, 1, plain("1", 1, 4)),
            entry("b", 2, 1, sequence(2, 4, plain("1", 2, 5), plain("2", 2, 8)))))
    }
}
