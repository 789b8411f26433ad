/// Which service calls which, with the first place each call is written.
struct CallGraph {
    struct Cycle {
        /// Starts and ends with the same service.
        var services: [String]
        /// The call that closes the cycle.
        var location: SourceLocation
    }

    private var edges: [String: [(to: String, location: SourceLocation)]] = [:]

    mutating func addEdge(from caller: String, to callee: String, at location: SourceLocation) {
        if edges[caller, default: []].contains(where: { $0.to == callee }) { return }
        edges[caller, default: []].append((callee, location))
    }

    /// One cycle per call that leads back to a service on the current depth-first path.
    func cycles(visitingInOrder services: [String]) -> [Cycle] {
        var search = Search(edges: edges)
        for service in services where search.finished[service] == nil {
            search.visit(service)
        }
        return search.cycles
    }

    private struct Search {
        let edges: [String: [(to: String, location: SourceLocation)]]
        var path: [String] = []
        var onPath: Set<String> = []
        var finished: [String: Bool] = [:]
        var cycles: [Cycle] = []

        mutating func visit(_ service: String) {
            path.append(service)
            onPath.insert(service)
            for edge in edges[service] ?? [] {
                if onPath.contains(edge.to), let start = path.firstIndex(of: edge.to) {
                    cycles.append(Cycle(services: Array(path[start...]) + [edge.to], location: edge.location))
                } else if finished[edge.to] == nil {
                    visit(edge.to)
                }
            }
            path.removeLast()
            onPath.remove(service)
            finished[service] = true
        }
    }
}
