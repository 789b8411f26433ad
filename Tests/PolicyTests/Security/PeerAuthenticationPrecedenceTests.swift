import Policy
import Scenario
import Testing

/// The examples of Istio's PeerAuthentication reference
/// (https://istio.io/latest/docs/reference/config/security/peer_authentication/) resolved as
/// `ComposePeerAuthentication` does (pilot/pkg/security/authn/policy_applier.go).
@Suite struct PeerAuthenticationPrecedenceTests {
    typealias F = SecurityFixture
    let finance = F.workload("foo", "finance", labels: ["app": "finance"])
    let reports = F.workload("foo", "reports", labels: ["app": "reports"])

    /// "Policy to require mTLS traffic for all workloads under namespace foo".
    @Test func namespaceStrict() {
        let security = F.security(mtls: .permissive, peer: [F.peer("default", "foo", mode: .strict)])
        let resolution = security.mtls(for: reports, port: nil)
        #expect(resolution.mode == .strict && resolution.level == .namespace)
        #expect(resolution.source == "foo/default")
        // Another namespace keeps the mesh default.
        #expect(security.mtls(for: F.workload("bar", "x"), port: nil) == MTLSResolution(mode: .permissive, decidedBy: nil, level: .meshDefault))
    }

    /// "allow both mTLS and plaintext traffic for all workloads under namespace foo, but require
    /// mTLS for workload finance", under a mesh-wide STRICT in the root namespace.
    @Test func meshStrictNamespacePermissiveWorkloadStrict() {
        let security = F.security(peer: [
            F.peer("default", "istio-system", mode: .strict),
            F.peer("default", "foo", mode: .permissive),
            F.peer("finance", "foo", selector: ["app": "finance"], mode: .strict),
        ])
        #expect(security.mtls(for: reports, port: nil).mode == .permissive)
        #expect(security.mtls(for: reports, port: nil).source == "foo/default")
        #expect(security.mtls(for: finance, port: nil).mode == .strict)
        #expect(security.mtls(for: finance, port: nil).level == .workload)
        let elsewhere = security.mtls(for: F.workload("bar", "x"), port: nil)
        #expect(elsewhere.mode == .strict && elsewhere.level == .mesh && elsewhere.source == "istio-system/default")
    }

    /// "strict mTLS for all finance workloads, but leaves the port 8080 to plaintext", with the
    /// mesh STRICT and the namespace PERMISSIVE as the brief's combination.
    @Test func portLevelDisableOnAStrictWorkload() {
        let security = F.security(peer: [
            F.peer("default", "istio-system", mode: .strict),
            F.peer("default", "foo", mode: .permissive),
            F.peer("finance", "foo", selector: ["app": "finance"], mode: .strict, ports: [8080: .disable]),
        ])
        let onPort = security.mtls(for: finance, port: 8080)
        #expect(onPort.mode == .disable && onPort.level == .port && onPort.source == "foo/finance")
        #expect(security.mtls(for: finance, port: 9090).mode == .strict)
        #expect(security.mtls(for: finance, port: nil).mode == .strict)
        // portLevelMtls is the selected workload's alone.
        #expect(security.mtls(for: reports, port: 8080).mode == .permissive)
    }

    /// "inherits mTLS mode from namespace (or mesh) settings, and disables mTLS for workload
    /// port 8080": mode UNSET.
    @Test func unsetInheritsThenThePortOverrides() {
        let security = F.security(mtls: .permissive, peer: [
            F.peer("default", "foo", mode: .strict),
            F.peer("finance", "foo", selector: ["app": "finance"], mode: nil, ports: [8080: .disable, 9090: nil]),
        ])
        let workload = security.mtls(for: finance, port: nil)
        #expect(workload.mode == .strict && workload.source == "foo/default")
        #expect(security.mtls(for: finance, port: 8080).mode == .disable)
        // A port entry left UNSET inherits the workload's mode.
        #expect(security.mtls(for: finance, port: 9090).mode == .strict)
        #expect(security.mtls(for: finance, port: 9090).source == "foo/default")
    }

    /// "PeerAuthentication policies with workload selectors are ignored when deployed in the
    /// root namespace"; an UNSET mesh policy leaves `mesh.mtls`.
    @Test func rootNamespaceSelectorIgnoredAndUnsetMeshPolicy() {
        let security = F.security(mtls: .strict, peer: [
            F.peer("finance", "istio-system", selector: ["app": "finance"], mode: .disable),
            F.peer("default", "istio-system", mode: nil),
        ])
        #expect(security.mtls(for: finance, port: nil) == MTLSResolution(mode: .strict, decidedBy: nil, level: .meshDefault))
    }

    /// Two at one level: Istio keeps the oldest; meshsim the first written.
    @Test func theFirstWrittenWinsAtOneLevel() {
        let security = F.security(peer: [
            F.peer("first", "foo", selector: ["app": "finance"], mode: .disable),
            F.peer("second", "foo", selector: ["app": "finance"], mode: .strict),
        ])
        #expect(security.mtls(for: finance, port: nil).source == "foo/first")
        #expect(security.mtls(for: finance, port: nil).mode == .disable)
    }

    @Test func isActiveOnlyWithSomePolicy() {
        #expect(!F.security().isActive)
        #expect(F.security(peer: [F.peer("default", "foo", mode: .strict)]).isActive)
    }
}
