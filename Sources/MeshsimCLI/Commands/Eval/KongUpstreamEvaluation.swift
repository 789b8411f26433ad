import Engine
import Policy
import Scenario

/// `eval`'s view of a Kong upstream (without the mesh): its algorithm, its health checks, and
/// each target's health as the request's replica sees it. Eval sends nothing upstream, so no
/// target has failed a check: every one is healthy, as at the start of a run.
enum KongUpstreamEvaluation {
    static func report(
        _ upstream: KongUpstream, service: Service, replica: Int, request: EvalRequest, consumer: String?, into report: inout EvalReport
    ) {
        let targets = service.versions.flatMap { version in (0..<version.replicas).map { "\(service.name)/\(version.name)/\($0)" } }
        report.line("kong upstream", "\(service.name): \(describe(upstream))")
        report.more("health checks: \(checks(upstream.healthchecks))")
        report.more("targets as replica \(replica + 1) sees them: " + targets.map { "\($0) healthy" }.joined(separator: ", ").ifEmpty("none")
            + " (eval sends nothing upstream, so no check has failed)")
        guard !targets.isEmpty else { return }
        switch upstream.algorithm {
        case .roundRobin:
            report.more("round-robin: replica \(replica + 1)'s cursor goes round the healthy targets")
        case .leastConnections:
            report.more("least-connections: no attempt in flight from replica \(replica + 1), so \(targets[0]) (a tie goes to the first)")
        case .latency:
            report.more("latency: no response time measured yet, so \(targets[0]) (the lowest decayed EWMA wins; a tie goes to the first)")
        case .consistentHashing:
            let ring = KongHashRing(slots: upstream.slots, names: targets)
            switch KongHashInput.resolve(upstream, headers: request.headers, consumer: consumer) {
            case .text(let text):
                let target = ring.target(for: RingHash.hash(text), isUp: { _ in true }).map { targets[$0] } ?? "none"
                report.more("hash input \(text.isEmpty ? "\"\" (nothing to hash on: every such request goes to one target)" : "\"\(text)\"") → \(target)")
            case .address:
                report.more("hash input: the client's address, so each address keeps its own target")
            }
        }
    }

    private static func describe(_ upstream: KongUpstream) -> String {
        guard upstream.algorithm == .consistentHashing else { return "\(upstream.algorithm.rawValue)" }
        return "consistent-hashing on \(hash(upstream.hashOn)), fallback \(hash(upstream.hashFallback)), \(upstream.slots) slots"
    }

    private static func hash(_ hash: KongUpstream.HashOn) -> String {
        switch hash {
        case .none: "none"
        case .consumer: "consumer"
        case .ip: "ip"
        case .header(let name): "header \(name)"
        }
    }

    private static func checks(_ checks: KongHealthchecks) -> String {
        let passive = checks.passive
        let active = checks.active
        var parts: [String] = []
        let down = counters(passive.unhealthy)
        parts.append(down.isEmpty ? "passive off" : "passive: down after \(down)" + (passive.healthy.successes > 0 ? ", a success resets them" : ""))
        if active.healthy.interval > 0 || active.unhealthy.interval > 0 {
            parts.append(
                "active: probes \(active.httpPath) every \(interval(active.healthy.interval)) while up, \(interval(active.unhealthy.interval)) while down "
                    + "(timeout \(DurationText.format(active.timeout))); up after \(active.healthy.successes) successes, down after \(counters(active.unhealthy).ifEmpty("never"))")
        } else {
            parts.append("active off")
        }
        return parts.joined(separator: "; ")
    }

    private static func counters(_ thresholds: KongHealthchecks.Thresholds) -> String {
        [(thresholds.httpFailures, "HTTP failure"), (thresholds.tcpFailures, "TCP failure"), (thresholds.timeouts, "timeout")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }.joined(separator: " or ")
    }

    private static func interval(_ interval: Nanoseconds) -> String {
        interval > 0 ? DurationText.format(interval) : "never"
    }
}
