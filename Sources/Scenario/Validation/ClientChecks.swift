/// Every client sends to something that exists.
enum ClientChecks {
    static func diagnostics(_ scenario: Scenario, _ names: NameIndex) -> [Diagnostic] {
        scenario.clients.compactMap { client in
            switch client.target {
            case .gateway:
                guard scenario.gateway == nil else { return nil }
                return .error("client \"\(client.name)\" targets the gateway, but the scenario has no gateway section", at: client.location)
            case .service(let service):
                return names.serviceProblem(service).map { .error("client \"\(client.name)\" targets \(service): \($0)", at: client.location) }
            }
        }
    }
}
