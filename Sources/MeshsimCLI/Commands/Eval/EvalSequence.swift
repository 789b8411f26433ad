import Engine
import Scenario

/// The requests of one `eval`, sent one after another through the same gateway counters
/// and random stream, and printed so that a change of verdict stands out: every stage of
/// the first request and of the first request with each new verdict, one line for each run
/// of requests with an unchanged verdict, then a tally by verdict. A single request prints
/// its stages only.
struct EvalSequence {
    /// Runs printed as lines before the rest is left to the tally, so that a verdict that
    /// changes at random (a fault drawn for some requests) cannot print 100,000 lines.
    static let runLines = 100

    let scenario: Scenario
    let request: EvalRequest
    let every: Nanoseconds
    private var gateway: GatewayEvaluation?
    private var rng: RandomStream

    init(scenario: Scenario, request: EvalRequest, every: Nanoseconds) {
        self.scenario = scenario
        self.request = request
        self.every = every
        gateway = scenario.gateway.flatMap { gateway in
            request.client.map { $0.target == .gateway } ?? true ? GatewayEvaluation(scenario: scenario, gateway: gateway) : nil
        }
        rng = RandomStream(seed: scenario.seed, key: "eval")
    }

    /// The text for `count` requests (`count` ≥ 1; the caller checked that the last one's
    /// time fits).
    mutating func run(count: Int) -> String {
        let first = evaluate(number: 0)
        guard count > 1 else { return first.text }
        // Each request's stages set apart by blank lines; the one-line runs between them together.
        var text = "request 1 of \(count):\n" + first.text
        var afterStages = true
        var tally: [(verdict: String, count: Int)] = [(first.verdict, 1)]
        // Requests numbered from 1: the run's first, shown above, and its last so far.
        var run = (first: 1, last: 1, verdict: first.verdict)
        var lines = 0
        func addLine(_ line: String) {
            lines += 1
            guard lines <= Self.runLines else { return }
            text += (afterStages ? "\n\n" : "\n") + line
            afterStages = false
        }
        func closeRun() {
            guard run.last > run.first else { return }
            let span = run.last == run.first + 1 ? "request \(run.last)" : "requests \(run.first + 1)–\(run.last)"
            addLine("\(span): \(run.verdict), as request \(run.first)")
        }
        for number in 2...count {
            let report = evaluate(number: number - 1)
            if report.verdict == run.verdict {
                run.last = number
            } else {
                closeRun()
                if tally.contains(where: { $0.verdict == report.verdict }) {
                    addLine("request \(number) at \(DurationText.format(time(of: number - 1))): \(report.verdict)")
                } else {
                    text += "\n\nrequest \(number) of \(count):\n" + report.text
                    afterStages = true
                }
                run = (number, number, report.verdict)
            }
            if let index = tally.firstIndex(where: { $0.verdict == report.verdict }) {
                tally[index].count += 1
            } else {
                tally.append((report.verdict, 1))
            }
        }
        closeRun()
        if lines > Self.runLines { text += "\n… \(lines - Self.runLines) more lines like the ones above; the counts below are complete" }
        let when = every == 0 ? "at \(DurationText.format(request.at))" : "every \(DurationText.format(every)) from \(DurationText.format(request.at))"
        return text + "\n\n\(count) requests \(when): " + tally.map { "\($0.verdict): \($0.count)" }.joined(separator: "; ")
    }

    private func time(of number: Int) -> Nanoseconds {
        request.at + every * Int64(number)
    }

    /// The stages of request `number` (from 0).
    private mutating func evaluate(number: Int) -> EvalReport {
        var request = request
        request.at = time(of: number)
        let client = request.client
        var report = EvalReport()
        report.line("request", "\(request.method) \(request.path) from \(client.map { "client \($0.name)" } ?? "no client") at \(DurationText.format(request.at))")
        if !request.headers.isEmpty {
            report.line("headers", request.headers.map { "\($0.name): \($0.value)" }.joined(separator: ", "))
        }
        let service: String?
        if let edge = gateway?.istioEdge {
            let replica = gateway?.replica(ofRequest: number) ?? 0
            if gateway?.runIstio(request, replica: replica, into: &report) == true {
                MeshEvaluation(scenario: scenario, service: edge, request: request).run(into: &report, &rng)
            }
            return report
        } else if gateway != nil {
            let replica = gateway?.replica(ofRequest: number) ?? 0
            service = gateway?.run(request, replica: replica, into: &report, &rng)
            // The mesh matches the request as the route's request-transformer left it.
            if let headers = gateway?.upstreamHeaders { request.headers = headers }
        } else if case .service(let name) = client?.target {
            service = name
        } else {
            service = scenario.services.first?.name
        }
        if let service, let target = scenario.service(named: service) {
            report.decide("reaches \(service)")
            MeshEvaluation(scenario: scenario, service: target, request: request).run(into: &report, &rng)
        }
        return report
    }
}
