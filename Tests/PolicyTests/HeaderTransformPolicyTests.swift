import Policy
import Scenario
import Testing

/// Kong's request-transformer headers (transform_headers in
/// kong/plugins/request-transformer/access.lua): remove, rename, replace, add, append.
@Suite struct HeaderTransformPolicyTests {
    func h(_ name: String, _ value: String) -> Header { Header(name: name, value: value) }

    @Test func operationsRunInKongsOrder() {
        // rename x-a → x-b, then replace x-b (present only after the rename), then add x-b
        // (present: skipped) and x-c (absent: added), then append x-c.
        let policy = HeaderTransformPolicy(TransformerConfig(
            remove: ["x-gone"], rename: [h("x-a", "x-b")], replace: [h("x-b", "replaced")],
            add: [h("x-b", "added"), h("x-c", "1")], append: [h("x-c", "2")]))
        #expect(policy.apply(to: [h("x-gone", "1"), h("x-a", "original")]) == [h("x-b", "replaced"), h("x-c", "1"), h("x-c", "2")])
    }

    @Test func removeBeforeAddMeansAddAlwaysSets() {
        let policy = HeaderTransformPolicy(TransformerConfig(remove: ["x-canary"], add: [h("x-canary", "true")]))
        #expect(policy.apply(to: [h("X-Canary", "false")]) == [h("x-canary", "true")])
    }

    @Test func addAndReplaceLookAtPresenceWhateverTheCase() {
        let policy = HeaderTransformPolicy(TransformerConfig(replace: [h("x-tier", "gold"), h("x-none", "1")], add: [h("X-Tier", "silver")]))
        #expect(policy.apply(to: [h("X-TIER", "bronze")]) == [h("x-tier", "gold")])
        #expect(policy.apply(to: []) == [h("X-Tier", "silver")])
    }

    @Test func renameReplacesAHeaderOfTheNewName() {
        let policy = HeaderTransformPolicy(TransformerConfig(rename: [h("x-old", "x-new")]))
        #expect(policy.apply(to: [h("x-new", "stale"), h("x-old", "v1"), h("x-old", "v2")]) == [h("x-new", "v1"), h("x-new", "v2")])
        #expect(policy.apply(to: [h("x-new", "kept")]) == [h("x-new", "kept")])
    }

    @Test func anEntryWithoutAValueDoesNothingAndHostIsNeverAdded() {
        let policy = HeaderTransformPolicy(TransformerConfig(replace: [h("x-a", "")], add: [h("x-b", ""), h("host", "h")], append: [h("x-a", "")]))
        #expect(policy.apply(to: [h("x-a", "1")]) == [h("x-a", "1")])
    }
}
