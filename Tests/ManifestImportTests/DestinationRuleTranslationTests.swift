import Scenario
import Testing
@testable import ManifestImport

/// DestinationRules and VirtualServices at the fragment they write.
@Suite struct DestinationRuleTranslationTests {
    static let workloads = WorkloadTranslationTests.service
        + WorkloadTranslationTests.deployment("reviews-v1", labels: "{ app: reviews, version: v1 }", replicas: "2")
        + WorkloadTranslationTests.deployment("reviews-v2", labels: "{ app: reviews, version: v2 }", replicas: "1")

    static func rule(_ name: String, namespace: String = "default", host: String = "reviews", body: String) -> String {
        "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: { name: \(name), namespace: \(namespace) }\nspec:\n  host: \(host)\n\(body)---\n"
    }

    @Test func subsetPoliciesGoToTheirVersions() throws {
        let body = """
              trafficPolicy: { loadBalancer: { simple: RANDOM } }
              subsets:
                - { name: v1, labels: { version: v1 } }
                - { name: v2, labels: { version: v2 }, trafficPolicy: { connectionPool: { http: { http2MaxRequests: 10 } } } }

            """
        let (fragment, messages) = try WorkloadTranslationTests.translate(Self.workloads + Self.rule("reviews", body: body))
        #expect(messages == [])
        let service = try #require(fragment["services", "reviews"])
        #expect(service["trafficPolicy", "loadBalancer", "simple"]?.text == "RANDOM")
        #expect(service["versions", "v1", "trafficPolicy"] == nil)
        #expect(service["versions", "v2", "trafficPolicy", "connectionPool", "http", "http2MaxRequests"]?.text == "10")
        #expect(service["versions"]?.entries.map { $0.value["replicas"]?.text } == ["2", "1"])
    }

    /// Istio writes localityLbSetting inside loadBalancer, beside simple (networking/v1
    /// LoadBalancerSettings): the whole node reaches the scenario, at the manifest's lines.
    @Test func localityLbSettingPassesThroughWithTheLoadBalancer() throws {
        let body = """
              trafficPolicy:
                loadBalancer:
                  simple: ROUND_ROBIN
                  localityLbSetting:
                    enabled: true
                    failover: [{ from: us-east1, to: us-west1 }]
                outlierDetection: { consecutive5xxErrors: 3 }
              subsets:
                - name: v1
                  labels: { version: v1 }
                  trafficPolicy: { loadBalancer: { localityLbSetting: { failoverPriority: [topology.kubernetes.io/zone] } } }

            """
        let (fragment, messages) = try WorkloadTranslationTests.translate(Self.workloads + Self.rule("reviews", body: body))
        #expect(messages == [])
        let locality = try #require(fragment["services", "reviews", "trafficPolicy", "loadBalancer", "localityLbSetting"])
        #expect(locality["enabled"]?.text == "true")
        #expect(locality["failover"]?.items.first?["to"]?.text == "us-west1")
        // The rule starts at line 20 (the workloads take 19): failover on its line 11.
        #expect(locality["failover"]?.location.description == "m.yaml:30:19")
        #expect(fragment["services", "reviews", "trafficPolicy", "loadBalancer", "simple"]?.text == "ROUND_ROBIN")
        let subset = fragment["services", "reviews", "versions", "v1", "trafficPolicy", "loadBalancer", "localityLbSetting", "failoverPriority"]
        #expect(subset?.items.first?.text == "topology.kubernetes.io/zone")
    }

    @Test func rulesWhoseUnionIsOrderFreeMerge() throws {
        let policy = Self.rule("reviews-policy", body: "  trafficPolicy: { loadBalancer: { simple: RANDOM } }\n")
        let subsets = Self.rule("reviews-subsets", body: "  subsets: [{ name: v1, labels: { version: v1 } }, { name: v2, labels: { version: v2 } }]\n")
        let (fragment, messages) = try WorkloadTranslationTests.translate(Self.workloads + policy + subsets)
        #expect(messages == [])
        #expect(fragment["services", "reviews", "trafficPolicy", "loadBalancer", "simple"]?.text == "RANDOM")
        #expect(fragment["services", "reviews", "versions"]?.entries.map(\.key) == ["v1", "v2"])
    }

