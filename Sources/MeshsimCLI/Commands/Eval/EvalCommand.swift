import Engine
import ManifestImport
import Policy
import Scenario

/// `meshsim eval SCENARIO --request "METHOD PATH"`: one request through the scenario's
/// policies at simulated time `--at`, with nothing else running, printed stage by stage.
/// `--repeat N` sends N of them `--every D` apart through the same policy state (see
/// `EvalSequence`). It calls the same policy values the simulation runs.
enum EvalCommand {
    static func run(_ options: EvalOptions, console: inout Console) -> ExitCode {
        let loaded = ScenarioLoader.load(path: options.scenario, expansion: ManifestExpansion(scenarioFile: options.scenario))
        for diagnostic in loaded.errors { console.printError(diagnostic.description) }
        if loaded.omittedErrors > 0 { console.printError("\(options.scenario): \(loaded.omittedErrors) more errors not shown") }
        guard let scenario = loaded.scenario else { return .badInput }
        guard let at = duration(options.at, option: "--at", console: &console),
              let every = duration(options.every, option: "--every", console: &console) else { return .badInput }
        let (span, spanOverflow) = every.multipliedReportingOverflow(by: Int64(options.repeat - 1))
        guard !spanOverflow, !at.addingReportingOverflow(span).overflow else {
            console.printError("error: --repeat \(options.repeat) --every \(options.every ?? "0s"): the last request would come after the latest time meshsim can count; send fewer or closer requests")
            return .badInput
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
        guard let request = outgoingRequest(options, client: client, at: at) else {
            console.printError("error: \(UsageError.missingOption("--request", command: "eval").description)")
            return .badInput
        }
        var sequence = EvalSequence(scenario: scenario, request: request, every: every)
        console.print(sequence.run(count: options.repeat))
        return .success
    }

    /// What the command line asks for, completed by the client: without `--request`, its
    /// first request; with it, the headers of its request with that method and path (else
    /// of its first). A `--header` replaces a client header of the same name.
    private static func outgoingRequest(_ options: EvalOptions, client: Client?, at: Nanoseconds) -> EvalRequest? {
        let template: RequestTemplate?
        if let method = options.method, let path = options.path {
            template = client.flatMap { client in
                client.requests.first { $0.method.uppercased() == method && $0.path == path } ?? client.requests.first
            }
            return EvalRequest(method: method, path: path, headers: headers(template, options.headers), client: client, at: at)
        }
        guard let first = client?.requests.first else { return nil }
        // A keyed path is followed with its first key, the most popular under Zipf.
        let path = first.keys.map { $0.path(prefix: first.path, key: 1) } ?? first.path
        return EvalRequest(method: first.method.uppercased(), path: path, headers: headers(first, options.headers), client: client, at: at)
    }

    private static func headers(_ template: RequestTemplate?, _ given: [EvalHeader]) -> [Header] {
        let replaced = Set(given.map { $0.name.lowercased() })
        let own = (template?.headers ?? []).filter { !replaced.contains($0.name.lowercased()) }
        return own + given.map { Header(name: $0.name, value: $0.value) }
    }

    /// A duration option's value, 0 when not given; nil after printing why it is unusable.
    private static func duration(_ text: String?, option: String, console: inout Console) -> Nanoseconds? {
        guard let text else { return 0 }
        // The parser has refused a negative one already.
        guard let parsed = ValueSyntax.duration(text) else {
            console.printError("error: \(option) \(text): write a duration such as 0s, 90s or 2m")
            return nil
        }
        return parsed
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

/// Aligned `stage  text` lines, and the request's outcome in a few words.
struct EvalReport {
    private var rows: [(stage: String, text: String)] = []
    /// Where the request ended ("429 (RL) at rate-limiting (route)", "reaches orders/v1"),
    /// set by the stage that decided it; what `eval --repeat` groups requests by.
    private(set) var verdict = "no stage decided"

    mutating func decide(_ verdict: String) {
        self.verdict = verdict
    }

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
