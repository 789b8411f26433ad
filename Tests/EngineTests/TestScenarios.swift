import Engine
import Scenario

/// Small scenarios built in code, so engine tests do not depend on the YAML reader.
enum TestScenarios {
    static let here = SourceLocation(file: "test.yaml", line: 1, column: 1)

    static func service(
        _ name: String, replicas: Int = 1, concurrency: Int = 1, queue: Int? = nil, latency: Distribution,
        errors: Double = 0, calls: [CallStep] = []
    ) -> Service {
        Service(
            name: name,
            versions: [ServiceVersion(
                name: "default", replicas: replicas, concurrency: concurrency, queue: queue, latency: latency,
                errors: errors, calls: calls, location: here)],
            location: here)
    }

    static func client(
        _ name: String = "load", target: Client.Target, arrival: Client.Arrival, timeout: Nanoseconds? = nil,
        retries: ClientRetries? = nil, requests: [RequestTemplate] = [RequestTemplate()]
    ) -> Client {
        Client(name: name, target: target, arrival: arrival, timeout: timeout, retries: retries, requests: requests, location: here)
    }

    /// A Poisson client at `rate` per second straight into one service.
    static func queue(
        rate: Double, requests: Double, concurrency: Int = 1, queue: Int? = nil, latency: Distribution, seed: UInt64 = 7
    ) -> Scenario {
        let duration = Nanoseconds(requests / rate * 1e9)
        return Scenario(
            name: "queue", seed: seed, duration: duration, warmup: duration / 50,
            clients: [client(target: .service("server"), arrival: .rate(rate, .poisson))],
            services: [service("server", concurrency: concurrency, queue: queue, latency: latency)])
    }

    static func row(_ result: RunResult, _ scope: ScopeKind, _ name: String) -> ScopeSummary? {
        result.summary.first { $0.scope == scope && $0.name == name }
    }

    static let ms: Nanoseconds = 1_000_000
    static let second: Nanoseconds = 1_000_000_000
}
