import Policy
import Scenario

/// Istio's ingress gateway: each replica is an Envoy that routes by the gateway's
/// VirtualService. Its call upstream is a mesh hop from the replica on the matched rule:
/// faults, weighted destinations (clusters of any service or subset), mirror, retries and
/// timeout, then the destination cluster's DestinationRule (breaker, load balancer, outlier
/// detection). The destination's own VirtualService is not applied again: Envoy at the
/// gateway routes straight to the cluster.
///
/// Security: AuthorizationPolicy and RequestAuthentication selecting the gateway's labels
/// (`Gateway.identity`) run before the replica routes (`gatewayRejection`), with the client
/// as a plaintext source; the policies of the destination run at its sidecar with the
/// gateway's principal, and see the client's token unless the gateway verified it without
/// `forwardOriginalToken`.
extension Simulation {
    mutating func callFromIstioGateway(_ job: Int32, rule: Int, _ model: MeshModel) {
        let record = jobs[job]
        jobs[job].phase = .calling
        jobs[job].pending = 1
        var call = CallRecord()
        call.waiter = .job(job, token: record.token)
        // Until the hop picks its destination: the rule's first service, where an answer the
        // gateway makes itself (a fault abort, no cluster) counts.
        call.target = .service(Int32(Self.firstService(of: rule, model)))
        call.callerService = -2
        call.attribution = record.attribution
        if recordsTelemetry { telemetry?.upstreamStarted(job, at: now) }
        let index = openCall(call)
        startHop(index, caller: callerIndex(pickerServer: record.server, client: record.attribution.client), edgeRule: Int32(rule))
    }

    private static func firstService(of rule: Int, _ model: MeshModel) -> Int {
        guard let edge = model.edge, let cluster = model.hosts[edge].rules[rule].destinations.first(where: { $0 >= 0 }) else { return 0 }
        return model.clusters[Int(cluster)].service
    }
}
