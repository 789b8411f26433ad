import Foundation
import Scenario

/// Services that receive more requests than they can process while their queue has no
/// limit: the queue, and the run's memory, grow for as long as the clients send. The
/// estimate, documented for users:
/// - offered rate: each open-loop client's rate (a schedule at its highest point), and each
///   closed-loop client with a `timeout` at users / (think time mean + the shorter of the
///   timeout and its entry's own mean latency), since a user who gives up sends again while
///   the abandoned request still waits; a closed loop without a timeout holds at most one
///   request per user, so it cannot grow a queue without bound. Each request goes down the
///   gateway route Kong picks and the call graph, split over versions by replicas, each call
///   made `percent` of the time, and tried again as often as the client's and the sidecars'
///   retries make it on average, given the callee's `errors`; a saturated version passes on
///   calls at the rate it processes requests, its capacity;
/// - capacity: replicas × concurrency / mean own latency (downstream calls also hold a slot,
///   so the real capacity can only be lower).
/// A version behind a mesh `connectionPool` limit in every cluster that reaches it (the
/// service's, its subset's own) is left out: its callers' sidecars turn the excess away.
enum OfferedLoadLint {
    static func diagnostics(_ scenario: Scenario, _ traffic: CallTraffic) -> [Diagnostic] {
        let offered = offeredRates(scenario, traffic)
        // Every route's destinations by host, gathered once rather than for each overloaded version.
        let routed = Dictionary(grouping: scenario.services.flatMap { ($0.http ?? []).flatMap { $0.route.map(\.destination) } }, by: \.host)
        var found: [Diagnostic] = []
        for service in scenario.services {
            guard let rate = offered[service.name], rate > 0 else { continue }
            let replicas = service.versions.reduce(0) { Saturating.sum($0, $1.replicas) }
            for version in service.versions where version.queue == nil {
                let received = rate * Double(version.replicas) / Double(max(replicas, 1))
                let capacity = capacity(of: version)
                guard received > capacity, !limitedBySidecars(version, of: service, routedTo: routed[service.name] ?? [], scenario) else { continue }
                let name = service.hasDeclaredVersions ? "\(service.name)/\(version.name)" : service.name
                let message = "\(name) receives \(rateText(received)) req/s against a capacity of \(rateText(capacity)) req/s "
                    + "and its queue is unlimited: it will grow by ~\(rateText(received - capacity)) requests per second; "
                    + "add replicas or concurrency, lower the load, or set a queue limit"
                found.append(.warning(message, at: version.location))
            }
        }
        return found
    }

    /// Requests per second offered to each service, callers before callees.
    static func offeredRates(_ scenario: Scenario, _ traffic: CallTraffic) -> [String: Double] {
        var offered: [String: Double] = [:]
        for (client, entries) in zip(scenario.clients, traffic.entries) {
            for entry in entries {
                guard let service = traffic.services[entry.service],
                      let rate = rate(of: client, entering: service, through: scenario.gateway) else { continue }
                offered[entry.service, default: 0] += rate * entry.share * clientTries(client, service) * sidecarTries(into: service, scenario)
            }
        }
        for name in traffic.order {
            guard let incoming = offered[name], incoming > 0, let service = traffic.services[name] else { continue }
            let replicas = Double(max(service.versions.reduce(0) { Saturating.sum($0, $1.replicas) }, 1))
            for version in service.versions {
                // A saturated version passes on only what it processes.
                let served = min(incoming * Double(version.replicas) / replicas, capacity(of: version))
                for call in version.calls.flatMap(\.calls) where call.percent > 0 {
                    guard let callee = traffic.services[call.service] else { continue }
                    offered[call.service, default: 0] += served * call.percent * sidecarTries(into: callee, scenario)
                }
            }
        }
        return offered
    }

    /// Requests per second a version processes at most; without latency, no bound.
    private static func capacity(of version: ServiceVersion) -> Double {
        let latency = version.latency.meanEstimate / 1e9
        return latency > 0 ? Double(version.replicas) * Double(version.concurrency) / latency : .infinity
    }

