import Policy
import Scenario

/// The mesh's security compiled for the hot path: who has a sidecar, each version's inbound
/// mTLS mode, and what a caller's request looks like to the destination's inbound sidecar.
/// Nil in `World` unless the mesh is on and a PeerAuthentication, RequestAuthentication,
/// AuthorizationPolicy or a `sidecar: false` is written, so that other runs pay nothing.
/// A class, so that the hot path holds it with one reference count.
final class SecurityModel: Sendable {
    let security: MeshSecurity
    /// The workloads: each client that targets a service, the gateway, then each version.
    let workloads: [WorkloadIdentity]
    /// Per caller (clients, then servers; see `World.callerName`): its workload, whether it
    /// has a sidecar, and whether its requests carry the client's token (a client that calls
    /// a service itself, or the gateway, which forwards the Authorization header).
    let callerWorkload: [Int32]
    let callerSidecar: [Bool]
    let callerCarriesToken: [Bool]
    /// Per version: its workload, whether it has a sidecar, its inbound mTLS mode and the
    /// service's port (for `portLevelMtls` and `to.operation.ports`).
    let versionWorkload: [Int32]
    let versionSidecar: [Bool]
    let versionMode: [Mesh.MTLSMode]
    let versionPort: [Int?]
    /// Per client, its token when its credential is a JWT (valid signature).
    let tokens: [RequestToken?]
    let clientHasToken: [Bool]
    /// The gateway's workload, and whether it is Istio's ingress gateway with an
    /// AuthorizationPolicy or RequestAuthentication selecting it (else it checks nothing).
    let gatewayWorkload: Int32
    let istioGateway: Bool
    let gatewayEnforces: Bool
    let sidecarLatency: Sampler
    /// Drawn for an mTLS connection to a STRICT workload (the existing `mtlsLatency` rule).
    let mtlsLatency: Sampler

    /// Nil when nothing in the scenario asks for it (see the type's comment).
    static func build(_ scenario: Scenario, world: World) -> SecurityModel? {
        guard scenario.mesh.enabled else { return nil }
        let security = MeshSecurity(mesh: scenario.mesh, defaultNamespace: scenario.namespace)
        let meshClients = scenario.clients.filter { if case .service = $0.target { return true } else { return false } }
        let sidecarless = meshClients.contains { !$0.identity.sidecar }
            || scenario.services.contains { $0.versions.contains { !$0.identity.sidecar } }
            || scenario.gateway.map { !$0.identity.sidecar } ?? false
        guard security.isActive || sidecarless else { return nil }
        return SecurityModel(scenario, world: world, security: security)
    }

    private init(_ scenario: Scenario, world: World, security: MeshSecurity) {
        self.security = security
        var workloads: [WorkloadIdentity] = []
        var callerWorkload: [Int32] = []
        var callerSidecar: [Bool] = []
        var callerCarriesToken: [Bool] = []
        for client in scenario.clients {
            callerWorkload.append(Int32(workloads.count))
            workloads.append(client.identity)
            callerSidecar.append(client.identity.sidecar)
            callerCarriesToken.append(true)
        }
        let gateway = Int32(workloads.count)
        let gatewayIdentity = scenario.gateway?.identity ?? WorkloadIdentity(namespace: "kong", serviceAccount: "kong")
        workloads.append(gatewayIdentity)
        gatewayWorkload = gateway
        istioGateway = scenario.gateway?.kind == .istio
        gatewayEnforces = istioGateway
            && !(security.authorizationPolicies(selecting: gatewayIdentity).isEmpty
                && security.requestAuthentications(selecting: gatewayIdentity).isEmpty)
        let firstVersion = workloads.count
        var versionPort: [Int?] = []
        for service in scenario.services {
            for version in service.versions {
                workloads.append(version.identity)
                versionPort.append(service.port)
            }
        }
        for server in world.servers {
            let workload = server.version.map { Int32(firstVersion + $0) } ?? gateway
            callerWorkload.append(workload)
            callerSidecar.append(workloads[Int(workload)].sidecar)
            callerCarriesToken.append(server.version == nil)
        }
        self.workloads = workloads
        self.callerWorkload = callerWorkload
        self.callerSidecar = callerSidecar
        self.callerCarriesToken = callerCarriesToken
        versionWorkload = world.versions.indices.map { Int32(firstVersion + $0) }
        versionSidecar = world.versions.indices.map { workloads[firstVersion + $0].sidecar }
        versionMode = world.versions.indices.map { security.mtls(for: workloads[firstVersion + $0], port: versionPort[$0]).mode }
        self.versionPort = versionPort
        tokens = scenario.clients.map { RequestToken(of: $0) }
        clientHasToken = tokens.map { $0 != nil }
        sidecarLatency = Sampler(scenario.mesh.sidecarLatency)
        mtlsLatency = Sampler(scenario.mesh.mtlsLatency)
    }

