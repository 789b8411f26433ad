import Foundation

/// The M/M/c queue every engine in the suite simulates: Poisson arrivals, exponential
/// service, `servers` servers and an unbounded FIFO queue.
struct MMcModel {
    /// Arrivals per second (λ).
    var arrivalRate: Double
    var servers: Int
    /// Mean service time in seconds (1/μ).
    var meanService: Double

    /// The model: λ = 3000/s, c = 4, 1 ms service, so 75% load.
    static let benchmark = MMcModel(arrivalRate: 3000, servers: 4, meanService: 0.001)

    /// One timed run of this model, by the floor or by SimPy.
    struct Run {
        var customers: Int
        /// Mean time in system, seconds.
        var meanSojourn: Double
        var seconds: Double
        var customersPerSecond: Double { Double(customers) / seconds }
    }

    /// How close a simulated mean sojourn must be to Erlang C for the run to count.
    static let tolerance = 0.02

    /// Mean time in system by Erlang C, in seconds: P(wait) / (cμ − λ) + 1/μ.
    /// 1.5094 ms for the benchmark model.
    var meanSojourn: Double {
        let offered = arrivalRate * meanService
        let c = Double(servers)
        var term = 1.0
        var below = 0.0
        for k in 0..<servers {
            below += term
            term *= offered / Double(k + 1)
        }
        let waiting = term * c / (c - offered)
        let probabilityOfWait = waiting / (below + waiting)
        return probabilityOfWait / (c / meanService - arrivalRate) + meanService
    }

    /// True when `measured` (seconds) is within `tolerance` of Erlang C.
    func agrees(withMeanSojourn measured: Double) -> Bool {
        abs(measured / meanSojourn - 1) <= Self.tolerance
    }

    /// The scenario text of this model for meshsim, sending for `duration` seconds.
    /// No warmup, so every request the client sends is counted.
    func scenarioText(duration: Int) -> String {
        """
        name: mmc-bench
        seed: 1
        duration: \(duration)s
        interval: 10s
        clients:
          - { name: load, target: server, rate: \(Int(arrivalRate))/s }
        services:
          server:
            concurrency: \(servers)
            latency: exp(\(Int(meanService * 1_000_000))us)
        """
    }
}