    /// Requests per second a client sends, or nil when it cannot grow a queue without bound.
    private static func rate(of client: Client, entering service: Service, through gateway: Gateway?) -> Double? {
        switch client.arrival {
        case .rate(let rate, _):
            return rate
        case .schedule(let points, _):
            return points.map(\.rate).max()
        case .users(let users, let thinkTime):
            guard let timeout = client.timeout else { return nil }
            let gatewayLatency = client.target == .gateway ? gateway?.latency.meanEstimate ?? 0 : 0
            let cycle = thinkTime.meanEstimate + min(Double(timeout), gatewayLatency + ownLatency(service))
            return cycle > 0 ? Double(users) / (cycle / 1e9) : nil
        }
    }

    private static func ownLatency(_ service: Service) -> Double {
        let replicas = Double(max(service.versions.reduce(0) { Saturating.sum($0, $1.replicas) }, 1))
        return service.versions.reduce(0) { $0 + $1.latency.meanEstimate * Double($1.replicas) / replicas }
    }

    /// Tries per request of the client's own retries of the entry service's errors.
    private static func clientTries(_ client: Client, _ service: Service) -> Double {
        guard let retries = client.retries else { return 1 }
        let retried: (ServiceVersion) -> Bool = { version in
            retries.on.contains(.status(version.errorStatus)) || retries.on.contains(.serverError) && version.errorStatus >= 500
                || retries.on.contains(.clientError) && version.errorStatus < 500
        }
        return expectedTries(retries: retries.attempts, failing: errorShare(service, where: retried))
    }

    /// Tries per request of the sender's sidecar (a caller's, the gateway's or a client's)
    /// under the callee's first `http` rule (Istio's default retries without one), given the
    /// callee's errors that the rule retries.
    private static func sidecarTries(into service: Service, _ scenario: Scenario) -> Double {
        guard scenario.mesh.enabled else { return 1 }
        let policy = (service.http?.first.map(SidecarRetries.init) ?? .istioDefault).policy
        let failing = errorShare(service) { policy.isRetriable(Outcome(status: Int32(clamping: $0.errorStatus), flag: .none)) }
        return expectedTries(retries: policy.maxRetries, failing: failing)
    }

    /// The share of requests to `service` answered with an error that `retried` accepts.
    private static func errorShare(_ service: Service, where retried: (ServiceVersion) -> Bool) -> Double {
        let replicas = Double(max(service.versions.reduce(0) { Saturating.sum($0, $1.replicas) }, 1))
        return service.versions.filter(retried).reduce(0) { $0 + $1.errors * Double($1.replicas) / replicas }
    }

    /// 1 + p + p² + … + p^retries: each try fails, and is tried again, with probability p.
    private static func expectedTries(retries: Int, failing p: Double) -> Double {
        guard p > 0 else { return 1 }
        let tries = Double(Saturating.tries(retries: retries))
        return p >= 1 ? tries : (1 - pow(p, tries)) / (1 - p)
    }

    /// With the mesh, Envoy's connection pool turns requests away past its limits, in each
    /// cluster that carries the version's traffic: the whole service's (no route names the
    /// service, or one names it without subset) under the service's policy, and the version's
    /// subset cluster (a route names it) under the subset's merged over it. Limited only when
    /// every one of them is; a version no route reaches keeps the service's answer.
    private static func limitedBySidecars(
        _ version: ServiceVersion, of service: Service, routedTo destinations: [Destination], _ scenario: Scenario
    ) -> Bool {
        guard scenario.mesh.enabled else { return false }
        var policies: [TrafficPolicy?] = []
        if destinations.isEmpty || destinations.contains(where: { $0.subset == nil }) { policies.append(service.trafficPolicy) }
        if destinations.contains(where: { $0.subset == version.name }) { policies.append(service.trafficPolicy(subset: version.name)) }
        guard !policies.isEmpty else { return limits(service.trafficPolicy) }
        return policies.allSatisfy(limits)
    }

    private static func limits(_ policy: TrafficPolicy?) -> Bool {
        guard let pool = policy?.connectionPool else { return false }
        return pool.maxConnections != nil || pool.http1MaxPendingRequests != nil || pool.http2MaxRequests != nil
    }

    /// Whole requests per second from 10 up, to a tenth below (`0.4`, `8`).
    static func rateText(_ rate: Double) -> String {
        guard rate < 10 else { return CountText.grouped(rate) }
        let tenths = Saturating.whole(rate * 10)
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
