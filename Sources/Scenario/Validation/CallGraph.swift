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

    /// A graph with many calls back can close more cycles than anyone reads, each as long as the
    /// chain: the search stops after this many.
    static let maximumCycles = 100

    /// One cycle per call that leads back to a service on the current depth-first path, the
    /// first `maximumCycles` of them. The search keeps its path in an explicit stack: a call
    /// chain may be as deep as there are services.
    func cycles(visitingInOrder services: [String]) -> [Cycle] {
        var cycles: [Cycle] = []
        var finished: Set<String> = []
        // The services on the current path, each with the index of its next edge to follow.
        var path: [(service: String, next: Int)] = []
        var onPath: [String: Int] = [:]
        for root in services where !finished.contains(root) {
            path = [(root, 0)]
            onPath = [root: 0]
            while let (service, next) = path.last {
                let out = edges[service] ?? []
                guard next < out.count else {
                    path.removeLast()
                    onPath[service] = nil
                    finished.insert(service)
                    continue
                }
                path[path.count - 1].next += 1
                let edge = out[next]
                if let start = onPath[edge.to] {
                    cycles.append(Cycle(services: path[start...].map(\.service) + [edge.to], location: edge.location))
                    if cycles.count == Self.maximumCycles { return cycles }
                } else if !finished.contains(edge.to) {
                    onPath[edge.to] = path.count
                    path.append((edge.to, 0))
                }
            }
        }
        return cycles
    }
}
