import Engine
import Scenario

/// M/M/1 built in code: Poisson arrivals at `rate` per second into one server whose service
/// time is exponential with a mean of 1 ms (μ = 1000/s).
enum SingleServer {
    static let here = SourceLocation(file: "test.yaml", line: 1, column: 1)
    static let ms: Nanoseconds = 1_000_000

    static func scenario(name: String, rate: Double, seed: UInt64, duration: Nanoseconds, warmup: Nanoseconds = 0) -> Scenario {
        let server = Service(
            name: "server",
            versions: [ServiceVersion(
                name: "default", replicas: 1, concurrency: 1, queue: nil, latency: .exponential(mean: ms), errors: 0, calls: [],
                location: here)],
            location: here)
        let client = Client(
            name: "load", target: .service("server"), arrival: .rate(rate, .poisson), timeout: nil, retries: nil,
            requests: [RequestTemplate()], location: here)
        return Scenario(name: name, seed: seed, duration: duration, warmup: warmup, clients: [client], services: [server])
    }
}
