import Policy
import Scenario

/// Workloads and policies for the security tests, written as the istio.io examples write them.
enum SecurityFixture {
    static let here = SourceLocation(file: "t.yaml", line: 1, column: 1)

    static func workload(_ namespace: String, _ account: String, labels: [String: String] = [:]) -> WorkloadIdentity {
        WorkloadIdentity(namespace: namespace, serviceAccount: account, labels: labels)
    }

    static func selector(_ labels: [String: String]) -> WorkloadSelector {
        WorkloadSelector(matchLabels: labels, location: here)
    }

    static func security(
        mtls: Mesh.MTLSMode = .permissive, peer: [PeerAuthentication] = [], authz: [AuthorizationPolicy] = [],
        jwt: [RequestAuthentication] = [], namespace: String = "foo"
    ) -> MeshSecurity {
        var mesh = Mesh(enabled: true, mtls: mtls)
        mesh.peerAuthentications = peer
        mesh.authorizationPolicies = authz
        mesh.requestAuthentications = jwt
        return MeshSecurity(mesh: mesh, defaultNamespace: namespace)
    }

    static func policy(
        _ name: String, _ namespace: String? = nil, selector labels: [String: String]? = nil,
        action: AuthorizationPolicy.Action = .allow, provider: String? = nil, rules: [AuthorizationPolicy.Rule] = []
    ) -> AuthorizationPolicy {
        AuthorizationPolicy(
            name: name, namespace: namespace, selector: labels.map(selector), action: action, provider: provider,
            rules: rules, location: here
        )
    }

    static func rule(
        from: [AuthorizationPolicy.Source] = [], to: [AuthorizationPolicy.Operation] = [], when: [AuthorizationPolicy.Condition] = []
    ) -> AuthorizationPolicy.Rule {
        AuthorizationPolicy.Rule(from: from, to: to, when: when, location: here)
    }

    static func source(
        principals: [String] = [], notPrincipals: [String] = [], namespaces: [String] = [], notNamespaces: [String] = [],
        requestPrincipals: [String] = [], notRequestPrincipals: [String] = []
    ) -> AuthorizationPolicy.Source {
        var source = AuthorizationPolicy.Source(location: here)
        source.principals = principals
        source.notPrincipals = notPrincipals
        source.namespaces = namespaces
        source.notNamespaces = notNamespaces
        source.requestPrincipals = requestPrincipals
        source.notRequestPrincipals = notRequestPrincipals
        return source
    }

    static func operation(
        hosts: [String] = [], ports: [String] = [], methods: [String] = [], notMethods: [String] = [],
        paths: [String] = [], notPaths: [String] = []
    ) -> AuthorizationPolicy.Operation {
        var operation = AuthorizationPolicy.Operation(location: here)
        operation.hosts = hosts
        operation.ports = ports
        operation.methods = methods
        operation.notMethods = notMethods
        operation.paths = paths
        operation.notPaths = notPaths
        return operation
    }

    static func when(_ key: String, _ values: [String] = [], not notValues: [String] = []) -> AuthorizationPolicy.Condition {
        AuthorizationPolicy.Condition(key: key, values: values, notValues: notValues, location: here)
    }

    static func peer(
        _ name: String, _ namespace: String, selector labels: [String: String]? = nil, mode: Mesh.MTLSMode?,
        ports: [Int: Mesh.MTLSMode?] = [:]
    ) -> PeerAuthentication {
        PeerAuthentication(
            name: name, namespace: namespace, selector: labels.map(selector), mode: mode, portLevelModes: ports, location: here
        )
    }

    static func jwtRule(
        _ issuer: String, audiences: [String] = [], headers: [RequestAuthentication.JWTRule.HeaderLocation] = []
    ) -> RequestAuthentication.JWTRule {
        RequestAuthentication.JWTRule(issuer: issuer, audiences: audiences, fromHeaders: headers, location: here)
    }

    static func requestAuthentication(
        _ name: String, _ namespace: String, selector labels: [String: String]? = nil, rules: [RequestAuthentication.JWTRule]
    ) -> RequestAuthentication {
        RequestAuthentication(name: name, namespace: namespace, selector: labels.map(selector), jwtRules: rules, location: here)
    }
}
