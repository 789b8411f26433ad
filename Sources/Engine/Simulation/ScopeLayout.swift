import Scenario

/// Where each report scope sits in the statistics table: total, then clients, routes,
/// services and versions, each in file order (the order of summary.csv).
///
/// Every client request is one client's, and every answer with a version is one service's:
/// `total` is the sum of the client scopes and a service the sum of its versions (plus what
/// its sidecars answered with no version). So a request is recorded once, in the client scope,
/// and an attempt once, in the version scope (or the service's when it has no version), and
/// the parents add their children up when an interval closes and at the end of the run.
struct ScopeLayout: Sendable {
    let clients: Int
    let routes: Int
    let services: Int
    let versions: Int
    let count: Int
    /// Per scope, the scopes it adds up: `total` its clients, a service its versions. A child
    /// always comes after its parent.
    let children: [[Int]]

    static let total = 0

    init(world: World) {
        clients = 1
        routes = clients + world.clients.count
        services = routes + world.routes.count
        versions = services + world.services.count
        count = versions + world.versions.count
        var children = Array(repeating: [Int](), count: count)
        children[Self.total] = Array(clients..<routes)
        for (index, version) in world.versions.enumerated() { children[services + version.service].append(versions + index) }
        self.children = children
    }

    func kind(of scope: Int) -> ScopeKind {
        if scope == 0 { return .total }
        if scope < routes { return .client }
        if scope < services { return .route }
        if scope < versions { return .service }
        return .version
    }
}