    @Test func twoTopLevelPoliciesForOneHostAreAnError() throws {
        let first = Self.rule("a", body: "  trafficPolicy: { loadBalancer: { simple: RANDOM } }\n")
        let second = Self.rule("b", host: "reviews.default.svc.cluster.local", body: "  trafficPolicy: { loadBalancer: { simple: ROUND_ROBIN } }\n")
        let (fragment, messages) = try WorkloadTranslationTests.translate(Self.workloads + first + second)
        #expect(messages == [
            "m.yaml:28:1: error: DestinationRule b configures service reviews, as does DestinationRule a at m.yaml:21:1: both set a top-level trafficPolicy, and Istio keeps the one it processes first (the older object), which manifests cannot tell; merge them into one rule",
        ])
        #expect(fragment["services", "reviews", "trafficPolicy", "loadBalancer", "simple"]?.text == "RANDOM")
    }

    @Test func rulesInTwoNamespacesForOneHostAreAnError() throws {
        let first = Self.rule("a", body: "  trafficPolicy: { loadBalancer: { simple: RANDOM } }\n")
        let second = Self.rule("a", namespace: "web", host: "reviews.default.svc.cluster.local", body: "  subsets: [{ name: v1, labels: { version: v1 } }]\n")
        let (_, messages) = try WorkloadTranslationTests.translate(Self.workloads + first + second)
        #expect(messages == [
            "m.yaml:28:1: error: DestinationRule a configures service reviews, as does DestinationRule a at m.yaml:21:1: they are in namespaces default and web, and Istio applies one or the other by the caller's namespace, where meshsim applies one to every caller; merge them into one rule",
        ])
    }

    @Test func aSubsetNamedTwiceIsRejectedAsTheClusterRejectsIt() throws {
        let rule = Self.rule("reviews", body: "  subsets: [{ name: v1, labels: { version: v1 } }, { name: v1, labels: { version: v2 } }]\n")
        let (fragment, messages) = try WorkloadTranslationTests.translate(Self.workloads + rule)
        #expect(messages == [
            "m.yaml:25:60: error: DestinationRule reviews: subset 'v1' is defined twice: here and at m.yaml:25:21 (the cluster rejects the rule)",
        ])
        #expect(fragment["services", "reviews", "versions"]?.entries.map(\.key) == ["v1", "v2"])
    }

    @Test func hostsOutsideTheClusterAreIgnoredAndUnknownOnesAreErrors() throws {
        let mesh = Self.rule("default", namespace: "istio-system", host: "\"*.local\"", body: "  trafficPolicy: { tls: { mode: ISTIO_MUTUAL } }\n")
        let typo = Self.rule("typo", host: "reveiws", body: "  exportTo: [\".\"]\n")
        let (_, messages) = try WorkloadTranslationTests.translate(Self.workloads + mesh + typo)
        #expect(messages == [
            "m.yaml:24:9: warning: ignored: DestinationRule default: host '*.local' is a wildcard or a name outside the cluster; meshsim models the policies of cluster services only",
            "m.yaml:32:13: warning: ignored: DestinationRule exportTo is not modelled; meshsim applies every DestinationRule to every caller",
            "m.yaml:31:9: error: DestinationRule typo: host 'reveiws' names no service that a Deployment or the scenario backs; did you mean 'reviews'?",
        ])
    }

    @Test func virtualServiceHostsAndMirrorsAreRewrittenAndTCPIsNamed() throws {
        let virtualService = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: { name: reviews }
            spec:
              hosts: [reviews, reviews.default.svc.cluster.local, api.example.com]
              http:
                - route: [{ destination: { host: reviews.default.svc.cluster.local, subset: v1 } }]
                  mirror: { host: reviews, subset: v2 }
              tcp: [{ route: [{ destination: { host: reviews } }] }]

            """
        let (fragment, messages) = try WorkloadTranslationTests.translate(Self.workloads + virtualService)
        #expect(messages == [
            "m.yaml:28:8: warning: ignored: VirtualService tcp is not modelled; meshsim simulates HTTP traffic only",
            "m.yaml:24:55: warning: ignored: VirtualService reviews: host 'api.example.com' is a wildcard or a name outside the cluster; meshsim routes calls to cluster services only",
        ])
        let rule = try #require(fragment["services", "reviews", "http"]?.items.first)
        let host = try #require(rule["route"]?.items.first?["destination", "host"])
        #expect(host.text == "reviews")
        #expect(host.location.description == "m.yaml:26:38")
        #expect(rule["mirror", "host"]?.text == "reviews")
        #expect(rule["mirror", "subset"]?.text == "v2")
    }

    @Test func aDelegateVirtualServiceIsNamedNotDropped() throws {
        let delegate = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: { name: reviews-routes }\nspec:\n  http: [{ route: [{ destination: { host: reviews } }] }]\n"
        let (fragment, messages) = try WorkloadTranslationTests.translate(Self.workloads + delegate)
        #expect(messages == ["m.yaml:21:1: warning: ignored: VirtualService reviews-routes names no hosts (a delegate's routes); meshsim does not simulate delegation"])
        #expect(fragment["services", "reviews", "http"] == nil)
    }
}
