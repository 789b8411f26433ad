import Policy
import Scenario
import Testing

/// Kong's acl handler (kong/plugins/acl/handler.lua) for consumers identified by key-auth or
/// jwt, which always carry a credential.
@Suite struct ACLPolicyTests {
    let allow = ACLPolicy(ACLConfig(rule: .allow(["gold", "platinum"])))
    let deny = ACLPolicy(ACLConfig(rule: .deny(["banned"])))

    @Test func allowLetsThroughAConsumerInOneOfTheGroupsAndSendsItsGroups() {
        #expect(allow.decide(consumer: "alice", groups: ["beta", "gold"]) == .allowed(groupsHeader: "beta, gold"))
    }

    @Test func allowRefusesAConsumerInNoneOfTheGroups() {
        #expect(allow.decide(consumer: "bob", groups: ["silver"]) == .rejected(status: 403, message: "You cannot consume this service"))
    }

    @Test func allowRefusesAConsumerWithoutGroups() {
        #expect(allow.decide(consumer: "carol", groups: []) == .rejected(status: 403, message: "You cannot consume this service"))
    }

    @Test func denyRefusesAConsumerInADeniedGroupAndLetsOthersThrough() {
        #expect(deny.decide(consumer: "mallory", groups: ["users", "banned"]) == .rejected(status: 403, message: "You cannot consume this service"))
        #expect(deny.decide(consumer: "alice", groups: ["users"]) == .allowed(groupsHeader: "users"))
        // No groups is not a denied group: Kong passes it with an empty header value.
        #expect(deny.decide(consumer: "carol", groups: []) == .allowed(groupsHeader: ""))
    }

    @Test func withoutAConsumerTheAnswerIs401() {
        #expect(allow.decide(consumer: nil, groups: []) == .rejected(status: 401, message: "Unauthorized"))
        #expect(deny.decide(consumer: nil, groups: []) == .rejected(status: 401, message: "Unauthorized"))
    }

    @Test func groupNamesMatchExactlyAndTheHeaderCanBeHidden() {
        #expect(allow.decide(consumer: "dan", groups: ["Gold"]) == .rejected(status: 403, message: "You cannot consume this service"))
        let hidden = ACLPolicy(ACLConfig(rule: .allow(["gold"]), hideGroupsHeader: true))
        #expect(hidden.decide(consumer: "alice", groups: ["gold"]) == .allowed(groupsHeader: nil))
    }
}
