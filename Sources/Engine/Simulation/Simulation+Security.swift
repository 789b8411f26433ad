import Policy
import Scenario

/// The mesh's security at the destination (used only with a `SecurityModel`): a caller
/// without a sidecar reaches the host directly, in plaintext, and a STRICT sidecar refuses
/// it; the host's inbound sidecar runs RequestAuthentication and AuthorizationPolicy before
/// the request takes a worker. References: Istio's PeerAuthentication, auto mTLS,
/// RequestAuthentication and AuthorizationPolicy docs (concepts/security).
extension Simulation {
    /// A caller without a sidecar sends to the picked host as without the mesh. A host whose
    /// sidecar is STRICT resets the plaintext connection (a connect failure, as a crashed
    /// host's); else the request crosses the host's inbound sidecar, then `arrive`.
    mutating func sendDirect(_ call: Int32, token: UInt32, server: Int) {
        guard let security = world.security, let version = world.servers[server].version, security.versionSidecar[version] else {
            admit(call: call, token: token, at: server)
            return
        }
        if security.versionMode[version] == .strict {
            queue.push(.attemptFailed(call: call, token: token, failure: .connectFailure), at: now)
            return
        }
        let latency = security.sidecarLatency.sample(&egress[Int(hops[call].caller)])
        mesh.sidecarPasses += 1
        if calls[call].attribution.counted { mesh.addedLatency = mesh.addedLatency.plusSaturating(latency) }
        if latency > 0 {
            queue.push(.meshStep(call: call, token: token, step: .arrive), at: now.plusSaturating(latency))
        } else {
            arrive(call)
        }
    }

    /// A mesh attempt's sidecar latency to `server` (see `SecurityModel.meshDelay`), counting
    /// the proxies it passes.
    mutating func securedMeshDelay(server: Int, caller: Int, fromEdge: Bool) -> Nanoseconds {
        guard let security = world.security, let version = world.servers[server].version else { return 0 }
        // Istio's ingress gateway is the caller's Envoy: its work is `gateway.latency`.
        mesh.sidecarPasses += (security.versionSidecar[version] ? 2 : 1) - (fromEdge ? 1 : 0)
        return security.meshDelay(version: version, fromEdge: fromEdge, &egress[caller])
    }

    /// What the host's inbound sidecar does with the request: nil to pass it to the
    /// application; a 401 or 403 answered without taking a worker. A host without a sidecar
    /// enforces nothing. Decisions are cached per (caller workload, version, template, path,
    /// bad credential).
    mutating func inboundRejection(_ call: Int32, server: Int) -> AttemptFailure? {
        guard let security = world.security, let model = world.mesh, let version = world.servers[server].version,
              security.versionSidecar[version]
        else { return nil }
        let caller = Int(hops[call].caller)
        let attribution = calls[call].attribution
        let client = Int(attribution.client)
        let template = model.firstTemplate[client] + Int(attribution.template)
        let key = SecurityDecisions.Key(
            workload: security.callerWorkload[caller], version: Int32(version), template: Int32(template),
            path: attribution.path,
            badCredential: attribution.badCredential && security.callerCarriesToken[caller] && security.clientHasToken[client])
        let verdict: SecurityVerdict
        if let known = mesh.decisions[key] {
            verdict = known
        } else {
            let shape = model.templates[template]
            let path = model.paths.indices.contains(Int(attribution.path)) ? model.paths[Int(attribution.path)] : shape.path
            verdict = security.decide(
                caller: caller, version: version, client: client, shape: shape, path: path,
                host: world.services[world.versions[version].service].name, badCredential: key.badCredential)
            mesh.decisions[key] = verdict
        }
        return verdict.failure
    }

    /// What Istio's ingress gateway's own filters (jwt_authn, RBAC) do with a client's request,
    /// before its router: nil to route it; a 401 or 403 the replica answers itself. Cached with
    /// the sidecars' decisions under version -1.
    mutating func gatewayRejection(_ job: Int32) -> AttemptFailure? {
        guard let security = world.security, security.gatewayEnforces, let model = world.mesh else { return nil }
        let attribution = jobs[job].attribution
        let client = Int(attribution.client)
        let template = model.firstTemplate[client] + Int(attribution.template)
        let key = SecurityDecisions.Key(
            workload: security.callerWorkload[client], version: -1, template: Int32(template), path: attribution.path,
            badCredential: attribution.badCredential && security.clientHasToken[client])
        if let known = mesh.decisions[key] { return known.failure }
        let shape = model.templates[template]
        let path = model.paths.indices.contains(Int(attribution.path)) ? model.paths[Int(attribution.path)] : shape.path
        let verdict = security.decideAtGateway(client: client, shape: shape, path: path, badCredential: key.badCredential)
        mesh.decisions[key] = verdict
        return verdict.failure
    }
}

extension SecurityVerdict {
    var failure: AttemptFailure? {
        switch self {
        case .admit: return nil
        case .unauthenticated: return .unauthenticated
        case .denied: return .rbacDenied
        }
    }
}