    /// What the sidecars add to an attempt from a caller with a sidecar to a host of `version`:
    /// its own sidecar, then the destination's if it has one, and mTLS between them under
    /// STRICT. Drawn in `MeshModel.sidecarDelay`'s order. From Istio's ingress gateway the
    /// caller's own sidecar is the gateway itself, and adds nothing here.
    func meshDelay(version: Int, fromEdge: Bool, _ rng: inout RandomStream) -> Nanoseconds {
        var latency = fromEdge ? 0 : sidecarLatency.sample(&rng)
        guard versionSidecar[version] else { return latency }
        latency = latency.plusSaturating(sidecarLatency.sample(&rng))
        if versionMode[version] == .strict { latency = latency.plusSaturating(mtlsLatency.sample(&rng)) }
        return latency
    }

    /// The inbound sidecar's decision on a request from `caller` to a host of `version` (which
    /// has a sidecar): RequestAuthentication, then AuthorizationPolicy. A pure function of its
    /// arguments, so the simulation caches it (`SecurityDecisions`).
    func decide(
        caller: Int, version: Int, client: Int, shape: RequestTemplate, path: String, host: String, badCredential: Bool
    ) -> SecurityVerdict {
        let destination = workloads[Int(versionWorkload[version])]
        // Auto mTLS sends mTLS unless the destination says DISABLE; a caller without a sidecar
        // sends plaintext. Only an mTLS peer has a principal.
        let mutual = callerSidecar[caller] && versionMode[version] != .disable
        var token = callerCarriesToken[caller] ? clientToken(client, badCredential: badCredential) : nil
        // Istio's ingress gateway strips the token it verified unless `forwardOriginalToken`.
        if istioGateway, callerWorkload[caller] == gatewayWorkload, let sent = token,
           !security.forwards(sent, at: workloads[Int(gatewayWorkload)]) {
            token = nil
        }
        return verdict(
            token: token, peer: mutual ? workloads[Int(callerWorkload[caller])] : nil, at: destination,
            shape: shape, path: path, host: host, port: versionPort[version])
    }

    /// Istio's ingress gateway's own decision (its jwt_authn, then RBAC filters) on a client's
    /// request: the client is an external plaintext source (no principal, no namespace); the
    /// host is the request's `Host` header when written. Cached as `decide` is.
    func decideAtGateway(client: Int, shape: RequestTemplate, path: String, badCredential: Bool) -> SecurityVerdict {
        let host = shape.headers.first { $0.name.lowercased() == "host" }?.value
        return verdict(
            token: clientToken(client, badCredential: badCredential), peer: nil, at: workloads[Int(gatewayWorkload)],
            shape: shape, path: path, host: host, port: nil)
    }

    private func clientToken(_ client: Int, badCredential: Bool) -> RequestToken? {
        var token = tokens[client]
        if badCredential { token?.signatureValid = false }
        return token
    }

    private func verdict(
        token: RequestToken?, peer: WorkloadIdentity?, at destination: WorkloadIdentity,
        shape: RequestTemplate, path: String, host: String?, port: Int?
    ) -> SecurityVerdict {
        let authentication = security.authenticate(token, at: destination)
        if case .rejected = authentication { return .unauthenticated }
        let request = AuthorizationRequest(
            mtlsPeer: peer, authentication: authentication,
            method: shape.method, path: path, host: host, headers: shape.headers, port: port)
        return security.authorize(request, at: destination).allowed ? .admit : .denied
    }
}

/// The inbound sidecar's decision on a request.
enum SecurityVerdict: UInt8, Sendable {
    case admit
    /// RequestAuthentication rejected the token: 401, no response flag.
    case unauthenticated
    /// An AuthorizationPolicy denied it: 403 `RBAC: access denied`, flag `RBAC`.
    case denied
}
