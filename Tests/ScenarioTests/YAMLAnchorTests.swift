import Scenario
import Testing

@Suite struct YAMLAnchorTests: YAMLTreeBuilding {
    @Test func aliasRepeatsTheAnchoredNodeAtTheAliasLocation() throws {
        let yaml = """
            a: &x 5
            b: *x
            c: &m
              k: v
            d: *m
            """
        #expect(try parseYAML(yaml) == mapping(1, 1,
            entry("a", 1, 1, plain("5", 1, 7)),
            entry("b", 2, 1, plain("5", 2, 4)),
            entry("c", 3, 1, mapping(4, 3, entry("k", 4, 3, plain("v", 4, 6)))),
            entry("d", 5, 1, mapping(5, 4, entry("k", 4, 3, plain("v", 4, 6))))))
    }

    @Test func anchorsOnSequencesAndFlowNodes() throws {
        let yaml = """
            base: &b
              - 1
              - 2
            items:
              - &s {a: 1}
              - *s
              - [&t x, *t]
            again: *b
            """
        #expect(render(try parseYAML(yaml)) == "{base: [1, 2], items: [{a: 1}, {a: 1}, [x, x]], again: [1, 2]}")
    }

    @Test func laterAnchorWithTheSameNameWins() throws {
        #expect(render(try parseYAML("a: &x 1\nb: &x 2\nc: *x")) == "{a: 1, b: 2, c: 2}")
    }

    @Test func mergeKeyYieldsToExplicitKeysWhereverTheyAre() throws {
        let yaml = """
            defaults: &d
              timeout: 1s
              retries: 2
            orders:
              retries: 5
              <<: *d
              name: x
            """
        #expect(try parseYAML(yaml) == mapping(1, 1,
            entry("defaults", 1, 1, mapping(2, 3,
                entry("timeout", 2, 3, plain("1s", 2, 12)),
                entry("retries", 3, 3, plain("2", 3, 12)))),
            entry("orders", 4, 1, mapping(5, 3,
                entry("retries", 5, 3, plain("5", 5, 12)),
                entry("timeout", 2, 3, plain("1s", 2, 12)),
                entry("name", 7, 3, plain("x", 7, 9))))))
    }

    @Test func mergeListEarlierSourcesWin() throws {
        let yaml = """
            a: &a {x: a, y: a}
            b: &b {y: b, z: b}
            c:
              <<: [*a, *b]
              z: c
            d: {<<: *b, w: d}
            """
        #expect(render(try parseYAML(yaml)) == "{a: {x: a, y: a}, b: {y: b, z: b}, c: {x: a, y: a, z: c}, d: {y: b, z: b, w: d}}")
    }

    @Test func quotedMergeKeyIsAnOrdinaryKey() throws {
        #expect(render(try parseYAML("a: &a {x: 1}\nb: {\"<<\": *a}")) == "{a: {x: 1}, b: {<<: {x: 1}}}")
    }

    @Test func anchorBeforeAKeyNamesTheKey() throws {
        #expect(render(try parseYAML("&k name: v\nother: *k")) == "{name: v, other: name}")
    }

    @Test func mergeErrors() {
        expectYAMLError("a: 1\nb:\n  <<: *x", 3, 7, "unknown alias '*x'")
        expectYAMLError("a: &a 1\nb:\n  <<: *a", 3, 7, "merge key '<<' takes a mapping")
        expectYAMLError("a: &a {x: 1}\nb:\n  <<: [*a, 2]", 3, 12, "merge key '<<' takes a mapping")
        expectYAMLError("a: &a {x: 1}\nb:\n  <<: *a\n  <<: *a", 4, 3, "duplicate key '<<'")
    }
}
