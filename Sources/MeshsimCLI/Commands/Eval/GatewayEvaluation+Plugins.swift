import Engine
import Policy
import Scenario

/// `eval`'s lines for acl, request-termination and the transformers.
extension GatewayEvaluation {
    /// Prints the acl decision; false when it answers the request.
    func aclPasses(_ config: ACLConfig, consumer: String?, stage: String, into report: inout EvalReport) -> Bool {
        let groups = consumer.flatMap { name in gateway.consumers.first { $0.username == name }?.groups } ?? []
        let who = consumer.map { "consumer \($0) in \(groups.isEmpty ? "no groups" : "groups \(groups.joined(separator: ", "))")" } ?? "no consumer identified"
        switch ACLPolicy(config).decide(consumer: consumer, groups: groups) {
        case .allowed(let header):
            report.line(stage, "\(who) → allowed")
            if let header { report.more("X-Consumer-Groups: \(header) sent upstream") }
            return true
        case .rejected(let status, let message):
            report.line(stage, "\(who) → \(status) \(message) (UAEX): the gateway answers, nothing goes upstream")
            report.decide("\(status) (UAEX) at \(stage)")
            return false
        }
    }

    /// Prints whether request-termination answers; false when it does.
    func terminationPasses(_ config: RequestTerminationConfig, request: EvalRequest, stage: String, into report: inout EvalReport) -> Bool {
        let policy = RequestTerminationPolicy(config)
        let trigger = config.trigger.map { "trigger \($0) " } ?? ""
        guard policy.terminates(path: request.path, headers: upstreamHeaders) else {
            report.line(stage, "\(trigger)absent: passes")
            return true
        }
        let body = policy.body.map { " \($0)" } ?? " (no body)"
        report.line(stage, "\(trigger.isEmpty ? "" : "\(trigger)present → ")\(policy.status)\(body): the gateway answers, nothing goes upstream")
        report.decide("\(policy.status) at \(stage)")
        return false
    }

    /// Applies the request-transformer's header operations to the upstream request.
    mutating func transformRequest(_ config: TransformerConfig, stage: String, into report: inout EvalReport) {
        upstreamHeaders = HeaderTransformPolicy(config).apply(to: upstreamHeaders)
        let headers = upstreamHeaders.isEmpty ? "none" : upstreamHeaders.map { "\($0.name): \($0.value)" }.joined(separator: ", ")
        report.line(stage, "headers sent upstream (and seen by the mesh): \(headers); \(Self.work(config.latency))")
    }

    static func work(_ latency: Distribution) -> String {
        let sampler = Sampler(latency)
        return sampler.isZero ? "no added work" : "work of mean \(DurationText.format(Nanoseconds(sampler.mean.rounded()))) on the replica"
    }
}
