/// The names a scenario declares, for checking references to them and for suggestions.
struct NameIndex {
    /// In file order, as are all the lists here, so that suggestions and listings follow the file.
    let services: [String]
    let clients: [String]
    let routes: [String]
    private let versionsByService: [String: [String]]
    private let replicasByVersion: [String: Int]

    init(_ scenario: Scenario) {
        services = scenario.services.map(\.name)
        clients = scenario.clients.map(\.name)
        routes = scenario.gateway?.routes.map(\.name) ?? []
        var versions: [String: [String]] = [:]
        var replicas: [String: Int] = [:]
        for service in scenario.services {
            versions[service.name] = service.versions.map(\.name)
            for version in service.versions {
                replicas["\(service.name)/\(version.name)"] = version.replicas
            }
        }
        versionsByService = versions
        replicasByVersion = replicas
    }

    func hasService(_ name: String) -> Bool {
        versionsByService[name] != nil
    }

    func versions(of service: String) -> [String] {
        versionsByService[service] ?? []
    }

    func replicas(of service: String, version: String) -> Int? {
        replicasByVersion["\(service)/\(version)"]
    }

    /// Every `service/version`, as assertions label versions.
    var qualifiedVersions: [String] {
        services.flatMap { service in versions(of: service).map { "\(service)/\($0)" } }
    }

    /// nil when the service exists, otherwise what is wrong with the reference.
    func serviceProblem(_ name: String) -> String? {
        hasService(name) ? nil : Self.unknown("service", name, among: services)
    }

    /// nil when the service has the version; assumes the service exists.
    func versionProblem(_ version: String, of service: String) -> String? {
        let known = versions(of: service)
        if known.contains(version) { return nil }
        return "service \"\(service)\" has no version \"\(version)\"" + versionHint(version, of: service)
    }

    /// `; did you mean "v2"?`, or the service's versions when none is close.
    func versionHint(_ version: String, of service: String) -> String {
        Self.hint(version, among: versions(of: service), plural: "versions")
    }

    /// `no service named "ordrs"; did you mean "orders"?`, or the valid names when none is close.
    static func unknown(_ kind: String, _ name: String, among names: [String]) -> String {
        "no \(kind) named \"\(name)\"" + hint(name, among: names, plural: kind + "s")
    }

    private static func hint(_ name: String, among names: [String], plural: String) -> String {
        if let suggestion = Suggestion.closest(to: name, among: names) {
            return "; did you mean \"\(suggestion)\"?"
        }
        if names.isEmpty { return " (there are no \(plural))" }
        return " (\(plural): \(Suggestion.listing(names)))"
    }
}
