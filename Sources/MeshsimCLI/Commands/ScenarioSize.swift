import Scenario

/// The line `validate`, `run` and `compare` print on stderr before working on a big
/// scenario, so that seconds of building and simulating have their reason on screen:
/// `meshsim: 10,000 services, 10,000 versions, 20,000 instances, 1 client, 1,000 routes`.
enum ScenarioSize {
    /// A scenario reaching any of these is big; the examples stay far below (a few services,
    /// some tens of instances).
    static let services = 1_000
    static let instances = 10_000
    static let clients = 1_000

    /// The line for a big scenario; nil for one below every threshold.
    static func line(_ scenario: Scenario) -> String? {
        let versions = scenario.services.reduce(0) { Saturating.sum($0, $1.versions.count) }
        let instances = scenario.services.reduce(0) { sum, service in service.versions.reduce(sum) { Saturating.sum($0, $1.replicas) } }
        guard scenario.services.count >= Self.services || instances >= Self.instances || scenario.clients.count >= Self.clients else {
            return nil
        }
        let counts = [
            count(scenario.services.count, "service"), count(versions, "version"), count(instances, "instance"),
            count(scenario.clients.count, "client"), count(scenario.gateway?.routes.count ?? 0, "route"),
        ]
        return "meshsim: " + counts.joined(separator: ", ")
    }

    /// "1 client", "1,000 routes", "0 routes".
    static func count(_ n: Int, _ noun: String) -> String {
        "\(CountText.grouped(n)) \(noun)\(n == 1 ? "" : "s")"
    }
}
