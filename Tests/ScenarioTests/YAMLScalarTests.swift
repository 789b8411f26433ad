import Scenario
import Testing

@Suite struct YAMLScalarTests: YAMLTreeBuilding {
    @Test func singleQuotedDoublesItsQuote() throws {
        #expect(try parseYAML("a: 'it''s # not a comment'") == mapping(1, 1,
            entry("a", 1, 1, quoted("it's # not a comment", 1, 4))))
    }

    @Test func doubleQuotedEscapes() throws {
        let yaml = #"a: "x\ty\n\"q\" \\ \/ \u00e9 \U0001F600 \x41 \ud83d\ude00 \0 \e \_""#
        #expect(try parseYAML(yaml) == mapping(1, 1,
            entry("a", 1, 1, quoted("x\ty\n\"q\" \\ / é 😀 A 😀 \u{0} \u{1B} \u{A0}", 1, 4))))
    }

    @Test func quotedScalarsFoldLineBreaks() throws {
        let yaml = #"""
            a: "one
              two  \n

              three"
            b: 'x
               y'
            c: "join\
               ed"
            """#
        #expect(try parseYAML(yaml) == mapping(1, 1,
            entry("a", 1, 1, quoted("one two  \n\nthree", 1, 4)),
            entry("b", 5, 1, quoted("x y", 5, 4)),
            entry("c", 7, 1, quoted("joined", 7, 4))))
    }

    @Test func quotedTildeAndNullStayText() throws {
        #expect(try parseYAML("- '~'\n- \"null\"\n- ''") == sequence(1, 1,
            quoted("~", 1, 3), quoted("null", 2, 3), quoted("", 3, 3)))
    }

    @Test func literalBlockScalarKeepsLinesAndClipsTheEnd() throws {
        let yaml = """
            a: |
              line1
                indented
              line3


            b: x
            """
        #expect(try parseYAML(yaml) == mapping(1, 1,
            entry("a", 1, 1, quoted("line1\n  indented\nline3\n", 1, 4)),
            entry("b", 7, 1, plain("x", 7, 4))))
    }

    @Test func chompingIndicators() throws {
        let yaml = "strip: |-\n  a\n  b\n\nkeep: |+\n  a\n\n\nclip: |\n  a\n\n"
        #expect(try parseYAML(yaml) == mapping(1, 1,
            entry("strip", 1, 1, quoted("a\nb", 1, 8)),
            entry("keep", 5, 1, quoted("a\n\n\n", 5, 7)),
            entry("clip", 9, 1, quoted("a\n", 9, 7))))
    }

    @Test func foldedBlockScalar() throws {
        let yaml = """
            a: >
              one
              two

              three
                code
                more
              four
            b: >-
              x
              y
            """
        #expect(try parseYAML(yaml) == mapping(1, 1,
            entry("a", 1, 1, quoted("one two\nthree\n  code\n  more\nfour\n", 1, 4)),
            entry("b", 9, 1, quoted("x y", 9, 4))))
    }

    @Test func blockScalarEdgeCases() throws {
        #expect(try parseYAML("a: |\n  x") == mapping(1, 1, entry("a", 1, 1, quoted("x", 1, 4))))
        #expect(try parseYAML("a: |\nb: 1") == mapping(1, 1,
            entry("a", 1, 1, quoted("", 1, 4)),
            entry("b", 2, 1, plain("1", 2, 4))))
        #expect(try parseYAML("a: |2 # explicit\n    x\n  y\n") == mapping(1, 1,
            entry("a", 1, 1, quoted("  x\ny\n", 1, 4))))
        #expect(try parseYAML("- >+\n\n  a\n- |-\n   # not a comment\n") == sequence(1, 1,
            quoted("\na\n", 1, 3), quoted("# not a comment", 4, 3)))
    }

    @Test func blockScalarInsideDeeperStructure() throws {
        let yaml = """
            services:
              orders:
                script: |
                  echo hi
                  exit 0
                replicas: 3
            """
        #expect(try parseYAML(yaml) == mapping(1, 1,
            entry("services", 1, 1, mapping(2, 3,
                entry("orders", 2, 3, mapping(3, 5,
                    entry("script", 3, 5, quoted("echo hi\nexit 0\n", 3, 13)),
                    entry("replicas", 6, 5, plain("3", 6, 15))))))))
    }
}
