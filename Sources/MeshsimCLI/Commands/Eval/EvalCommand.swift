import Engine
import Policy
import Scenario

/// `meshsim eval SCENARIO --request "METHOD PATH"`: one request through the scenario's
/// policies at simulated time `--at`, with nothing else running, printed stage by stage.
/// It calls the same policy values the simulation runs.
enum EvalCommand {
    static func run(_ options: EvalOptions, console: inout Console) -> ExitCode {
        let loaded = ScenarioLoader.load(path: options.scenario)
        for diagnostic in loaded.errors { console.printError(diagnostic.description) }
        if loaded.omittedErrors > 0 { console.printError("\(options.scenario): \(loaded.omittedErrors) more errors not shown") }
        guard let scenario = loaded.scenario else { return .badInput }
        var at: Nanoseconds = 0
        if let text = options.at {
            guard let parsed = ValueSyntax.duration(text), parsed >= 0 else {
                console.printError("error: --at \(text): write a duration such as 0s, 90s or 2m")
                return .badInput
            }
            at = parsed
        }
        var client: Client?
        if let name = options.client {
            guard let found = scenario.clients.first(where: { $0.name == name }) else {
                let hint = Suggestion.hint(for: name, among: scenario.clients.map(\.name), listName: "clients are")
                console.printError("error: --client \(name): no such client; \(hint)")
                return .badInput
            }
            client = found
        } else if scenario.clients.count == 1 {
            client = scenario.clients[0]
        }
        let request = EvalRequest(
            method: options.method, path: options.path, headers: options.headers.map { Header(name: $0.name, value: $0.value) },
            client: client, at: at)
        var rng = RandomStream(seed: scenario.seed, key: "eval")
        var report = EvalReport()
        report.line("request", "\(request.method) \(request.path) from \(client.map { "client \($0.name)" } ?? "no client") at \(DurationText.format(at))")
        if !request.headers.isEmpty {
            report.line("headers", request.headers.map { "\($0.name): \($0.value)" }.joined(separator: ", "))
        }
        let service: String?
        if let gateway = scenario.gateway, client.map({ $0.target == .gateway }) ?? true {
            service = GatewayEvaluation(scenario: scenario, gateway: gateway, request: request).run(into: &report)
        } else if case .service(let name) = client?.target {
            service = name
        } else {
            service = scenario.services.first?.name
        }
        if let service, let target = scenario.service(named: service) {
            MeshEvaluation(scenario: scenario, service: target, request: request).run(into: &report, &rng)
        }
        console.print(report.text)
        return .success
    }
}

/// The request `eval` follows: what the command line says plus what the client carries.
struct EvalRequest {
    var method: String
    var path: String
    var headers: [Header]
    var client: Client?
    var at: Nanoseconds
}

/// Aligned `stage  text` lines.
struct EvalReport {
    private var rows: [(stage: String, text: String)] = []

    mutating func line(_ stage: String, _ text: String) {
        rows.append((stage, text))
    }

    /// A continuation of the previous stage.
    mutating func more(_ text: String) {
        rows.append(("", text))
    }

    var text: String {
        let width = rows.map(\.stage.count).max() ?? 0
        return rows.map { row in
            row.stage + String(repeating: " ", count: width - row.stage.count + 2) + row.text
        }.joined(separator: "\n")
    }
}
