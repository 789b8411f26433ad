import Scenario

/// Where each report scope sits in the statistics table: total, then clients, routes,
/// services and versions, each in file order (the order of summary.csv).
struct ScopeLayout: Sendable {
    let clients: Int
    let routes: Int
    let services: Int
    let versions: Int
    let count: Int

    static let total = 0

    init(world: World) {
        clients = 1
        routes = clients + world.clients.count
        services = routes + world.routes.count
        versions = services + world.services.count
        count = versions + world.versions.count
    }

    func kind(of scope: Int) -> ScopeKind {
        if scope == 0 { return .total }
        if scope < routes { return .client }
        if scope < services { return .route }
        if scope < versions { return .service }
        return .version
    }
}
